import { describe, expect, it } from 'vitest';
import type { PointOfContact } from '../../../../shared/directory/model';
import {
  appendEvents,
  CaseError,
  dueSoon,
  filterCases,
  handoverCandidates,
  handoverEvent,
  summarizeCase,
  verifyChain,
} from '../../../../shared/cases';
import { caseWith, message, opened, self } from './fixtures';

/** Fictional directory entries: XAA is the own State. */
function entry(id: string, state: string, role: 'technical' | 'diplomatic', entity: string): PointOfContact {
  return {
    id,
    state,
    role,
    kind: 'entity',
    language: 'en',
    text: { entity },
    phones: [],
    emails: [],
    workingLanguages: ['en'],
    regionalDirectories: [],
    revision: 1,
    updatedAt: '2024-05-01T00:00:00.000Z',
  };
}

const ownDiplomatic = entry(
  'xaa-dip-0001',
  'XAA',
  'diplomatic',
  'Ministry of Foreign Affairs of XAA (fictional)',
);
const ownTechnical = entry('xaa-tech-001', 'XAA', 'technical', 'CERT-A (fictional)');
const foreignDiplomatic = entry('xbb-dip-0001', 'XBB', 'diplomatic', 'Ministry of XBB (fictional)');

describe('handover to the own State’s POC of the other role (A §9)', () => {
  it('offers only the own State’s entries of the other role', () => {
    expect(
      handoverCandidates([foreignDiplomatic, ownTechnical, ownDiplomatic], self, 'diplomatic').map(
        (e) => e.id,
      ),
    ).toEqual(['xaa-dip-0001']);
  });

  it('records a chained handover event naming the POC chosen, shown in the case summary and found by search', async () => {
    const event = handoverEvent({
      at: '2024-05-01T08:10:00.000Z',
      self,
      to: ownDiplomatic,
      note: '  Please take this up with XBB (fictional).  ',
    });
    expect(event).toEqual({
      kind: 'handover',
      at: '2024-05-01T08:10:00.000Z',
      toRole: 'diplomatic',
      toPocId: 'xaa-dip-0001',
      to: {
        state: 'XAA',
        role: 'diplomatic',
        pocId: 'xaa-dip-0001',
        label: 'Ministry of Foreign Affairs of XAA (fictional)',
      },
      note: 'Please take this up with XBB (fictional).',
    });
    const record = await caseWith([opened(), event, message()]);
    expect((await verifyChain(record)).intact).toBe(true);
    const summary = summarizeCase(record);
    expect(summary?.handedOverTo).toMatchObject({ pocId: 'xaa-dip-0001', role: 'diplomatic' });
    expect(filterCases(summary ? [summary] : [], { text: 'ministry foreign' })).toHaveLength(1);
  });

  it('refuses a "handover" to another State or to the same role', () => {
    expect(() => handoverEvent({ at: '2024-05-01T08:10:00.000Z', self, to: foreignDiplomatic })).toThrow(
      CaseError,
    );
    expect(() => handoverEvent({ at: '2024-05-01T08:10:00.000Z', self, to: ownTechnical })).toThrow(
      /handover-not-allowed/,
    );
  });

  it('an edited handover (another POC named afterwards) breaks the chain', async () => {
    const record = await caseWith([
      opened(),
      handoverEvent({ at: '2024-05-01T08:10:00.000Z', self, to: ownDiplomatic }),
      message(),
    ]);
    const second = record.events[1];
    if (second?.body.kind !== 'handover') throw new Error('fixture');
    second.body = { ...second.body, toPocId: 'xaa-dip-9999' };
    expect(await verifyChain(record)).toMatchObject({ intact: false, index: 1 });
  });
});

describe('a deadline set by the user', () => {
  it('becomes the case deadline with who owes it, and the due-soon list picks it up', async () => {
    let record = await caseWith([
      opened(undefined, false, 'incoming'),
      message({ direction: 'in', urgency: 'routine' }),
    ]);
    const now = new Date('2024-05-01T10:00:00.000Z');
    let summary = summarizeCase(record);
    expect(summary && dueSoon([summary], now)).toEqual([]);
    record = await appendEvents(record, [
      {
        kind: 'deadline',
        at: '2024-05-01T09:00:00.000Z',
        dueAt: '2024-05-02T12:00:00.000Z',
        owedBy: 'counterpart',
        reason: 'Agreed by phone',
      },
    ]);
    summary = summarizeCase(record);
    expect(summary?.deadline).toEqual({
      dueAt: '2024-05-02T12:00:00.000Z',
      reason: 'set-by-user',
      owedBy: 'counterpart',
    });
    expect(summary && dueSoon([summary], now).map((d) => d.dueAt)).toEqual(['2024-05-02T12:00:00.000Z']);
    expect(filterCases(summary ? [summary] : [], { text: 'phone' })).toHaveLength(1);
  });

  it('an older deadline event without owedBy is read as owed by us', async () => {
    const record = await caseWith([
      opened(),
      { kind: 'deadline', at: '2024-05-01T09:00:00.000Z', dueAt: '2024-05-02T12:00:00.000Z' },
    ]);
    expect(summarizeCase(record)?.deadline?.owedBy).toBe('self');
  });
});
