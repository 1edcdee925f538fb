import { z } from 'zod';
import type * as openpgp from 'openpgp';
import { readSecretKey } from '../../shared/openpgp/keys';
import type { VaultSession } from '../vault/session';

/**
 * The own OpenPGP identity, kept in the vault (collection 'identity', id 'own').
 *
 * Passphrase choice: the secret key is stored WITHOUT its own OpenPGP passphrase, inside a vault
 * record that is AES-256-GCM encrypted with the vault key (itself wrapped by the Argon2id-derived
 * key of the vault passphrase). A second passphrase on the same device would add a prompt, not
 * protection. Anything that leaves the vault (secret-key backup/export) is protected with a
 * passphrase the user types at export time.
 */
export interface OwnIdentity {
  fingerprint: string;
  privateKeyArmored: string;
  publicKeyArmored: string;
  revocationCertificate: string;
  algorithm: string;
  userIds: string[];
  createdAt: string;
  expiresAt: string | null;
  origin: 'generated' | 'imported';
  /** When the user last saved the revocation certificate somewhere safe. */
  revocationSavedAt?: string | undefined;
  updatedAt: string;
}

export const OwnIdentitySchema: z.ZodType<OwnIdentity> = z.object({
  fingerprint: z.string().regex(/^([0-9A-F]{40}|[0-9A-F]{64})$/),
  privateKeyArmored: z.string().max(256 * 1024),
  publicKeyArmored: z.string().max(256 * 1024),
  revocationCertificate: z.string().max(64 * 1024),
  algorithm: z.string().max(40),
  userIds: z.array(z.string().max(1024)).max(50),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime().nullable(),
  origin: z.enum(['generated', 'imported']),
  revocationSavedAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime(),
});

export const OWN_IDENTITY_ID = 'own';

export function ownIdentityCollection(session: VaultSession) {
  return session.collection('identity', OwnIdentitySchema);
}

export async function loadOwnIdentity(session: VaultSession): Promise<OwnIdentity | null> {
  return (await ownIdentityCollection(session).get(OWN_IDENTITY_ID)) ?? null;
}

export async function saveOwnIdentity(session: VaultSession, identity: OwnIdentity): Promise<void> {
  await ownIdentityCollection(session).put(OWN_IDENTITY_ID, identity, { updatedAt: identity.updatedAt });
}

/** The own secret key, unlocked and ready to sign and decrypt; null when no identity exists yet. */
export async function loadOwnSigningKey(session: VaultSession): Promise<openpgp.PrivateKey | null> {
  const identity = await loadOwnIdentity(session);
  if (!identity) return null;
  // Parsed once per unlocked session (and per key: a renewed or imported key replaces it). Keyed by
  // the session object, so the parsed key is dropped with the session when the vault locks.
  const cached = parsedKeys.get(session);
  if (cached?.armored === identity.privateKeyArmored) return cached.key;
  const key = readSecretKey(identity.privateKeyArmored);
  parsedKeys.set(session, { armored: identity.privateKeyArmored, key });
  key.catch(() => parsedKeys.delete(session));
  return key;
}

const parsedKeys = new WeakMap<VaultSession, { armored: string; key: Promise<openpgp.PrivateKey> }>();
