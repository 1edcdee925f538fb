import * as openpgp from 'openpgp';
import { OpenPgpError, toOpenPgpError, type OpenPgpErrorCode } from './errors';
import { pgpConfig, resolveLimits, type InputLimits } from './limits';

/** The outcome of one signature found in a message; the verdict model (shared/messages) reads these. */
export type SignatureCheck =
  | { status: 'valid'; keyId: string; signerFingerprint: string; signedAt: string | null }
  | { status: 'invalid'; keyId: string; signerFingerprint: string; reason: OpenPgpErrorCode }
  | { status: 'unknown-key'; keyId: string };

/**
 * The OpenPGP forms that carry a signature without encryption (RFC 9580 §7 and §11.3):
 * clearsigned text (what most CERT advisories are), signed-only messages (`gpg --sign`, possibly
 * compressed), and detached signatures over files (`gpg --detach-sign`). Every signature is reported
 * as valid / invalid / unknown-key; nothing is reported valid unless openpgp.js verified it.
 */
export type SignedForm = 'clearsigned' | 'signed-message';

export interface VerifiedContent {
  form: SignedForm;
  /** Exactly the signed bytes: for clearsigned text, dash-escaping undone and trailing whitespace removed. */
  data: Uint8Array;
  /** The file name the signer put in the literal packet, when any (never trusted for a path). */
  filename: string | null;
  signatures: SignatureCheck[];
}

const CLEARSIGNED = /-----BEGIN PGP SIGNED MESSAGE-----[\s\S]*?-----END PGP SIGNATURE-----/;

function asText(input: string | Uint8Array): string | undefined {
  if (typeof input === 'string') return input;
  const head = new TextDecoder().decode(input.subarray(0, 4096));
  return head.includes('-----BEGIN PGP') ? new TextDecoder().decode(input) : undefined;
}

function checkSize(input: string | Uint8Array, limits: InputLimits): void {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxInputBytes) throw new OpenPgpError('too-large', `input of ${size} bytes`);
}

function keyOwning(keys: readonly openpgp.PublicKey[], keyID: openpgp.KeyID): openpgp.PublicKey | undefined {
  return keys.find((key) => key.getKeys(keyID).length > 0);
}

/** Same rules as decryptAndVerify's check: a signer we hold no key for is 'unknown-key', never valid. */
export async function checkVerification(
  result: { keyID: openpgp.KeyID; verified: Promise<true>; signature: Promise<openpgp.Signature> },
  verificationKeys: readonly openpgp.PublicKey[],
): Promise<SignatureCheck> {
  const keyId = result.keyID.toHex().toUpperCase();
  const signature = await result.signature.catch(() => undefined);
  const signer = keyOwning(verificationKeys, result.keyID);
  if (!signer) {
    await result.verified.catch(() => undefined);
    return { status: 'unknown-key', keyId };
  }
  const signerFingerprint = signer.getFingerprint().toUpperCase();
  try {
    await result.verified;
    const created = signature?.packets[0]?.created;
    return { status: 'valid', keyId, signerFingerprint, signedAt: created ? created.toISOString() : null };
  } catch (error) {
    const mapped = toOpenPgpError(error, 'bad-signature').code;
    const reason =
      mapped === 'key-revoked' || mapped === 'key-expired' || mapped === 'unsupported-algorithm'
        ? mapped
        : 'bad-signature';
    return { status: 'invalid', keyId, signerFingerprint, reason };
  }
}

/** Which signed form `input` holds, or null (encrypted, a key, or not OpenPGP at all). Never throws. */
export async function detectSignedForm(input: string | Uint8Array): Promise<SignedForm | null> {
  const text = asText(input);
  if (text !== undefined && CLEARSIGNED.test(text)) return 'clearsigned';
  try {
    const message = await parseMessage(input, resolveLimits());
    return isSignedOnly(message) ? 'signed-message' : null;
  } catch {
    return null;
  }
}

async function parseMessage(
  input: string | Uint8Array,
  limits: InputLimits,
): Promise<openpgp.Message<Uint8Array | string>> {
  const text = asText(input);
  const config = pgpConfig(limits);
  try {
    if (text === undefined) return await openpgp.readMessage({ binaryMessage: input as Uint8Array, config });
    const block = /-----BEGIN PGP MESSAGE-----[\s\S]*?-----END PGP MESSAGE-----/.exec(text)?.[0];
    if (!block) throw new OpenPgpError('malformed', 'no PGP MESSAGE armour');
    return await openpgp.readMessage({ armoredMessage: block, config });
  } catch (error) {
    throw toOpenPgpError(error, 'malformed');
  }
}

function isSignedOnly(message: openpgp.Message<Uint8Array | string>): boolean {
  const { packet } = openpgp.enums;
  const encrypted = message.packets.filterByTag(
    packet.symEncryptedIntegrityProtectedData,
    packet.aeadEncryptedData,
    packet.symmetricallyEncryptedData,
    packet.publicKeyEncryptedSessionKey,
  );
  if (encrypted.length > 0) return false;
  return (
    message.packets.filterByTag(
      packet.literalData,
      packet.compressedData,
      packet.onePassSignature,
      packet.signature,
    ).length > 0
  );
}

/** Verifies clearsigned text; `input` may hold text around the block (an e-mail body, say). */
export async function verifyClearsigned(
  input: string | Uint8Array,
  verificationKeys: readonly openpgp.PublicKey[],
  limits?: Partial<InputLimits>,
): Promise<VerifiedContent> {
  const bounds = resolveLimits(limits);
  checkSize(input, bounds);
  const block = CLEARSIGNED.exec(asText(input) ?? '')?.[0];
  if (!block) throw new OpenPgpError('malformed', 'no clearsigned block');
  let message: openpgp.CleartextMessage;
  try {
    message = await openpgp.readCleartextMessage({ cleartextMessage: block, config: pgpConfig(bounds) });
  } catch (error) {
    throw toOpenPgpError(error, 'malformed');
  }
  // openpgp.js undoes dash-escaping when reading and strips trailing spaces and tabs from every line,
  // as RFC 9580 §7.2 says the signer did: what we show is exactly what the signature covers.
  const text = message.getText();
  let result: Awaited<ReturnType<typeof openpgp.verify>>;
  try {
    result = await openpgp.verify({
      message,
      verificationKeys: [...verificationKeys],
      expectSigned: false,
      config: pgpConfig(bounds),
    });
  } catch (error) {
    throw toOpenPgpError(error, 'malformed');
  }
  const signatures: SignatureCheck[] = [];
  for (const check of result.signatures) signatures.push(await checkVerification(check, verificationKeys));
  return { form: 'clearsigned', data: new TextEncoder().encode(text), filename: null, signatures };
}

/** Verifies a signed, not encrypted, message (armoured or binary, compressed or not). */
export async function verifySignedMessage(
  input: string | Uint8Array,
  verificationKeys: readonly openpgp.PublicKey[],
  limits?: Partial<InputLimits>,
): Promise<VerifiedContent> {
  const bounds = resolveLimits(limits);
  checkSize(input, bounds);
  const message = await parseMessage(input, bounds);
  if (!isSignedOnly(message)) throw new OpenPgpError('malformed', 'not a signed-only message');
  let result: { data: Uint8Array; signatures: Parameters<typeof checkVerification>[0][] };
  try {
    result = await openpgp.verify({
      message,
      verificationKeys: [...verificationKeys],
      expectSigned: false,
      format: 'binary',
      config: pgpConfig(bounds),
    });
  } catch (error) {
    throw toOpenPgpError(error, 'malformed');
  }
  const { data } = result;
  if (data.byteLength > bounds.maxDecompressedBytes) throw new OpenPgpError('decompression-bomb');
  const signatures: SignatureCheck[] = [];
  for (const check of result.signatures) signatures.push(await checkVerification(check, verificationKeys));
  return { form: 'signed-message', data, filename: message.getFilename() || null, signatures };
}
