import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { PocDatabase } from '../../../../renderer/db/database';
import { UnlockThrottle, delayAfterFailures } from '../../../../renderer/vault/unlockThrottle';
import { createVault, unlockVault } from '../../../../renderer/vault/vault';
import {
  changePassphrase,
  disableOsUnlock,
  enableOsUnlock,
  exportBackup,
  repairFromBackup,
  restoreBackup,
  unlockWithOsStore,
} from '../../../../renderer/vault/vaultOperations';
import { createHostClient } from '../../../../shared/host/client';
import { VaultError } from '../../../../shared/vault/errors';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const OLD = 'old fictional passphrase, quite long';
const NEW = 'new fictional passphrase, longer still';
const Note = z.object({ text: z.string() });
let counter = 0;
const dbs: PocDatabase[] = [];
function freshDb(): PocDatabase {
  const db = new PocDatabase(`vault-ops-test-${counter++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

/** A host whose OS secret store "encrypts" by reversing bytes: enough to test the flow. */
function fakeHost(backend: string, available = true) {
  return createHostClient({
    invoke: (name, arg) => {
      const a = arg as { secret?: string; protected?: string };
      if (name === 'secrets.status') return Promise.resolve({ ok: true, value: { available, backend } });
      if (name === 'secrets.protect')
        return Promise.resolve({ ok: true, value: { protected: [...(a.secret ?? '')].reverse().join('') } });
      if (name === 'secrets.unprotect')
        return Promise.resolve({ ok: true, value: { secret: [...(a.protected ?? '')].reverse().join('') } });
      return Promise.resolve({ ok: false, error: { code: 'unknown-call', message: name } });
    },
  });
}

describe('change passphrase', () => {
  it('re-wraps the key only: records stay byte-identical, the new passphrase opens, the old is refused', async () => {
    const db = freshDb();
    const session = await createVault(db, OLD, FAST);
    await session.collection('drafts', Note).put('n1', { text: 'kept' });
    const before = await db.records.toArray();
    await changePassphrase(db, OLD, NEW);
    expect(await db.records.toArray()).toEqual(before);
    await expect(unlockVault(db, OLD)).rejects.toEqual(new VaultError('wrong-passphrase'));
    expect(await (await unlockVault(db, NEW)).collection('drafts', Note).get('n1')).toEqual({ text: 'kept' });
  });

  it('killed between re-wrapping and storing: the old passphrase still opens the vault', async () => {
    const db = freshDb();
    const session = await createVault(db, OLD, FAST);
    await session.collection('drafts', Note).put('n1', { text: 'kept' });
    const killed = new Error('process killed');
    await expect(changePassphrase(db, OLD, NEW, { beforeWrite: () => Promise.reject(killed) })).rejects.toBe(
      killed,
    );
    expect(await (await unlockVault(db, OLD)).collection('drafts', Note).get('n1')).toEqual({ text: 'kept' });
    await expect(unlockVault(db, NEW)).rejects.toEqual(new VaultError('wrong-passphrase'));
  });

  it('refuses a wrong current passphrase or a weak new one and changes nothing', async () => {
    const db = freshDb();
    await createVault(db, OLD, FAST);
    await expect(changePassphrase(db, 'not it at all, wrong', NEW)).rejects.toEqual(
      new VaultError('wrong-passphrase'),
    );
    await expect(changePassphrase(db, OLD, 'short')).rejects.toEqual(new VaultError('weak-passphrase'));
    await expect(unlockVault(db, OLD)).resolves.toBeDefined();
  });
});

describe('backup and restore', () => {
  it('restores a backup into another vault, with the passphrase current at backup time', async () => {
    const source = freshDb();
    const session = await createVault(source, OLD, FAST);
    await session.collection('drafts', Note).put('n1', { text: 'from the backup' });
    const bytes = await exportBackup(source);
    expect(new TextDecoder().decode(bytes)).not.toContain('from the backup');

    const target = freshDb();
    await (
      await createVault(target, NEW, FAST)
    )
      .collection('drafts', Note)
      .put('other', { text: 'replaced' });
    await expect(restoreBackup(target, bytes, NEW)).rejects.toEqual(new VaultError('wrong-passphrase'));
    expect(await target.records.count()).toBe(1); // a refused restore changes nothing
    const restored = await restoreBackup(target, bytes, OLD);
    expect(await restored.collection('drafts', Note).get('n1')).toEqual({ text: 'from the backup' });
    expect(await restored.collection('drafts', Note).get('other')).toBeUndefined();
    await expect(unlockVault(target, OLD)).resolves.toBeDefined();
  });

  it('repairs only damaged records from a backup of the same vault', async () => {
    const db = freshDb();
    const session = await createVault(db, OLD, FAST);
    const notes = session.collection('drafts', Note);
    await notes.put('n1', { text: 'one' });
    await notes.put('n2', { text: 'two' });
    const bytes = await exportBackup(db);
    await notes.put('n1', { text: 'one, edited after the backup' });
    const stored = await db.records.get(['drafts', 'n2']);
    await db.records.put({ ...stored!, ct: new Uint8Array(stored!.ct.length) });
    await expect(notes.get('n2')).rejects.toMatchObject({ code: 'record-corrupted' });
    expect(await repairFromBackup(session, bytes)).toEqual(['drafts/n2']);
    expect(await notes.get('n2')).toEqual({ text: 'two' });
    expect(await notes.get('n1')).toEqual({ text: 'one, edited after the backup' });

    const other = freshDb();
    await (await createVault(other, NEW, FAST)).collection('drafts', Note).put('x', { text: 'x' });
    await expect(repairFromBackup(session, await exportBackup(other))).rejects.toEqual(
      new VaultError('backup-other-vault'),
    );
  });
});

describe('OS secret store unlock', () => {
  it('unlocks through the host once enabled with the passphrase, and can be turned off', async () => {
    const db = freshDb();
    await (await createVault(db, OLD, FAST)).collection('drafts', Note).put('n1', { text: 'kept' });
    const host = fakeHost('gnome_libsecret');
    await expect(enableOsUnlock(db, host, 'wrong passphrase, quite long')).rejects.toEqual(
      new VaultError('wrong-passphrase'),
    );
    await enableOsUnlock(db, host, OLD);
    expect(await (await unlockWithOsStore(db, host)).collection('drafts', Note).get('n1')).toEqual({
      text: 'kept',
    });
    // A passphrase change keeps the OS wrapping valid: the data key did not change.
    await changePassphrase(db, OLD, NEW);
    await expect(unlockWithOsStore(db, host)).resolves.toBeDefined();
    await disableOsUnlock(db);
    await expect(unlockWithOsStore(db, host)).rejects.toEqual(new VaultError('os-unlock-unavailable'));
  });

  it("is refused with Linux's basic_text backend and where no store exists", async () => {
    const db = freshDb();
    await createVault(db, OLD, FAST);
    await expect(enableOsUnlock(db, fakeHost('basic_text'), OLD)).rejects.toEqual(
      new VaultError('os-unlock-unavailable'),
    );
    await expect(enableOsUnlock(db, fakeHost('none', false), OLD)).rejects.toEqual(
      new VaultError('os-unlock-unavailable'),
    );
  });
});

describe('unlock throttle', () => {
  it('waits longer after each wrong passphrase, up to 30 s, never locks out, resets on success', () => {
    const store = new Map<string, string>();
    const storage = {
      getItem: (k: string) => store.get(k) ?? null,
      setItem: (k: string, v: string) => void store.set(k, v),
      removeItem: (k: string) => void store.delete(k),
    };
    let now = 1_000_000;
    const throttle = new UnlockThrottle(storage, () => now);
    expect(throttle.waitMs()).toBe(0);
    throttle.recordFailure();
    expect(throttle.waitMs()).toBe(1000);
    throttle.recordFailure();
    expect(throttle.waitMs()).toBe(2000);
    now += 2000;
    expect(throttle.waitMs()).toBe(0);
    for (let i = 0; i < 20; i++) throttle.recordFailure();
    expect(throttle.waitMs()).toBe(30_000);
    expect(delayAfterFailures(50)).toBe(30_000);
    // The count survives a "reload" (a new throttle over the same storage).
    expect(new UnlockThrottle(storage, () => now).failures()).toBe(22);
    throttle.recordSuccess();
    expect(throttle.waitMs()).toBe(0);
  });
});
