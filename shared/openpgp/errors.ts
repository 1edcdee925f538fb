import { CodedError } from '../errors';

/**
 * Errors a user can meet with OpenPGP data. The UI translates `code` (namespace `messages`,
 * key `errors.<code>`) and says what to do next; `message` is for logs and tests only and never
 * carries key material or message content.
 */
export const OPENPGP_ERROR_CODES = [
  'too-large', // input above the configured bound (default 20 MB)
  'decompression-bomb', // decompressed data above the configured bound
  'malformed', // broken or truncated armour / packets
  'not-encrypted', // data is not an encrypted OpenPGP message (e.g. a key, a clear-signed text)
  'not-for-me', // encrypted, but to none of my keys
  'decryption-failed', // addressed to me, but integrity or session-key checks failed (tampered?)
  'unsupported-algorithm', // an algorithm, curve or packet version this app does not accept
  'key-expired', // a key (or every usable subkey) has expired
  'key-revoked', // a key has been revoked
  'no-encryption-key', // a public key without a usable encryption subkey
  'no-signing-key', // a private key that cannot sign
  'not-a-public-key', // input holds no public key
  'not-a-private-key', // input holds no secret key
  'wrong-passphrase', // the passphrase does not unlock the secret key
  'bad-signature', // a detached signature that does not verify
] as const;
export type OpenPgpErrorCode = (typeof OPENPGP_ERROR_CODES)[number];

export class OpenPgpError extends CodedError<OpenPgpErrorCode> {}

export function isOpenPgpError(value: unknown): value is OpenPgpError {
  return value instanceof OpenPgpError;
}

/**
 * Maps what openpgp.js throws (plain Errors with English messages) onto our stable codes.
 * `fallback` is the code for anything unrecognised in the step that failed.
 */
export function toOpenPgpError(error: unknown, fallback: OpenPgpErrorCode): OpenPgpError {
  if (error instanceof OpenPgpError) return error;
  const text = error instanceof Error ? error.message : String(error);
  const code = classify(text) ?? fallback;
  return new OpenPgpError(code, text.slice(0, 300));
}

function classify(text: string): OpenPgpErrorCode | undefined {
  const t = text.toLowerCase();
  if (t.includes('maximum decompressed message size')) return 'decompression-bomb';
  if (t.includes('incorrect key passphrase') || t.includes('wrong passphrase')) return 'wrong-passphrase';
  if (t.includes('is revoked') || t.includes('revoked key')) return 'key-revoked';
  if (t.includes('expired')) return 'key-expired';
  if (
    t.includes('unsupported') ||
    t.includes('unknown curve') ||
    t.includes('not supported') ||
    t.includes('rejected')
  )
    return 'unsupported-algorithm';
  if (t.includes('could not find valid encryption key') || t.includes('no encryption key'))
    return 'no-encryption-key';
  if (t.includes('could not find valid signing key') || t.includes('signing key')) return 'no-signing-key';
  if (t.includes('session key decryption failed') || t.includes('no decryption key packets found'))
    return 'not-for-me';
  if (t.includes('modification detected') || t.includes('authentication tag') || t.includes('integrity'))
    return 'decryption-failed';
  if (
    t.includes('armor') ||
    t.includes('misformed') ||
    t.includes('malformed') ||
    t.includes('unexpected end') ||
    t.includes('packet')
  )
    return 'malformed';
  return undefined;
}
