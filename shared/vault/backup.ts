import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { VaultError } from './errors';
import { VAULT_FORMAT_VERSION, VaultHeaderSchema, type VaultHeader } from './header';
import { assertKdfWithinBounds } from './kdf';

/**
 * The encrypted backup file: the vault header (data key wrapped by the passphrase's Argon2id key) and
 * every record exactly as stored (AES-256-GCM ciphertext). Nothing is decrypted to make it, so the
 * file is as safe as the vault itself and needs the passphrase that was current when it was made.
 * The OS-store wrapping is left out: it only opens on the computer that made it.
 */
export const BACKUP_FORMAT_VERSION = 1;
export const BACKUP_FILE_EXTENSION = 'pocvault';

const BackupRecordSchema = z.object({
  collection: z.string().min(1).max(64),
  id: z.string().min(1).max(200),
  /** A State code, or for non-directory records a keyed hash (shared/vault/lookupKey.ts). */
  state: z.string().max(64).optional(),
  role: z.string().max(64).optional(),
  updatedAt: z.string().max(40).optional(),
  iv: z.string().max(32),
  ct: z.string(),
});

export const VaultBackupSchema = z.object({
  format: z.literal('poc-vault-backup'),
  version: z.number().int().positive(),
  createdAt: z.iso.datetime(),
  header: VaultHeaderSchema,
  records: z.array(BackupRecordSchema),
});
export type VaultBackup = z.infer<typeof VaultBackupSchema>;

/** A record as stored on the device (renderer/db) and in a backup: ciphertext plus clear index fields. */
export interface RawRecord {
  collection: string;
  id: string;
  state?: string;
  role?: string;
  updatedAt?: string;
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
}

export function encodeBackup(
  header: VaultHeader,
  records: readonly RawRecord[],
  now = new Date(),
): Uint8Array<ArrayBuffer> {
  const { osWrappedKey: _machineBound, ...portable } = header;
  const backup: VaultBackup = {
    format: 'poc-vault-backup',
    version: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    header: portable,
    records: records.map((r) => ({
      collection: r.collection,
      id: r.id,
      ...(r.state !== undefined ? { state: r.state } : {}),
      ...(r.role !== undefined ? { role: r.role } : {}),
      ...(r.updatedAt !== undefined ? { updatedAt: r.updatedAt } : {}),
      iv: bytesToBase64(r.iv),
      ct: bytesToBase64(r.ct),
    })),
  };
  return new TextEncoder().encode(JSON.stringify(backup));
}

/** Reads a backup file; refuses a damaged file or one written by a newer version, never guesses. */
export function decodeBackup(bytes: Uint8Array): {
  header: VaultHeader;
  records: RawRecord[];
  createdAt: string;
} {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw new VaultError('backup-invalid');
  }
  const version = (json as { version?: unknown } | null)?.version;
  const headerVersion = (json as { header?: { version?: unknown } } | null)?.header?.version;
  if (
    (typeof version === 'number' && version > BACKUP_FORMAT_VERSION) ||
    (typeof headerVersion === 'number' && headerVersion > VAULT_FORMAT_VERSION)
  ) {
    throw new VaultError('backup-newer-version');
  }
  const parsed = VaultBackupSchema.safeParse(json);
  if (!parsed.success) throw new VaultError('backup-invalid');
  // A backup file can come from anyone: its Argon2id cost is bounded before the passphrase is tried.
  assertKdfWithinBounds(parsed.data.header.kdf);
  try {
    return {
      header: parsed.data.header,
      createdAt: parsed.data.createdAt,
      records: parsed.data.records.map((r) => ({ ...r, iv: base64ToBytes(r.iv), ct: base64ToBytes(r.ct) })),
    };
  } catch {
    throw new VaultError('backup-invalid');
  }
}
