import { bytesToBase64 } from '../encoding/base64';
import type { AesKey } from './recordCipher';

/**
 * Keyed hashes for the few look-ups that would otherwise need a counterpart's id, State or role in
 * clear next to a record (issue 9 §5; ARCHITECTURE.md "Data at rest": indexes identify nobody).
 * HMAC-SHA-256 under a key derived with HKDF-SHA-256 from the vault's data key, so the hash of
 * "DEU" or of a POC id is the same on every write of this vault (look-ups work) but cannot be
 * computed, or tested against a list of States or directory ids, by someone without the data key.
 */
export type LookupKey = AesKey;

const encoder = new TextEncoder();
const INFO = encoder.encode('poc-vault-lookup-hmac-v1');
/** A fixed salt: the input is already a uniformly random 256-bit key (RFC 5869 §3.1). */
const SALT = new Uint8Array(32);

export async function deriveLookupKey(rawDataKey: Uint8Array<ArrayBuffer>): Promise<LookupKey> {
  const base = await crypto.subtle.importKey('raw', rawDataKey, 'HKDF', false, ['deriveKey']);
  return crypto.subtle.deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: SALT, info: INFO },
    base,
    { name: 'HMAC', hash: 'SHA-256', length: 256 },
    false,
    ['sign'],
  );
}

/** What is hashed, so that a State code and a POC id that happen to be equal never share a hash. */
export type LookupKind = 'poc' | 'state' | 'role';

/** base64url of HMAC(kind NUL value), 43 characters; stable for one vault, opaque to anyone else. */
export async function lookupHash(key: LookupKey, kind: LookupKind, value: string): Promise<string> {
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, encoder.encode(`${kind}\u0000${value}`)));
  return bytesToBase64(mac).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}
