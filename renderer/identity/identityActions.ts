import type * as openpgp from 'openpgp';
import { generateIdentity, makeRevocationCertificate, type IdentityKeyType } from '../../shared/openpgp/keys';
import { summarizeKey } from '../../shared/openpgp/keyInfo';
import type { OwnIdentity } from '../messaging/ownIdentity';

/** Builds the vault record for a key the user generated or imported. */
export async function identityRecord(
  key: openpgp.PrivateKey,
  origin: OwnIdentity['origin'],
  revocationCertificate?: string,
): Promise<OwnIdentity> {
  const summary = await summarizeKey(key);
  return {
    fingerprint: summary.fingerprint,
    privateKeyArmored: key.armor(),
    publicKeyArmored: key.toPublic().armor(),
    revocationCertificate: revocationCertificate ?? (await makeRevocationCertificate(key)),
    algorithm: summary.algorithm,
    userIds: summary.userIds,
    createdAt: summary.createdAt,
    expiresAt: summary.expiresAt,
    origin,
    updatedAt: new Date().toISOString(),
  };
}

export async function generateOwnIdentity(options: {
  name: string;
  email?: string;
  type: IdentityKeyType;
}): Promise<OwnIdentity> {
  const generated = await generateIdentity({
    name: options.name,
    ...(options.email ? { email: options.email } : {}),
    type: options.type,
  });
  return identityRecord(generated.privateKey, 'generated', generated.revocationCertificate);
}

/** Days until the key expires (negative once expired); null when it never expires. */
export function daysUntilExpiry(identity: Pick<OwnIdentity, 'expiresAt'>, now = Date.now()): number | null {
  if (!identity.expiresAt) return null;
  return Math.floor((Date.parse(identity.expiresAt) - now) / 86_400_000);
}

export { RENEWAL_REMINDER_DAYS } from '../../shared/home/today';

/** A file name that says nothing about whose key it is. */
export function keyFileName(kind: 'public' | 'revocation' | 'secret', fingerprint: string): string {
  return `openpgp-${kind}-${fingerprint.slice(-16)}.asc`;
}
