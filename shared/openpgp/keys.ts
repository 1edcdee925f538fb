import * as openpgp from 'openpgp';
import { OpenPgpError, toOpenPgpError } from './errors';
import { pgpConfig, resolveLimits, type InputLimits } from './limits';

export type IdentityKeyType = 'ecc' | 'rsa4096' | 'rsa3072';

/** Two years: the default validity of a new key (renewal extends it). */
export const DEFAULT_KEY_LIFETIME_SECONDS = 2 * 365 * 24 * 60 * 60;

export interface GeneratedIdentity {
  /** Unlocked, ready to sign and decrypt. */
  privateKey: openpgp.PrivateKey;
  /** Armoured secret key: unprotected unless a passphrase was given (the vault encrypts it at rest). */
  privateKeyArmored: string;
  publicKeyArmored: string;
  fingerprint: string;
  /** Armoured revocation certificate, to keep apart from the key (GnuPG imports it with `--import`). */
  revocationCertificate: string;
}

/**
 * A new OpenPGP v4 key: Ed25519 primary (certify+sign) with a Cv25519 encryption subkey by default,
 * or RSA-4096 (RSA-3072 for tests); valid two years unless told otherwise.
 * Usable in Node tests and in the renderer alike.
 */
export async function generateIdentity(options: {
  name: string;
  email?: string;
  type?: IdentityKeyType;
  /** Seconds; 0 means never expires. */
  expiresInSeconds?: number;
  passphrase?: string;
  date?: Date;
}): Promise<GeneratedIdentity> {
  const type = options.type ?? 'ecc';
  const userID = options.email ? { name: options.name, email: options.email } : { name: options.name };
  const common = {
    userIDs: [userID],
    keyExpirationTime: options.expiresInSeconds ?? DEFAULT_KEY_LIFETIME_SECONDS,
    ...(options.date ? { date: options.date } : {}),
    config: pgpConfig(),
    format: 'object' as const,
  };
  const generated =
    type === 'ecc'
      ? await openpgp.generateKey({ ...common, type: 'ecc', curve: 'curve25519Legacy' })
      : await openpgp.generateKey({ ...common, type: 'rsa', rsaBits: type === 'rsa4096' ? 4096 : 3072 });
  const privateKey = generated.privateKey;
  const privateKeyArmored = options.passphrase
    ? (await openpgp.encryptKey({ privateKey, passphrase: options.passphrase })).armor()
    : privateKey.armor();
  return {
    privateKey,
    privateKeyArmored,
    publicKeyArmored: generated.publicKey.armor(),
    fingerprint: fingerprintOfKey(privateKey),
    revocationCertificate: generated.revocationCertificate,
  };
}

export function fingerprintOfKey(key: openpgp.Key): string {
  return key.getFingerprint().toUpperCase();
}

function looksArmored(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 2048));
  return head.includes('-----BEGIN PGP');
}

/** Every armoured block in a text (a file may hold several keys one after another). */
export function armoredBlocks(text: string): string[] {
  return text.match(/-----BEGIN PGP [A-Z ]+-----[\s\S]*?-----END PGP [A-Z ]+-----/g) ?? [];
}

function checkSize(input: string | Uint8Array, limits: InputLimits): void {
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxInputBytes) throw new OpenPgpError('too-large', `input of ${size} bytes`);
}

/**
 * Public keys from armoured text or binary bytes (one or several keys; a secret key is reduced to its
 * public part). Keys with several subkeys, expired subkeys next to valid ones and user IDs without an
 * e-mail are all fine; openpgp.js picks the newest valid encryption subkey when encrypting.
 */
export async function readPublicKeys(
  input: string | Uint8Array,
  limits?: Partial<InputLimits>,
): Promise<openpgp.PublicKey[]> {
  const bounds = resolveLimits(limits);
  checkSize(input, bounds);
  const config = pgpConfig(bounds);
  const keys: openpgp.Key[] = [];
  try {
    const text =
      typeof input === 'string' ? input : looksArmored(input) ? new TextDecoder().decode(input) : undefined;
    if (text === undefined)
      keys.push(...(await openpgp.readKeys({ binaryKeys: input as Uint8Array, config })));
    else {
      const blocks = armoredBlocks(text);
      if (blocks.length === 0) throw new OpenPgpError('malformed', 'no armoured key block');
      for (const block of blocks) keys.push(...(await openpgp.readKeys({ armoredKeys: block, config })));
    }
  } catch (error) {
    throw toOpenPgpError(error, 'not-a-public-key');
  }
  if (keys.length === 0) throw new OpenPgpError('not-a-public-key');
  return keys.map((key) => key.toPublic());
}

export async function readPublicKey(
  input: string | Uint8Array,
  limits?: Partial<InputLimits>,
): Promise<openpgp.PublicKey> {
  const [first] = await readPublicKeys(input, limits);
  if (!first) throw new OpenPgpError('not-a-public-key');
  return first;
}

/**
 * A secret key (e.g. `gpg --export-secret-keys --armor`), unlocked with its passphrase when it has one.
 * Fails with `wrong-passphrase` when the passphrase is missing or wrong.
 */
export async function readSecretKey(
  input: string | Uint8Array,
  passphrase?: string,
): Promise<openpgp.PrivateKey> {
  checkSize(input, resolveLimits());
  const config = pgpConfig();
  let key: openpgp.PrivateKey;
  try {
    if (typeof input === 'string') key = await openpgp.readPrivateKey({ armoredKey: input, config });
    else if (looksArmored(input))
      key = await openpgp.readPrivateKey({ armoredKey: new TextDecoder().decode(input), config });
    else key = await openpgp.readPrivateKey({ binaryKey: input, config });
  } catch (error) {
    throw toOpenPgpError(error, 'not-a-private-key');
  }
  if (key.isDecrypted()) return key;
  if (!passphrase) throw new OpenPgpError('wrong-passphrase', 'the key is protected by a passphrase');
  try {
    return await openpgp.decryptKey({ privateKey: key, passphrase, config });
  } catch (error) {
    throw toOpenPgpError(error, 'wrong-passphrase');
  }
}

/** The secret key protected by a passphrase (iterated S2K, AES-256), for backups and moving to GnuPG. */
export async function exportSecretKey(key: openpgp.PrivateKey, passphrase: string): Promise<string> {
  if (passphrase.length < 8) throw new OpenPgpError('wrong-passphrase', 'export passphrase too short');
  const locked = await openpgp.encryptKey({ privateKey: key, passphrase, config: pgpConfig() });
  return locked.armor();
}

/**
 * A stand-alone revocation certificate (a public-key block holding only the revocation signature),
 * the same shape GnuPG writes to openpgp-revocs.d and `generateKey` returns.
 */
export async function makeRevocationCertificate(key: openpgp.PrivateKey): Promise<string> {
  const { publicKey } = await openpgp.revokeKey({
    key,
    reasonForRevocation: { flag: openpgp.enums.reasonForRevocation.keyRetired, string: '' },
    format: 'object',
    config: pgpConfig(),
  });
  const [revocation] = publicKey.revocationSignatures;
  if (!revocation) throw new OpenPgpError('malformed', 'no revocation signature');
  const packets = new openpgp.PacketList<openpgp.SignaturePacket>();
  packets.push(revocation);
  return openpgp.armor(openpgp.enums.armor.publicKey, packets.write());
}

/**
 * Renewal: new self-signatures with a new expiry (default: two years from `date`). The fingerprint
 * does not change, so peers keep their verification; they need the refreshed public key.
 */
export async function renewKey(
  key: openpgp.PrivateKey,
  options: { expiresInSeconds?: number; date?: Date } = {},
): Promise<openpgp.PrivateKey> {
  const date = options.date ?? new Date();
  const ageSeconds = Math.max(0, Math.floor((date.getTime() - key.getCreationTime().getTime()) / 1000));
  const userIDs = key.users.flatMap((user) =>
    user.userID ? [{ name: user.userID.name, email: user.userID.email, comment: user.userID.comment }] : [],
  );
  const { privateKey } = await openpgp.reformatKey({
    privateKey: key,
    userIDs,
    // keyExpirationTime counts from key creation, not from today.
    keyExpirationTime: ageSeconds + (options.expiresInSeconds ?? DEFAULT_KEY_LIFETIME_SECONDS),
    date,
    format: 'object',
    config: pgpConfig(),
  });
  return privateKey;
}
