import { describe, expect, it } from 'vitest';
import {
  appendEvents,
  dueSoon,
  filterCases,
  summarizeCase,
  type CaseSummary,
} from '../../../../shared/cases';
import { caseWith, message, opened, peer } from './fixtures';

async function summary(...bodies: Parameters<typeof caseWith>[0]): Promise<CaseSummary> {
  const s = summarizeCase(await caseWith(bodies));
  if (!s) throw new Error('no summary');
  return s;
}

describe('case status and deadlines', () => {
  it('follows the exchange: awaiting reply → acknowledged (with its estimated time) → answered → closed', async () => {
    let record = await caseWith([opened(), message({ urgency: 'urgent' })]);
    expect(summarizeCase(record)).toMatchObject({
      status: 'awaiting-reply',
      deadline: { dueAt: '2024-05-02T08:05:00.000Z', reason: 'urgent-inquiry', owedBy: 'counterpart' },
    });
    record = await appendEvents(record, [
      message({
        direction: 'in',
        nature: 'acknowledgement',
        at: '2024-05-01T09:00:00.000Z',
        estimatedResponseHours: 48,
        from: peer,
      }),
    ]);
    expect(summarizeCase(record)).toMatchObject({
      status: 'acknowledged',
      deadline: { dueAt: '2024-05-03T09:00:00.000Z', reason: 'estimated-response' },
    });
    record = await appendEvents(record, [
      message({ direction: 'in', nature: 'response', at: '2024-05-02T09:00:00.000Z', from: peer }),
    ]);
    expect(summarizeCase(record)).toMatchObject({ status: 'answered', messageCount: 3 });
    expect(summarizeCase(record)?.deadline).toBeUndefined();
    record = await appendEvents(record, [
      { kind: 'status', at: '2024-05-03T00:00:00.000Z', status: 'closed' },
    ]);
    expect(summarizeCase(record)?.status).toBe('closed');
  });

  it('an incoming inquiry is open and owed by us', async () => {
    const s = await summary(
      opened(undefined, false, 'incoming'),
      message({ direction: 'in', urgency: 'routine', from: peer }),
    );
    expect(s).toMatchObject({
      status: 'open',
      deadline: { reason: 'routine-inquiry', owedBy: 'self', dueAt: '2024-05-08T08:05:00.000Z' },
    });
  });

  it('lists what is due soon, overdue first, and leaves closed and far-off cases out', async () => {
    const urgent = { ...(await summary(opened(), message({ urgency: 'urgent' }))), id: 'urgent01' };
    const routine = { ...(await summary(opened(), message({ urgency: 'routine' }))), id: 'routine1' };
    const closed = {
      ...(await summary(opened(), message(), {
        kind: 'status',
        at: '2024-05-01T09:00:00.000Z',
        status: 'closed',
      })),
      id: 'closed01',
    };
    const now = new Date('2024-05-02T10:00:00.000Z');
    const due = dueSoon([routine, closed, urgent], now);
    expect(due.map((d) => d.summary.id)).toEqual(['urgent01']);
    expect(due[0]).toMatchObject({ overdue: true });
    expect(dueSoon([routine, urgent], now, 24 * 7).map((d) => d.summary.id)).toEqual([
      'urgent01',
      'routine1',
    ]);
  });
});

describe('search and filters across cases', () => {
  it('finds words anywhere in a case, accents and case ignored, and filters by status and exercise', async () => {
    const a = {
      ...(await summary(opened(), message({ text: 'Énergie: outage at a fictional grid operator' }))),
      id: 'caseA001',
    };
    const b = {
      ...(await summary(
        opened('2024-05-02T00:00:00.000Z', true),
        message({ text: 'Phishing against elections' }),
      )),
      id: 'caseB001',
    };
    expect(filterCases([a, b], { text: 'energie GRID' }).map((c) => c.id)).toEqual(['caseA001']);
    expect(filterCases([a, b], { text: 'hôpitaux' }).map((c) => c.id)).toEqual(['caseB001', 'caseA001']);
    expect(filterCases([a, b], { exercise: 'only' }).map((c) => c.id)).toEqual(['caseB001']);
    expect(filterCases([a, b], { exercise: 'exclude' }).map((c) => c.id)).toEqual(['caseA001']);
    expect(filterCases([a, b], { statuses: ['answered'] })).toEqual([]);
    expect(filterCases([a, b], { text: 'nothing-like-this' })).toEqual([]);
  });
});
