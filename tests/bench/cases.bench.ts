import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import { appendEvents, verifyChain, type CaseEventBody, type CaseRecord } from '../../shared/cases';
import { buildTemplate, labelsFor, parseIndicators, renderTemplateText } from '../../shared/templates';
import { CaseTimeline } from '../../renderer/cases/CaseTimeline';
import { median, type Figure } from './figure';

/**
 * cases.timeline.1k.render_ms: the case timeline of 1,000 events rendered in Node with
 * react-dom/server renderToString (not in a browser: no layout/paint included). One event in three is
 * a message carrying a structured template (indicators included), shown in the reader's language.
 * cases.chain.verify.10k_ms: verifying a hash chain of 10,000 events (SHA-256 via WebCrypto).
 */
async function makeCase(count: number): Promise<CaseRecord> {
  const self = { state: 'XAA', role: 'technical' } as const;
  const structured = buildTemplate({
    language: 'fr',
    exercise: true,
    nature: 'request-information',
    sender: { name: 'Fictional sender', affiliation: 'Fictional CERT', role: 'technical', state: 'XAA' },
    urgency: 'urgent',
    incident: { summary: 'Rançongiciel fictif', sectors: ['health'] },
    indicators: parseIndicators('192.0.2.10 hxxp://c2[.]example[.]org/x 2001:db8::1 CVE-2024-3094')
      .indicators,
  });
  const bodies: CaseEventBody[] = [
    {
      kind: 'opened',
      at: '2024-05-01T08:00:00.000Z',
      subject: 'Fictional bench case',
      origin: 'outgoing',
      self,
      counterpart: { state: 'XBB', role: 'technical' },
      exercise: true,
    },
  ];
  for (let i = 1; i < count; i++) {
    const at = new Date(Date.UTC(2024, 4, 1, 8, 0, i)).toISOString();
    bodies.push(
      i % 3 === 0
        ? {
            kind: 'message',
            at,
            direction: i % 2 ? 'in' : 'out',
            messageId: `bench${String(i).padStart(8, '0')}`,
            nature: 'request-information',
            text: `Fictional message ${i}\nIndicator 192.0.2.${i % 255}`,
            structured,
            textLanguage: 'fr',
            from: self,
          }
        : { kind: 'note', at, text: `Fictional note ${i}` },
    );
  }
  return appendEvents({ id: 'case-bench0001', events: [], head: null }, bodies);
}

export async function run(): Promise<Figure[]> {
  const labels = labelsFor('en');
  const t = (key: string) => key;
  const formatTime = (iso: string) => iso.replace('T', ' ').slice(0, 16);
  const small = await makeCase(1_000);
  const small_verification = await verifyChain(small);
  const renders: number[] = [];
  for (let i = 0; i < 7; i++) {
    const started = performance.now();
    renderToString(
      createElement(CaseTimeline, {
        events: small.events,
        verification: small_verification,
        t,
        labels,
        formatTime,
        renderStructured: (template) => renderTemplateText(template, 'en'),
      }),
    );
    renders.push(performance.now() - started);
  }
  const big = await makeCase(10_000);
  const verifies: number[] = [];
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    const result = await verifyChain(big);
    verifies.push(performance.now() - started);
    if (!result.intact) throw new Error('bench chain does not verify');
  }
  return [
    {
      name: 'cases.timeline.1k.render_ms',
      value: median(renders.slice(2)),
      unit: 'ms',
      target: 200,
      better: 'lower',
      note: 'renderToString in Node, median of 5 after 2 warm-ups',
    },
    {
      name: 'cases.chain.verify.10k_ms',
      value: median(verifies),
      unit: 'ms',
      target: 300,
      better: 'lower',
      note: 'median of 5',
    },
  ];
}
