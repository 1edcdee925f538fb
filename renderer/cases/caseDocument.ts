import {
  summarizeCase,
  type CaseRecord,
  type ChainedEvent,
  type ChainVerification,
} from '../../shared/cases';
import { stateName } from '../../shared/directory/stateNames';
import { directionOf, type UnLanguage } from '../../shared/i18n/languages';
import { groupFingerprint } from '../../shared/openpgp/fingerprint';
import { labelsFor, templateFieldRows } from '../../shared/templates';
import type { Party } from '../../shared/cases';
import type { CasePdfInput, PdfBlock } from './casePdf';
import type { Translate } from './CaseTimeline';

type MessageBody = Extract<ChainedEvent['body'], { kind: 'message' }>;
const utc = (iso: string) => `${iso.slice(0, 16).replace('T', ' ')} UTC`;

/**
 * What the case PDF says, in the reader's language (issue 10): a metadata table (parties with State
 * names, status, TLP, deadline, chain check and head), one section per message — heading, its
 * fields as a two-column table, indicators as a list, verdict and signer fingerprint, the A §10
 * statement on acknowledgements — then the other events of the record.
 */
export function caseDocument(
  record: CaseRecord,
  verification: ChainVerification,
  t: Translate,
  language: UnLanguage,
  now = new Date(),
): Omit<CasePdfInput, 'fonts'> {
  const labels = labelsFor(language);
  const summary = summarizeCase(record);
  const party = (p: Party) =>
    `${p.label ? `${p.label}, ` : ''}${stateName(p.state, language)} (${labels.roles[p.role]})`;
  const chain = verification.intact
    ? t('chain.intact', { count: verification.count })
    : t('chain.broken', {
        index: verification.index + 1,
        problem: t(`chain.problem.${verification.problem}`),
      });
  const meta: [string, string][] = [
    [t('pdf.reference'), record.id],
    [t('pdf.subject'), summary?.subject ?? ''],
    [t('pdf.status'), summary ? t(`status.${summary.status}`) : ''],
    ...(summary
      ? ([
          [t('pdf.ownSide'), party(summary.self)],
          [t('pdf.counterpart'), party(summary.counterpart)],
        ] as [string, string][])
      : []),
    ...(summary?.handedOverTo
      ? ([[t('handover.fact'), party(summary.handedOverTo)]] as [string, string][])
      : []),
    ['TLP', summary?.tlp ? `TLP:${summary.tlp}` : t('pdf.noTlp')],
    ...(summary?.urgency
      ? ([[labels.fields.urgency, labels.urgencies[summary.urgency]]] as [string, string][])
      : []),
    [t('pdf.opened'), summary ? utc(summary.openedAt) : ''],
    ...(summary?.deadline
      ? ([
          [
            t('deadline'),
            `${utc(summary.deadline.dueAt)} — ${t(`deadlineReason.${summary.deadline.reason}`)} (${t(`owedBy.${summary.deadline.owedBy}`)})`,
          ],
        ] as [string, string][])
      : []),
    [t('pdf.chain'), chain],
    [t('pdf.head'), record.head?.hash ?? '—'],
  ];
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: t('pdf.summary') },
    { kind: 'table', rows: meta },
  ];
  if (summary?.exercise) blocks.unshift({ kind: 'paragraph', text: `*** ${labels.exerciseWatermark} ***` });

  const messages = record.events.filter(
    (e): e is ChainedEvent & { body: MessageBody } => e.body.kind === 'message',
  );
  blocks.push({ kind: 'heading', level: 1, text: t('pdf.messages') });
  messages.forEach((event, index) => blocks.push(...messageSection(event, index + 1, t, language, party)));

  const others = record.events.filter((e) => e.body.kind !== 'message');
  blocks.push({ kind: 'heading', level: 1, text: t('pdf.record') });
  blocks.push({
    kind: 'table',
    rows: others.map((event) => [`#${event.seq} · ${utc(event.body.at)}`, describe(event, t, language)]),
  });
  blocks.push({ kind: 'paragraph', small: true, text: t('pdf.chainExplain') });
  return {
    title: t('pdf.title'),
    subtitle: [`${t('pdf.reference')}: ${record.id}`, `${t('pdf.exportedAt')}: ${utc(now.toISOString())}`],
    blocks,
    reference: record.id,
    ...(summary?.tlp ? { tlp: summary.tlp } : {}),
    noTlpText: t('pdf.noTlp'),
    pageLabel: (n, total) => t('pdf.page', { n, total }),
    ...(summary?.exercise ? { exerciseWatermark: labels.exerciseWatermark } : {}),
    direction: directionOf(language),
  };
}

function verdictOf(body: MessageBody, t: Translate): string {
  if (!body.signerFingerprint) return t('pdf.verdict.none');
  return body.direction === 'in' ? t('pdf.verdict.verified') : t('pdf.verdict.own');
}

function messageSection(
  event: ChainedEvent & { body: MessageBody },
  number: number,
  t: Translate,
  language: UnLanguage,
  party: (p: Party) => string,
): PdfBlock[] {
  const labels = labelsFor(language);
  const { body } = event;
  const title = t(body.direction === 'out' ? 'event.messageOut' : 'event.messageIn', {
    nature: labels.natures[body.nature],
  });
  const rows: [string, string][] = [
    [labels.messageId, body.messageId],
    [t('pdf.date'), utc(body.at)],
    [t('pdf.from'), party(body.from)],
    [t('pdf.verdictLabel'), verdictOf(body, t)],
    [t('pdf.fingerprint'), body.signerFingerprint ? groupFingerprint(body.signerFingerprint) : '—'],
    [t('pdf.eventHash'), event.hash],
  ];
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 2, text: `${number}. ${title}` },
    { kind: 'table', rows },
  ];
  if (body.structured) {
    const fields = templateFieldRows(body.structured, language);
    blocks.push({ kind: 'table', rows: fields.rows });
    if (fields.indicators.length)
      blocks.push(
        { kind: 'paragraph', text: labels.fields.indicators },
        { kind: 'list', items: fields.indicators },
      );
    if (fields.statement) blocks.push({ kind: 'paragraph', text: fields.statement });
  } else {
    blocks.push({ kind: 'paragraph', text: body.text });
  }
  return blocks;
}

function describe(event: ChainedEvent, t: Translate, language: UnLanguage): string {
  const labels = labelsFor(language);
  const { body } = event;
  switch (body.kind) {
    case 'opened':
      return `${t('event.opened')} — ${body.subject}`;
    case 'message':
      return body.messageId;
    case 'status':
      return `${t('event.status', { status: t(`status.${body.status}`) })}${body.reason ? ` — ${body.reason}` : ''}`;
    case 'note':
      return `${t('event.note')}: ${body.text}`;
    case 'deadline':
      return `${t('event.deadline', { due: utc(body.dueAt) })}${body.owedBy ? ` — ${t(`owedBy.${body.owedBy}`)}` : ''}${body.reason ? ` — ${body.reason}` : ''}`;
    case 'consent': {
      const who = `${body.party.state} (${labels.roles[body.party.role]})`;
      const what = t(body.granted ? 'event.consentGranted' : 'event.consentRefused', { party: who });
      const signer = body.evidenceSignerFingerprint
        ? ` (${t('pdf.fingerprint')}: ${groupFingerprint(body.evidenceSignerFingerprint)})`
        : '';
      const evidence = body.evidenceMessageId
        ? `${t('consent.carriedBy', { id: body.evidenceMessageId })}${signer}`
        : t('consent.withoutMessage');
      return `${what}${body.thirdParty ? ` — ${body.thirdParty}` : ''} — ${evidence}`;
    }
    case 'handover':
      return `${body.to ? t('event.handoverTo', { name: body.to.label ?? body.to.state, role: labels.roles[body.toRole] }) : t('event.handover', { role: labels.roles[body.toRole] })}${body.note ? ` — ${body.note}` : ''}`;
    case 'cross-role-confirmed':
      return t('event.crossRole', { role: labels.roles[body.recipient.role] });
    case 'exported':
      return `${t('event.exported', { format: body.format.toUpperCase() })}${body.thirdParty ? ` — ${body.thirdParty}` : ''}`;
  }
}
