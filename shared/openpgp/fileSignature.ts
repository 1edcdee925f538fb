import * as openpgp from 'openpgp';
import { signDetachedBytes } from './detached';
import { OpenPgpError, toOpenPgpError } from './errors';
import { pgpConfig, resolveLimits, type InputLimits } from './limits';
import type { SignatureCheck } from './messageCrypto';
import { assertCanEncryptTo } from './messageCrypto';
import { checkVerification } from './signedData';

/**
 * Files, as CERTs exchange them: a detached signature beside a PDF or an IOC list (`report.pdf` +
 * `report.pdf.asc` / `.sig`), and a file encrypted for one recipient (`report.pdf.gpg`).
 *
 *   const signature = await signFile(bytes, ownKey);                  // armoured, binary type 0x00
 *   const checks = await verifyFileSignature(bytes, signature, keys);  // SignatureCheck[]
 *   const sealed = await encryptFile({ data, filename, recipient, sender }); // binary, signed
 *
 * `gpg --verify report.pdf.asc report.pdf` and `gpg --decrypt report.pdf.gpg` read what these make.
 */
export async function signFile(data: Uint8Array, signer: openpgp.PrivateKey): Promise<string> {
  return signDetachedBytes(data, signer);
}

async function readAnySignature(signature: string | Uint8Array): Promise<openpgp.Signature> {
  const head =
    typeof signature === 'string' ? signature : new TextDecoder().decode(signature.subarray(0, 256));
  try {
    if (head.includes('-----BEGIN PGP SIGNATURE-----')) {
      const text = typeof signature === 'string' ? signature : new TextDecoder().decode(signature);
      return await openpgp.readSignature({ armoredSignature: text, config: pgpConfig() });
    }
    if (typeof signature === 'string') throw new OpenPgpError('malformed', 'no signature armour');
    return await openpgp.readSignature({ binarySignature: signature, config: pgpConfig() });
  } catch (error) {
    throw toOpenPgpError(error, 'malformed');
  }
}

/** True when `bytes` look like an OpenPGP signature (armoured or binary), so a drop of two files can be sorted. */
export async function isDetachedSignature(bytes: Uint8Array): Promise<boolean> {
  if (bytes.byteLength > 64 * 1024) return false;
  try {
    const signature = await readAnySignature(bytes);
    return signature.packets.length > 0;
  } catch {
    return false;
  }
}

/** Checks a detached signature (armoured .asc or binary .sig) over `data`. Throws only for a malformed signature. */
export async function verifyFileSignature(
  data: Uint8Array,
  signature: string | Uint8Array,
  verificationKeys: readonly openpgp.PublicKey[],
  limits?: Partial<InputLimits>,
): Promise<SignatureCheck[]> {
  const bounds = resolveLimits(limits);
  if (data.byteLength > bounds.maxInputBytes)
    throw new OpenPgpError('too-large', `file of ${data.byteLength} bytes`);
  const parsed = await readAnySignature(signature);
  const message = await openpgp.createMessage({ binary: data });
  let result: Awaited<ReturnType<typeof openpgp.verify>>;
  try {
    result = await openpgp.verify({
      message,
      signature: parsed,
      verificationKeys: [...verificationKeys],
      expectSigned: false,
      format: 'binary',
      config: pgpConfig(bounds),
    });
  } catch (error) {
    throw toOpenPgpError(error, 'malformed');
  }
  const checks: SignatureCheck[] = [];
  for (const check of result.signatures) checks.push(await checkVerification(check, verificationKeys));
  return checks;
}

/**
 * Encrypts a file for `recipient` and the sender (so the sender can open their copy), signed by the
 * sender; binary output, the usual `.gpg`. The file name goes into the literal packet as gpg does.
 */
export async function encryptFile(options: {
  data: Uint8Array;
  filename: string;
  recipient: openpgp.PublicKey;
  sender: openpgp.PrivateKey;
}): Promise<Uint8Array> {
  await assertCanEncryptTo(options.recipient);
  const message = await openpgp.createMessage({
    binary: options.data,
    filename: options.filename.slice(0, 200),
  });
  const keys = new Map<string, openpgp.PublicKey>();
  for (const key of [options.recipient, options.sender.toPublic()]) keys.set(key.getFingerprint(), key);
  try {
    const sealed: unknown = await openpgp.encrypt({
      message,
      encryptionKeys: [...keys.values()],
      signingKeys: options.sender,
      format: 'binary',
      config: pgpConfig(),
    });
    if (sealed instanceof Uint8Array) return sealed;
    throw new OpenPgpError('malformed', 'unexpected output type');
  } catch (error) {
    throw toOpenPgpError(error, 'no-encryption-key');
  }
}
