import * as openpgp from 'openpgp';
import { OpenPgpError, toOpenPgpError } from './errors';
import { fullConfig, pgpConfig, resolveLimits, type InputLimits } from './limits';
import { checkVerification, type SignatureCheck } from './signedData';

export type { SignatureCheck } from './signedData';

export interface DecryptedMessage {
  data: Uint8Array;
  signatures: SignatureCheck[];
}

/**
 * Throws a typed error when `key` cannot take an encrypted message now (expired, revoked, or no
 * encryption subkey). openpgp.js itself chooses the newest valid encryption subkey.
 */
export async function assertCanEncryptTo(key: openpgp.PublicKey, date: Date = new Date()): Promise<void> {
  const config = fullConfig();
  try {
    await key.verifyPrimaryKey(date, undefined, config);
  } catch (error) {
    throw toOpenPgpError(error, 'no-encryption-key');
  }
  try {
    await key.getEncryptionKey(undefined, date, undefined, config);
  } catch (error) {
    throw toOpenPgpError(error, 'no-encryption-key');
  }
}

/**
 * The sender's public half, made once per key object: openpgp.js remembers which self-signatures it
 * already verified on a key object, so a fresh toPublic() per message would verify them again.
 */
const publicHalves = new WeakMap<openpgp.PrivateKey, openpgp.PublicKey>();
function publicHalf(key: openpgp.PrivateKey): openpgp.PublicKey {
  let half = publicHalves.get(key);
  if (!half) {
    half = key.toPublic();
    publicHalves.set(key, half);
  }
  return half;
}

/**
 * Signs with `sender` and encrypts to every recipient and to the sender (so the sent copy can be
 * read later). One SEIPDv1 message, no compression: what GnuPG 2.2/2.4 and Thunderbird read.
 */
export async function encryptAndSign(options: {
  data: Uint8Array;
  recipients: readonly openpgp.PublicKey[];
  sender: openpgp.PrivateKey;
  armor?: boolean;
  date?: Date;
}): Promise<string | Uint8Array> {
  const date = options.date ?? new Date();
  const senderPublic = publicHalf(options.sender);
  const unique = new Map<string, openpgp.PublicKey>();
  for (const key of [...options.recipients, senderPublic]) unique.set(key.getFingerprint(), key);
  const message = await openpgp.createMessage({ binary: options.data, date });
  const common = {
    message,
    encryptionKeys: [...unique.values()],
    signingKeys: options.sender,
    date,
    config: pgpConfig(),
  };
  try {
    // Typed as unknown: openpgp's stream-generic overloads do not resolve for the linter.
    const sealed: unknown =
      options.armor === false
        ? await openpgp.encrypt({ ...common, format: 'binary' })
        : await openpgp.encrypt({ ...common, format: 'armored' });
    if (typeof sealed === 'string' || sealed instanceof Uint8Array) return sealed;
    throw new OpenPgpError('malformed', 'unexpected output type');
  } catch (error) {
    // Only on failure: find which key is at fault, for a precise typed error.
    for (const recipient of options.recipients) await assertCanEncryptTo(recipient, date);
    try {
      await options.sender.getSigningKey(undefined, date, undefined, fullConfig());
    } catch (signingError) {
      throw toOpenPgpError(signingError, 'no-signing-key');
    }
    throw toOpenPgpError(error, 'no-encryption-key');
  }
}

function asText(input: string | Uint8Array): string | undefined {
  if (typeof input === 'string') return input;
  const head = new TextDecoder().decode(input.subarray(0, 4096));
  return head.includes('-----BEGIN PGP') ? new TextDecoder().decode(input) : undefined;
}

/** Parses armoured or binary OpenPGP data into an encrypted message, or fails with a typed error. */
export async function readEncryptedMessage(
  input: string | Uint8Array,
  limits?: Partial<InputLimits>,
): Promise<openpgp.Message<Uint8Array | string>> {
  const bounds = resolveLimits(limits);
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > bounds.maxInputBytes) throw new OpenPgpError('too-large', `input of ${size} bytes`);
  const config = pgpConfig(bounds);
  const text = asText(input);
  if (text !== undefined) {
    const begin = /-----BEGIN PGP ([A-Z ]+)-----/.exec(text);
    if (!begin) throw new OpenPgpError('malformed', 'no armour header');
    if (begin[1] !== 'MESSAGE') throw new OpenPgpError('not-encrypted', `armour type ${begin[1] ?? ''}`);
  }
  let message: openpgp.Message<Uint8Array | string>;
  try {
    message =
      text !== undefined
        ? await openpgp.readMessage({ armoredMessage: text, config })
        : await openpgp.readMessage({ binaryMessage: input as Uint8Array, config });
  } catch (error) {
    throw toOpenPgpError(error, 'malformed');
  }
  // By packet tag, not class name: class names do not survive minification.
  const { packet } = openpgp.enums;
  const encrypted =
    message.packets.filterByTag(
      packet.symEncryptedIntegrityProtectedData,
      packet.aeadEncryptedData,
      packet.symmetricallyEncryptedData,
    ).length > 0;
  if (!encrypted) throw new OpenPgpError('not-encrypted', 'no encrypted data packet');
  return message;
}

/**
 * Decrypts with `decryptionKey` and checks every signature against `verificationKeys` (the directory's
 * keys, imported peer keys and the own key). Input and decompressed sizes are bounded. Throws only
 * OpenPgpError; never reports a signature as valid unless openpgp.js verified it.
 */
export async function decryptAndVerify(options: {
  input: string | Uint8Array;
  decryptionKey: openpgp.PrivateKey;
  verificationKeys: readonly openpgp.PublicKey[];
  limits?: Partial<InputLimits>;
  date?: Date;
}): Promise<DecryptedMessage> {
  const bounds = resolveLimits(options.limits);
  const message = await readEncryptedMessage(options.input, bounds);
  const recipients = message.getEncryptionKeyIDs();
  const mine = recipients.some(
    (id) => id.toHex() === '0000000000000000' || options.decryptionKey.getKeys(id).length > 0,
  );
  if (!mine) throw new OpenPgpError('not-for-me', `addressed to ${recipients.length} other key(s)`);
  let decrypted: { data: Uint8Array; signatures: Parameters<typeof checkVerification>[0][] };
  try {
    decrypted = await openpgp.decrypt({
      message,
      decryptionKeys: options.decryptionKey,
      verificationKeys: [...options.verificationKeys],
      expectSigned: false,
      format: 'binary',
      ...(options.date ? { date: options.date } : {}),
      config: pgpConfig(bounds),
    });
  } catch (error) {
    throw toOpenPgpError(error, 'decryption-failed');
  }
  if (decrypted.data.byteLength > bounds.maxDecompressedBytes) throw new OpenPgpError('decompression-bomb');
  const signatures: SignatureCheck[] = [];
  for (const result of decrypted.signatures)
    signatures.push(await checkVerification(result, options.verificationKeys));
  return { data: decrypted.data, signatures };
}
