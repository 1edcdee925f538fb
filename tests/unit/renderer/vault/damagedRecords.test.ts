import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import { listMessages, storeMessage } from '../../../../renderer/messaging/messageStore';
import { VaultSyncStore } from '../../../../renderer/sync/vaultSyncStore';
import { QUARANTINE_COLLECTION } from '../../../../renderer/vault/damagedRecords';
import { createVault } from '../../../../renderer/vault/vault';
import type { VaultSession } from '../../../../renderer/vault/session';
import type { CollectionName } from '../../../../renderer/vault/collections';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
let counter = 0;
const dbs: PocDatabase[] = [];
async function freshVault(): Promise<{ db: PocDatabase; session: VaultSession; store: VaultSyncStore }> {
  const db = new PocDatabase(`damaged-${counter++}`);
  dbs.push(db);
  const session = await createVault(db, 'a long enough passphrase', FAST);
  return { db, session, store: new VaultSyncStore(session) };
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** Flips one ciphertext bit on disk, as a damaged sector or a tamperer would. */
async function damage(db: PocDatabase, collection: CollectionName, id: string): Promise<Uint8Array> {
  const row = await db.records.get([collection, id]);
  if (!row) throw new Error(`no record ${collection}/${id}`);
  const ct = new Uint8Array(row.ct);
  ct[0] = (ct[0] ?? 0) ^ 1;
  await db.records.put({ ...row, ct });
  return ct;
}

const ping = (id: string, sentAt: string) => ({
  id,
  campaignId: 'campaign-0001',
  sentAt,
  deadline: '2026-12-03T10:00:00.000Z',
});

describe('damaged outbox, ping and message records are reported and kept apart (issue 9 §6)', () => {
  it('reports a damaged ping, shows the others, and moves its raw bytes to quarantine before the registry copy replaces it', async () => {
    const { db, session, store } = await freshVault();
    await store.savePings([
      ping('ping-good-0001', '2026-12-01T10:00:00.000Z'),
      ping('ping-damaged-01', '2026-12-01T09:00:00.000Z'),
    ]);
    const damagedBytes = await damage(db, 'pings', 'ping-damaged-01');

    expect((await store.listPings()).map((p) => p.id)).toEqual(['ping-good-0001']);
    expect(session.damaged.list(['pings'])).toEqual([{ collection: 'pings', id: 'ping-damaged-01' }]);
    expect(await db.records.get(['pings', 'ping-damaged-01'])).toBeDefined();

    // The registry lists the ping again: the fresh copy is stored, the damaged one is not lost.
    await store.savePings([ping('ping-damaged-01', '2026-12-01T09:00:00.000Z')]);
    expect((await store.listPings()).map((p) => p.id)).toEqual(['ping-good-0001', 'ping-damaged-01']);
    const quarantined = await db.records.where('collection').equals(QUARANTINE_COLLECTION).toArray();
    expect(quarantined).toHaveLength(1);
    expect(quarantined[0]?.id).toMatch(/^pings\/ping-damaged-01@/);
    expect(new Uint8Array(quarantined[0]!.ct)).toEqual(damagedBytes);
    expect(session.damaged.list(['pings'])).toEqual([]);
    expect(await session.quarantinedCount()).toBe(1);
  });

  it('reports a damaged outbox item instead of silently skipping it, and keeps it when the item is completed', async () => {
    const { db, session, store } = await freshVault();
    await session.writeBatch([
      { collection: 'outbox', id: 'outbox-item-0001', value: { anything: 'signed update (fictional)' } },
    ]);
    await damage(db, 'outbox', 'outbox-item-0001');
    expect(await store.listOutbox()).toEqual([]);
    expect(session.damaged.list(['outbox'])).toEqual([{ collection: 'outbox', id: 'outbox-item-0001' }]);
    await store.completeOutbox('outbox-item-0001', { none: true });
    expect(await db.records.get(['outbox', 'outbox-item-0001'])).toBeUndefined();
    expect(await session.quarantinedCount()).toBe(1);
  });

  it('reports a damaged message while listing the readable ones', async () => {
    const { db, session } = await freshVault();
    const at = '2026-12-01T10:00:00.000Z';
    await storeMessage(
      session,
      { id: 'msg-good-00001', direction: 'in', conversationIds: [], at, text: 'readable (fictional)' },
      [],
    );
    await storeMessage(
      session,
      { id: 'msg-damaged-01', direction: 'in', conversationIds: [], at, text: 'damaged (fictional)' },
      [],
    );
    await damage(db, 'messages', 'msg-damaged-01');
    expect((await listMessages(session)).map((m) => m.id)).toEqual(['msg-good-00001']);
    expect(session.damaged.list()).toEqual([{ collection: 'messages', id: 'msg-damaged-01' }]);
    expect(await db.records.get(['messages', 'msg-damaged-01'])).toBeDefined();
  });
});
