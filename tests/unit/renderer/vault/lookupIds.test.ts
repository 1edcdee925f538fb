import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import { listPeerRecords, pinOp } from '../../../../renderer/identity/peerKeys';
import { ConversationSchema, storeMessage } from '../../../../renderer/messaging/messageStore';
import { migrateClearLookupIds } from '../../../../renderer/vault/clearIdMigration';
import { createVault, unlockVault } from '../../../../renderer/vault/vault';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const PASS = 'a long enough passphrase';
const PEER = { pocId: 'poc-deu-counterpart-01', state: 'DEU', role: 'diplomatic' };
const FPR = 'A'.repeat(40);
let counter = 0;
const dbs: PocDatabase[] = [];
function freshDb(): PocDatabase {
  const db = new PocDatabase(`lookup-ids-${counter++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** Everything IndexedDB keeps in clear for a record: its key and its index fields. */
const clearParts = (db: PocDatabase) =>
  db.records
    .toArray()
    .then((rows) => rows.map(({ iv: _iv, ct: _ct, ...clear }) => JSON.stringify(clear)).join('\n'));

describe('who talked to whom is not in clear (issue 9 §5)', () => {
  it('stores a conversation and a key pin without the counterpart id, State or role in ids or indexes', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    const at = '2026-11-30T10:00:00.000Z';
    await storeMessage(
      session,
      { id: 'msg-00000001', direction: 'out', conversationIds: [], at, text: 'fictional' },
      [PEER],
      [pinOp({ kind: 'pin', pocId: PEER.pocId, fingerprint: FPR, pinnedAt: at })],
    );
    const clear = await clearParts(db);
    expect(clear).not.toContain(PEER.pocId);
    expect(clear).not.toContain('"DEU"');
    expect(clear).not.toContain('diplomatic');

    // The look-ups still work, also after the vault was locked and opened again.
    session.lock();
    const again = await unlockVault(db, PASS);
    await storeMessage(
      again,
      { id: 'msg-00000002', direction: 'in', conversationIds: [], at, text: 'fictional reply' },
      [PEER],
    );
    const { items } = await again.collection('conversations', ConversationSchema).list();
    expect(items).toHaveLength(1);
    expect(items[0]?.value.messageIds).toEqual(['msg-00000001', 'msg-00000002']);
    expect((await listPeerRecords(again)).pins.map((p) => p.pocId)).toEqual([PEER.pocId]);
  });

  it('moves records an older version named after the POC id to their keyed ids, losing nothing', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    const at = '2026-11-30T10:00:00.000Z';
    await session.writeBatch([
      {
        collection: 'conversations',
        id: `conv-${PEER.pocId}`,
        value: { id: `conv-${PEER.pocId}`, ...PEER, messageIds: ['msg-old00001'], updatedAt: at },
        index: { state: 'DEU', role: 'diplomatic', updatedAt: at },
      },
      {
        collection: 'peerKeys',
        id: `pin-${PEER.pocId}`,
        value: {
          kind: 'pin',
          pocId: PEER.pocId,
          fingerprint: FPR,
          pinnedAt: at,
          verifiedAt: at,
          verifiedBy: 'phone call',
        },
      },
    ]);
    expect(await migrateClearLookupIds(session)).toBe(2);
    expect(await clearParts(db)).not.toContain(PEER.pocId);
    expect(await clearParts(db)).not.toContain('DEU');
    const { items } = await session.collection('conversations', ConversationSchema).list();
    expect(items.map((i) => i.value.messageIds)).toEqual([['msg-old00001']]);
    expect((await listPeerRecords(session)).pins).toMatchObject([
      { pocId: PEER.pocId, verifiedBy: 'phone call' },
    ]);
    expect(await migrateClearLookupIds(session)).toBe(0);
  });
});
