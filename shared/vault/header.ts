import { z } from 'zod';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { VaultError } from './errors';
import {
  DEFAULT_KDF_COST,
  KdfParamsSchema,
  assertKdfWithinBounds,
  deriveKeyEncryptionKey,
  type KdfParams,
} from './kdf';
import { decryptBytes, encryptBytes, importDataKey, type AesKey } from './recordCipher';

/** The vault format this version writes and the newest it reads. A newer header is refused, never migrated down. */
export const VAULT_FORMAT_VERSION = 1;

const WrappedKeySchema = z.object({ iv: z.string(), ct: z.string() });

export const VaultHeaderSchema = z.object({
  format: z.literal('poc-vault'),
  version: z.number().int().positive(),
  kdf: KdfParamsSchema,
  /** The data key, AES-GCM-wrapped by the passphrase-derived key. */
  wrappedKey: WrappedKeySchema,
  /** The data key wrapped by the OS secret store (Electron safeStorage), when the user opted in. */
  osWrappedKey: z.string().optional(),
  createdAt: z.iso.datetime(),
  passphraseChangedAt: z.iso.datetime().optional(),
  /** A constant encrypted with the data key: tells a right key from a wrong one (OS-store unlock). */
  keyCheck: WrappedKeySchema.optional(),
});
export type VaultHeader = z.infer<typeof VaultHeaderSchema>;

const WRAP_AAD = new TextEncoder().encode('poc-vault-data-key-v1');
const KEY_CHECK_AAD = new TextEncoder().encode('poc-vault-key-check-v1');
const KEY_CHECK_PLAIN = new TextEncoder().encode('poc-vault-key-check');

async function makeKeyCheck(key: AesKey): Promise<{ iv: string; ct: string }> {
  const blob = await encryptBytes(key, KEY_CHECK_PLAIN, KEY_CHECK_AAD);
  return { iv: bytesToBase64(blob.iv), ct: bytesToBase64(blob.ct) };
}

/**
 * Opens the vault with a raw data key from elsewhere (the OS secret store). Throws
 * VaultError('wrong-passphrase') when the header's key check says it is not this vault's key.
 */
export async function unwrapWithRawKey(
  header: VaultHeader,
  raw: Uint8Array<ArrayBuffer>,
): Promise<UnwrappedVault> {
  if (raw.length !== 32) throw new VaultError('wrong-passphrase');
  const key = await importDataKey(raw);
  if (header.keyCheck) {
    try {
      await decryptBytes(
        key,
        { iv: base64ToBytes(header.keyCheck.iv), ct: base64ToBytes(header.keyCheck.ct) },
        KEY_CHECK_AAD,
      );
    } catch {
      throw new VaultError('wrong-passphrase');
    }
  }
  return { key, raw };
}

export interface UnwrappedVault {
  /** Non-extractable AES-GCM key for records. */
  key: AesKey;
  /** Raw data key bytes: only for re-wrapping (passphrase change, OS store); callers drop them fast. */
  raw: Uint8Array<ArrayBuffer>;
}

/** Reads a stored header, refusing newer formats with a clear error. */
export function parseVaultHeader(stored: unknown): VaultHeader {
  const version = (stored as { version?: unknown } | null)?.version;
  if (typeof version === 'number' && version > VAULT_FORMAT_VERSION) {
    throw new VaultError(
      'newer-version',
      `Vault format ${version} is newer than this app (${VAULT_FORMAT_VERSION}).`,
    );
  }
  const parsed = VaultHeaderSchema.safeParse(stored);
  if (!parsed.success) throw new VaultError('malformed-header');
  assertKdfWithinBounds(parsed.data.kdf);
  return parsed.data;
}

async function wrapWithPassphrase(
  raw: Uint8Array<ArrayBuffer>,
  passphrase: string,
  cost: Omit<KdfParams, 'algorithm' | 'salt'>,
): Promise<Pick<VaultHeader, 'kdf' | 'wrappedKey'>> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const kdf: KdfParams = { algorithm: 'argon2id', ...cost, salt: bytesToBase64(salt) };
  const kek = await importDataKey(new Uint8Array(await deriveKeyEncryptionKey(passphrase, kdf, salt)));
  const wrapped = await encryptBytes(kek, raw, WRAP_AAD);
  return { kdf, wrappedKey: { iv: bytesToBase64(wrapped.iv), ct: bytesToBase64(wrapped.ct) } };
}

/** A new vault: a random 256-bit data key wrapped by an Argon2id-derived key. */
export async function createVaultHeader(
  passphrase: string,
  cost: Omit<KdfParams, 'algorithm' | 'salt'> = DEFAULT_KDF_COST,
  now = new Date(),
): Promise<{ header: VaultHeader; vault: UnwrappedVault }> {
  const raw = crypto.getRandomValues(new Uint8Array(32));
  const wrapped = await wrapWithPassphrase(raw, passphrase, cost);
  const key = await importDataKey(raw);
  const header: VaultHeader = {
    format: 'poc-vault',
    version: VAULT_FORMAT_VERSION,
    ...wrapped,
    createdAt: now.toISOString(),
    keyCheck: await makeKeyCheck(key),
  };
  return { header, vault: { key, raw } };
}

export async function unwrapWithPassphrase(header: VaultHeader, passphrase: string): Promise<UnwrappedVault> {
  const salt = base64ToBytes(header.kdf.salt);
  const kek = await importDataKey(new Uint8Array(await deriveKeyEncryptionKey(passphrase, header.kdf, salt)));
  let raw: Uint8Array<ArrayBuffer>;
  try {
    raw = await decryptBytes(
      kek,
      { iv: base64ToBytes(header.wrappedKey.iv), ct: base64ToBytes(header.wrappedKey.ct) },
      WRAP_AAD,
    );
  } catch {
    throw new VaultError('wrong-passphrase');
  }
  return { key: await importDataKey(raw), raw };
}

/**
 * Changing the passphrase re-wraps the data key only; records are untouched. The caller stores the
 * returned header in one write, so a crash leaves either the old header or the new one.
 */
export async function rewrapHeader(
  header: VaultHeader,
  oldPassphrase: string,
  newPassphrase: string,
  cost: Omit<KdfParams, 'algorithm' | 'salt'> = header.kdf,
  now = new Date(),
): Promise<VaultHeader> {
  const { raw, key } = await unwrapWithPassphrase(header, oldPassphrase);
  const keyCheck = header.keyCheck ?? (await makeKeyCheck(key));
  const wrapped = await wrapWithPassphrase(raw, newPassphrase, {
    memoryKiB: cost.memoryKiB,
    iterations: cost.iterations,
    parallelism: cost.parallelism,
  });
  raw.fill(0);
  return { ...header, ...wrapped, keyCheck, passphraseChangedAt: now.toISOString() };
}
