import { createHash, randomBytes } from 'node:crypto';

/** Opaque random ids and secrets; base64url so they fit the protocol's id patterns. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

/** Tokens and enrolment codes are stored only as hashes: a copied database opens no session. */
export function sha256Hex(value: string): string {
  return createHash('sha256').update(value).digest('hex');
}
