import 'fake-indexeddb/auto';
import { describe, expect, it, vi } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import { createVault } from '../../../../renderer/vault/vault';

/**
 * What a participant did in a group exercise is kept in the vault before it is reported; a report
 * queued while an earlier one waits on the network must survive that earlier one's receipt.
 */
const network = vi.hoisted(() => ({ gate: null as Promise<void> | null, posted: [] as string[] }));

vi.mock('../../../../renderer/sync/syncController', () => ({
  syncControllerFor: () => ({
    store: { loadState: () => Promise.resolve({ registryFingerprint: 'A'.repeat(40) }) },
    sign: () => Promise.resolve('c2lnbmF0dXJl'),
    withRegistry: async (call: (client: unknown, token: string) => Promise<unknown>): Promise<unknown> =>
      call(
        {
          postProgress: async (body: { statement: { idempotencyKey: string } }) => {
            network.posted.push(body.statement.idempotencyKey);
            // Only the first answer is slow: the later report's flush overtakes it.
            if (network.posted.length === 1 && network.gate) await network.gate;
            return { receivedAt: '2026-12-01T10:00:00.000Z', minute: 5 };
          },
        },
        'token',
      ),
  }),
}));

const { loadGroupRecord, reportProgress } = await import('../../../../renderer/training/group/groupClient');

describe('the group exercise record', () => {
  it('keeps a report made while another is on its way, and marks each once the registry took it', async () => {
    const db = new PocDatabase(`group-record-${Date.now()}`);
    const session = await createVault(db, 'test passphrase, fictional', {
      memoryKiB: 8 * 1024,
      iterations: 1,
      parallelism: 1,
    });
    let open: () => void = () => undefined;
    network.gate = new Promise((resolve) => (open = resolve));
    const first = reportProgress(session, 'exercise-fictional-0001', {
      kind: 'inject-acknowledged',
      injectId: 'i-first',
    });
    await vi.waitFor(() => expect(network.posted).toHaveLength(1)); // the first is on the network
    const second = reportProgress(session, 'exercise-fictional-0001', {
      kind: 'inject-acknowledged',
      injectId: 'i-second',
    });
    await second; // sent and marked while the first answer is still on its way
    open();
    await Promise.all([first, second]);

    const record = await loadGroupRecord(session, 'exercise-fictional-0001');
    expect(record.reports.map((r) => r.event)).toEqual([
      { kind: 'inject-acknowledged', injectId: 'i-first' },
      { kind: 'inject-acknowledged', injectId: 'i-second' },
    ]);
    expect(record.reports.every((r) => r.reportedAt === '2026-12-01T10:00:00.000Z')).toBe(true);
    session.lock();
    await db.delete();
  });
});
