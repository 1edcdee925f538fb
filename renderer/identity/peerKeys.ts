import { z } from 'zod';
import type * as openpgp from 'openpgp';
import { FingerprintSchema, type PointOfContact } from '../../shared/directory/model';
import type { KeyPin } from '../../shared/messages/verdict';
import type { BatchOp, LookupRecordId, VaultSession } from '../vault/session';

/**
 * Vault collection 'peerKeys': two kinds of record.
 * - pin-<keyed hash of the pocId>: the fingerprint the user relies on for a directory POC, pinned on first use and
 *   on every fingerprint verification (who verified, how, when). A directory key that differs
 *   from the pin is a key change: shown loudly, sending is blocked until verified again.
 * - key-<fingerprint>: an extra public key imported by hand (partners outside the directory).
 */
export const VerificationMethodSchema = z.enum(['spoken', 'qr']);
export type VerificationMethod = z.infer<typeof VerificationMethodSchema>;

export const PeerPinSchema = z.object({
  kind: z.literal('pin'),
  pocId: z.string().min(1).max(64),
  fingerprint: FingerprintSchema,
  pinnedAt: z.iso.datetime(),
  verifiedAt: z.iso.datetime().optional(),
  verifiedBy: z.string().max(200).optional(),
  method: VerificationMethodSchema.optional(),
});
export type PeerPin = z.infer<typeof PeerPinSchema>;

export const ImportedKeySchema = z.object({
  kind: z.literal('key'),
  fingerprint: FingerprintSchema,
  publicKey: z.string().max(512 * 1024),
  userIds: z.array(z.string().max(1024)).max(50),
  algorithm: z.string().max(40),
  expiresAt: z.string().nullable(),
  importedAt: z.iso.datetime(),
});
export type ImportedKey = z.infer<typeof ImportedKeySchema>;

export const PeerRecordSchema = z.discriminatedUnion('kind', [PeerPinSchema, ImportedKeySchema]);
export type PeerRecord = z.infer<typeof PeerRecordSchema>;

export function peerCollection(session: VaultSession) {
  return session.collection('peerKeys', PeerRecordSchema);
}

export async function listPeerRecords(
  session: VaultSession,
): Promise<{ pins: PeerPin[]; keys: ImportedKey[] }> {
  const { items } = await peerCollection(session).list();
  const pins: PeerPin[] = [];
  const keys: ImportedKey[] = [];
  for (const { value } of items) {
    if (value.kind === 'pin') pins.push(value);
    else keys.push(value);
  }
  return { pins, keys };
}

/** A pin's record id: 'pin-' + keyed hash of the POC id, so the disk does not say whom one pinned (issue 9 §5). */
export function pinId(pocId: string): LookupRecordId {
  return { prefix: 'pin-', kind: 'poc', value: pocId };
}

export function pinOp(pin: PeerPin): BatchOp {
  return {
    collection: 'peerKeys' as const,
    id: pinId(pin.pocId),
    value: pin,
    index: { updatedAt: pin.verifiedAt ?? pin.pinnedAt },
  };
}

export async function recordVerification(
  session: VaultSession,
  entry: PointOfContact,
  verification: { verifiedBy: string; method: VerificationMethod },
): Promise<void> {
  if (!entry.openpgp) return;
  const now = new Date().toISOString();
  await session.writeBatch([
    pinOp({
      kind: 'pin',
      pocId: entry.id,
      fingerprint: entry.openpgp.fingerprint,
      pinnedAt: now,
      verifiedAt: now,
      ...verification,
    }),
  ]);
}

export async function saveImportedKey(
  session: VaultSession,
  key: openpgp.PublicKey,
  meta: Omit<ImportedKey, 'kind' | 'publicKey' | 'fingerprint' | 'importedAt'>,
): Promise<void> {
  const fingerprint = key.getFingerprint().toUpperCase();
  const record: ImportedKey = {
    kind: 'key',
    fingerprint,
    publicKey: key.armor(),
    importedAt: new Date().toISOString(),
    ...meta,
  };
  await peerCollection(session).put(`key-${fingerprint}`, record, { updatedAt: record.importedAt });
}

/** POCs whose directory key is no longer the pinned one. */
export function changedKeys(
  entries: readonly PointOfContact[],
  pins: readonly PeerPin[],
): { entry: PointOfContact; pin: PeerPin }[] {
  const byId = new Map(entries.map((e) => [e.id, e]));
  const out: { entry: PointOfContact; pin: PeerPin }[] = [];
  for (const pin of pins) {
    const entry = byId.get(pin.pocId);
    if (entry?.openpgp && entry.openpgp.fingerprint !== pin.fingerprint) out.push({ entry, pin });
  }
  return out;
}

export function toKeyPins(pins: readonly PeerPin[]): KeyPin[] {
  return pins.map((p) => ({
    pocId: p.pocId,
    fingerprint: p.fingerprint,
    verifiedAt: p.verifiedAt,
    verifiedBy: p.verifiedBy,
  }));
}
