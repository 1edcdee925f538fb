import { describe, expect, it } from 'vitest';
import { buildMispEvent, caseIndicators, strictestTlp } from '../../../../shared/indicators';
import { parseIndicators } from '../../../../shared/templates/indicators';
import type { CaseRecord } from '../../../../shared/cases/model';

const { indicators } = parseIndicators(
  'hxxp://bad[.]example/x 198.51.100.7 AS64501 CVE-2026-0001 bad[.]example',
);

describe('MISP event export', () => {
  it('one attribute per indicator with MISP types, real values, the TLP as a taxonomy tag', () => {
    const event = buildMispEvent({
      title: 'Fictional case',
      indicators,
      tlp: 'AMBER+STRICT',
      createdAt: '2026-11-30T12:00:00Z',
    });
    expect(event.Event.info).toBe('Fictional case');
    expect(event.Event.date).toBe('2026-11-30');
    expect(event.Event.distribution).toBe('0');
    expect(event.Event.Tag).toEqual([{ name: 'tlp:amber+strict' }]);
    expect(event.Event.Attribute.map((a) => [a.type, a.value, a.to_ids])).toEqual([
      ['url', 'http://bad.example/x', true],
      ['ip-dst', '198.51.100.7', true],
      ['AS', '64501', false],
      ['vulnerability', 'CVE-2026-0001', false],
      ['domain', 'bad.example', true],
    ]);
    expect(new Set(event.Event.Attribute.map((a) => a.uuid)).size).toBe(5);
  });
});

describe('indicators of a case', () => {
  const message = (messageId: string, tlp: 'GREEN' | 'RED' | undefined, values: string) => ({
    seq: 0,
    prevHash: '0'.repeat(64),
    hash: '0'.repeat(64),
    body: {
      kind: 'message' as const,
      at: '2026-11-30T12:00:00.000Z',
      direction: 'in' as const,
      messageId,
      nature: 'incident' as const,
      ...(tlp ? { tlp } : {}),
      structured: { indicators: parseIndicators(values).indicators },
      text: 'fictional',
      from: { state: 'NOR', role: 'technical' as const },
    },
  });

  it('collects each indicator once and marks the export with the strictest TLP', () => {
    const record = {
      id: 'case-1',
      events: [
        message('msg-000001', 'GREEN', '198.51.100.7 a.example'),
        message('msg-000002', 'RED', 'a.example b.example'),
      ],
    };
    const all = caseIndicators(record as unknown as CaseRecord);
    expect(all.indicators.map((i) => i.value)).toEqual(['198.51.100.7', 'a.example', 'b.example']);
    expect(all.tlp).toBe('RED');
    const one = caseIndicators(record as unknown as CaseRecord, 'msg-000001');
    expect(one.indicators.map((i) => i.value)).toEqual(['198.51.100.7', 'a.example']);
    expect(one.tlp).toBe('GREEN');
    expect(strictestTlp([undefined, 'AMBER', 'CLEAR'])).toBe('AMBER');
  });
});
