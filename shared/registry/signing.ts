import * as openpgp from 'openpgp';
import { base64ToBytes, bytesToBase64 } from '../encoding/base64';
import { canonicalBytes } from '../encoding/canonicalJson';

/**
 * Detached OpenPGP signatures over canonical JSON, used both ways: the registry signs directory
 * pages, a POC signs session challenges, own-entry updates and ping acknowledgements.
 * Signatures travel as base64 of the binary packet (smaller than armour, and the bytes are
 * exactly what GnuPG would check: `gpg --verify sig.bin page.json`).
 * The messaging engineer's shared/openpgp wrappers came later; this stays self-contained on purpose
 * so the server and the sync engine depend only on `openpgp` itself.
 */

export type SigningKey = openpgp.PrivateKey;
export type VerificationKey = openpgp.PublicKey;

export function fingerprintOf(key: openpgp.Key): string {
  return key.getFingerprint().toUpperCase();
}

export async function readVerificationKey(armoredKey: string): Promise<VerificationKey> {
  const key = await openpgp.readKey({ armoredKey });
  return key.toPublic();
}

export async function readSigningKey(armoredKey: string, passphrase?: string): Promise<SigningKey> {
  const key = await openpgp.readPrivateKey({ armoredKey });
  return passphrase ? openpgp.decryptKey({ privateKey: key, passphrase }) : key;
}

/** An Ed25519 OpenPGP v4 key without a passphrase (the registry keeps it in its data folder). */
export async function generateSigningKey(
  name: string,
): Promise<{ privateKey: string; publicKey: string; fingerprint: string }> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name }],
    format: 'armored',
  });
  const key = await openpgp.readKey({ armoredKey: publicKey });
  return { privateKey, publicKey, fingerprint: fingerprintOf(key) };
}

export async function signCanonical(value: unknown, key: SigningKey): Promise<string> {
  return signBytes(canonicalBytes(value), key);
}

/** A detached signature over bytes already in canonical form (the feed signs each chunk once). */
export async function signBytes(bytes: Uint8Array, key: SigningKey): Promise<string> {
  const message = await openpgp.createMessage({ binary: bytes });
  const signature: unknown = await openpgp.sign({
    message,
    signingKeys: key,
    detached: true,
    format: 'binary',
  });
  if (!(signature instanceof Uint8Array))
    throw new TypeError('openpgp returned a signature in an unexpected form');
  return bytesToBase64(signature);
}

/**
 * True only when `signature` is a valid signature over canonicalJson(value) by `key`, made by
 * the key whose fingerprint is `expectedFingerprint` (the pinned one). Never throws on bad input.
 */
export async function verifyCanonical(
  value: unknown,
  signature: string,
  key: VerificationKey,
  expectedFingerprint: string,
): Promise<boolean> {
  let bytes: Uint8Array;
  try {
    bytes = canonicalBytes(value);
  } catch {
    return false;
  }
  return verifyDetached(bytes, signature, key, expectedFingerprint);
}

/**
 * The same check over bytes already in hand: the registry verifies, then stores, these very bytes
 * (issue 9 §1: the evidence is what was verified, not a re-serialised parse).
 */
export async function verifyDetached(
  bytes: Uint8Array,
  signature: string,
  key: VerificationKey,
  expectedFingerprint: string,
): Promise<boolean> {
  if (fingerprintOf(key) !== expectedFingerprint.toUpperCase()) return false;
  try {
    const message = await openpgp.createMessage({ binary: bytes });
    const parsed = await openpgp.readSignature({ binarySignature: base64ToBytes(signature) });
    const result = await openpgp.verify({
      message,
      signature: parsed,
      verificationKeys: key,
      format: 'binary',
    });
    const [first] = result.signatures;
    if (!first || result.signatures.length !== 1) return false;
    await first.verified;
    return true;
  } catch {
    return false;
  }
}

/** The key id (16 hex, upper case) that a signature names as its issuer, or null if unreadable. */
export async function signatureIssuerKeyId(signature: string): Promise<string | null> {
  try {
    const parsed = await openpgp.readSignature({ binarySignature: base64ToBytes(signature) });
    return parsed.getSigningKeyIDs()[0]?.toHex().toUpperCase() ?? null;
  } catch {
    return null;
  }
}
