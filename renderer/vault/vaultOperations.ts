import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../../shared/encoding/base64';
import type { HostClient } from '../../shared/host/client';
import { decodeBackup, encodeBackup } from '../../shared/vault/backup';
import { VaultError } from '../../shared/vault/errors';
import { rewrapHeader, unwrapWithPassphrase, unwrapWithRawKey } from '../../shared/vault/header';
import { isPassphraseAcceptable } from '../../shared/vault/passphraseStrength';
import type { PocDatabase } from '../db/database';
import { VaultSession } from './session';
import { readVaultHeader } from './vault';

/** Test seam: lets a test "kill the process" between computing and storing the new header. */
export interface ChangePassphraseHooks {
  beforeWrite?: () => void | Promise<void>;
}

/**
 * Re-wraps the data key under a new passphrase; records are not touched. The new header replaces the
 * old one in a single IndexedDB put, so an interruption at any point leaves either the old header
 * (old passphrase opens the vault) or the new one (new passphrase opens it), never a mix.
 */
export async function changePassphrase(
  db: PocDatabase,
  oldPassphrase: string,
  newPassphrase: string,
  hooks: ChangePassphraseHooks = {},
): Promise<void> {
  if (!isPassphraseAcceptable(newPassphrase)) throw new VaultError('weak-passphrase');
  const header = await readVaultHeader(db);
  if (!header) throw new VaultError('no-vault');
  const next = await rewrapHeader(header, oldPassphrase, newPassphrase);
  await hooks.beforeWrite?.();
  await db.vault.put({ key: 'header', header: next });
}

/** The whole vault, still encrypted, as the bytes of a backup file. */
export async function exportBackup(db: PocDatabase): Promise<Uint8Array<ArrayBuffer>> {
  return db.transaction('r', db.vault, db.records, async () => {
    const header = await readVaultHeader(db);
    if (!header) throw new VaultError('no-vault');
    return encodeBackup(header, await db.records.toArray());
  });
}

/**
 * Replaces this computer's vault with a backup. The passphrase is the one current when the backup
 * was made; it is checked before anything is replaced. Returns the unlocked restored vault.
 */
export async function restoreBackup(
  db: PocDatabase,
  bytes: Uint8Array,
  passphrase: string,
): Promise<VaultSession> {
  const backup = decodeBackup(bytes);
  const unwrapped = await unwrapWithPassphrase(backup.header, passphrase);
  const session = await VaultSession.open(db, unwrapped);
  unwrapped.raw.fill(0);
  await db.transaction('rw', db.vault, db.records, async () => {
    await db.records.clear();
    await db.records.bulkPut(backup.records);
    await db.vault.put({ key: 'header', header: backup.header });
  });
  return session;
}

/**
 * Repairs records that fail authentication from a backup of the same vault: only those records are
 * replaced, and only with backup copies that themselves decrypt. Returns the ids repaired.
 */
export async function repairFromBackup(session: VaultSession, bytes: Uint8Array): Promise<string[]> {
  const backup = decodeBackup(bytes);
  const anything = z.unknown();
  const repairs: typeof backup.records = [];
  let sameVault = false;
  for (const record of backup.records) {
    let backupReadable = true;
    try {
      await session.decryptStored(record, anything);
      sameVault = true;
    } catch {
      backupReadable = false;
    }
    if (!backupReadable) continue;
    const current = await session.db.records.get([record.collection, record.id]);
    if (!current) continue; // deleted since the backup: a deletion is not damage
    try {
      await session.decryptStored(current, anything);
    } catch (error) {
      if (error instanceof VaultError && error.code === 'record-corrupted') repairs.push(record);
      else throw error;
    }
  }
  if (backup.records.length > 0 && !sameVault) throw new VaultError('backup-other-vault');
  if (repairs.length) await session.db.records.bulkPut(repairs);
  return repairs.map((r) => `${r.collection}/${r.id}`);
}

/** Whether the OS secret store can hold the vault key here (never in the browser host or with Linux basic_text). */
export async function osUnlockAvailable(host: HostClient): Promise<boolean> {
  try {
    const status = await host.call('secrets.status', {});
    return status.available && status.backend !== 'basic_text';
  } catch {
    return false;
  }
}

/** Also wraps the data key with the OS secret store, after checking the passphrase. */
export async function enableOsUnlock(db: PocDatabase, host: HostClient, passphrase: string): Promise<void> {
  if (!(await osUnlockAvailable(host))) throw new VaultError('os-unlock-unavailable');
  const header = await readVaultHeader(db);
  if (!header) throw new VaultError('no-vault');
  const { raw } = await unwrapWithPassphrase(header, passphrase);
  try {
    const { protected: wrapped } = await host.call('secrets.protect', { secret: bytesToBase64(raw) });
    await db.vault.put({ key: 'header', header: { ...header, osWrappedKey: wrapped } });
  } catch (error) {
    if (error instanceof VaultError) throw error;
    throw new VaultError('os-unlock-failed');
  } finally {
    raw.fill(0);
  }
}

export async function disableOsUnlock(db: PocDatabase): Promise<void> {
  const header = await readVaultHeader(db);
  if (!header) throw new VaultError('no-vault');
  const { osWrappedKey: _dropped, ...rest } = header;
  await db.vault.put({ key: 'header', header: rest });
}

export async function unlockWithOsStore(db: PocDatabase, host: HostClient): Promise<VaultSession> {
  const header = await readVaultHeader(db);
  if (!header) throw new VaultError('no-vault');
  if (!header.osWrappedKey || !(await osUnlockAvailable(host))) throw new VaultError('os-unlock-unavailable');
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = base64ToBytes((await host.call('secrets.unprotect', { protected: header.osWrappedKey })).secret);
  } catch {
    throw new VaultError('os-unlock-failed');
  }
  try {
    return await VaultSession.open(db, await unwrapWithRawKey(header, raw));
  } catch {
    throw new VaultError('os-unlock-failed');
  } finally {
    raw.fill(0);
  }
}
