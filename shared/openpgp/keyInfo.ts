import type * as openpgp from 'openpgp';
import { fullConfig } from './limits';

export interface SubkeySummary {
  fingerprint: string;
  algorithm: string;
  expiresAt: string | null;
  usable: boolean;
}

/** What the UI shows about a key; plain data, safe to store next to the armoured key. */
export interface KeySummary {
  fingerprint: string;
  keyId: string;
  algorithm: string;
  createdAt: string;
  /** null: never expires. */
  expiresAt: string | null;
  expired: boolean;
  revoked: boolean;
  userIds: string[];
  canEncrypt: boolean;
  canSign: boolean;
  subkeys: SubkeySummary[];
}

/** A short algorithm label: "Ed25519", "Cv25519", "RSA-4096", "ECDSA P-256"… */
export function algorithmLabel(info: { algorithm: string; bits?: number; curve?: string }): string {
  if (info.algorithm.startsWith('rsa')) return `RSA-${info.bits ?? '?'}`;
  const curve = info.curve ?? '';
  if (curve === 'ed25519Legacy' || info.algorithm === 'ed25519') return 'Ed25519';
  if (curve === 'curve25519Legacy' || info.algorithm === 'x25519') return 'Cv25519';
  if (info.algorithm === 'ed448') return 'Ed448';
  if (info.algorithm === 'x448') return 'X448';
  return `${info.algorithm.toUpperCase()} ${curve}`.trim();
}

function dateOrNull(value: Date | number | null): string | null {
  return value instanceof Date ? value.toISOString() : null;
}

async function settles<T>(promise: Promise<T>): Promise<boolean> {
  try {
    await promise;
    return true;
  } catch {
    return false;
  }
}

export async function summarizeKey(key: openpgp.Key, now: Date = new Date()): Promise<KeySummary> {
  const config = fullConfig();
  const expiration = await key.getExpirationTime(undefined, config).catch(() => null);
  const revoked = await key
    .verifyPrimaryKey(now, undefined, config)
    .then(() => false)
    .catch((error: unknown) => error instanceof Error && /revoked/i.test(error.message));
  const subkeys: SubkeySummary[] = [];
  for (const subkey of key.subkeys) {
    const subExpiry = await subkey.getExpirationTime(now, config).catch(() => null);
    const usable = await settles(subkey.verify(now, config));
    subkeys.push({
      fingerprint: subkey.getFingerprint().toUpperCase(),
      algorithm: algorithmLabel(subkey.getAlgorithmInfo()),
      expiresAt: dateOrNull(subExpiry),
      usable,
    });
  }
  return {
    fingerprint: key.getFingerprint().toUpperCase(),
    keyId: key.getKeyID().toHex().toUpperCase(),
    algorithm: algorithmLabel(key.getAlgorithmInfo()),
    createdAt: key.getCreationTime().toISOString(),
    expiresAt: dateOrNull(expiration),
    expired: expiration instanceof Date && expiration.getTime() <= now.getTime(),
    revoked,
    userIds: key.getUserIDs(),
    canEncrypt: await settles(key.getEncryptionKey(undefined, now, undefined, config)),
    canSign: key.isPrivate()
      ? await settles(key.getSigningKey(undefined, now, undefined, config))
      : await settles(key.verifyPrimaryKey(now, undefined, config)),
    subkeys,
  };
}
