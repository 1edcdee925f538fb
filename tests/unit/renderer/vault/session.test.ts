import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PocDatabase } from '../../../../renderer/db/database';
import { createVault, unlockVault } from '../../../../renderer/vault/vault';
import { VaultError } from '../../../../shared/vault/errors';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const Note = z.object({ text: z.string() });
let counter = 0;
const dbs: PocDatabase[] = [];
function freshDb(): PocDatabase {
  const db = new PocDatabase(`session-test-${counter++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('VaultSession', () => {
  it('stores records encrypted and reads them back after unlocking again', async () => {
    const db = freshDb();
    const session = await createVault(db, 'a long enough passphrase', FAST);
    await session.collection('drafts', Note).put('d1', { text: 'Fictional Person, +41 22 000 00 00' });
    const raw = await db.records.get(['drafts', 'd1']);
    expect(raw).toBeDefined();
    expect(new TextDecoder().decode(raw!.ct)).not.toContain('Fictional');
    session.lock();
    await expect(session.collection('drafts', Note).get('d1')).rejects.toMatchObject({ code: 'locked' });
    const again = await unlockVault(db, 'a long enough passphrase');
    expect(await again.collection('drafts', Note).get('d1')).toEqual({
      text: 'Fictional Person, +41 22 000 00 00',
    });
  });

  it('refuses a wrong passphrase with a typed error and keeps the data', async () => {
    const db = freshDb();
    const session = await createVault(db, 'a long enough passphrase', FAST);
    await session.collection('drafts', Note).put('d1', { text: 'kept' });
    await expect(unlockVault(db, 'not the passphrase')).rejects.toEqual(new VaultError('wrong-passphrase'));
    expect(await db.records.count()).toBe(1);
  });

  it('reports a record moved under another id as corrupted instead of showing it', async () => {
    const db = freshDb();
    const session = await createVault(db, 'a long enough passphrase', FAST);
    const notes = session.collection('drafts', Note);
    await notes.put('a', { text: 'first' });
    await notes.put('b', { text: 'second' });
    const a = await db.records.get(['drafts', 'a']);
    await db.records.put({ ...a!, id: 'b' });
    const listed = await notes.list();
    expect(listed.items).toEqual([{ id: 'a', value: { text: 'first' } }]);
    expect(listed.corrupted).toEqual(['b']);
    await expect(notes.get('b')).rejects.toMatchObject({ code: 'record-corrupted' });
  });

  it('writes a batch across collections in one transaction, with fresh IVs', async () => {
    const db = freshDb();
    const session = await createVault(db, 'a long enough passphrase', FAST);
    await session.writeBatch([
      { collection: 'drafts', id: 'x', value: { text: 'same' } },
      { collection: 'cases', id: 'x', value: { text: 'same' } },
    ]);
    const [d, c] = await Promise.all([db.records.get(['drafts', 'x']), db.records.get(['cases', 'x'])]);
    expect(Buffer.from(d!.iv).equals(Buffer.from(c!.iv))).toBe(false);
    await session.writeBatch([{ collection: 'drafts', id: 'x', delete: true }]);
    expect(await db.records.count()).toBe(1);
  });

  it('writes a batch sealed before a lock after it (the last keystrokes of a draft), and nothing sealed after', async () => {
    const db = freshDb();
    const session = await createVault(db, 'a long enough passphrase', FAST);
    const typed = session.sealBatch([
      { collection: 'drafts', id: 'note-1', value: { text: 'Called the duty officer (fictional)' } },
    ]);
    session.lock();
    await session.writeSealed(await typed);
    await expect(
      session.sealBatch([{ collection: 'drafts', id: 'note-1', value: { text: 'after the lock' } }]),
    ).rejects.toMatchObject({ code: 'locked' });
    await expect(
      session.writeBatch([{ collection: 'drafts', id: 'note-2', value: { text: 'after the lock' } }]),
    ).rejects.toMatchObject({ code: 'locked' });
    const again = await unlockVault(db, 'a long enough passphrase');
    expect(await again.collection('drafts', Note).get('note-1')).toEqual({
      text: 'Called the duty officer (fictional)',
    });
    expect(await db.records.count()).toBe(1);
  });

  it('writes drafts queued in turn in their order, and settled() waits for the last one sealed before a lock', async () => {
    const db = freshDb();
    const session = await createVault(db, 'a long enough passphrase', FAST);
    const text = 'Phishing wave (fictional)';
    const writes = [...text].map((_, i) =>
      session.writeInTurn(
        session.sealBatch([{ collection: 'drafts', id: 'note-1', value: { text: text.slice(0, i + 1) } }]),
      ),
    );
    session.lock(); // right after the last keystroke: nothing written yet
    await session.settled();
    await Promise.all(writes);
    const again = await unlockVault(db, 'a long enough passphrase');
    expect(await again.collection('drafts', Note).get('note-1')).toEqual({ text });
  });
});
