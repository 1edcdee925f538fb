import type { PointOfContact } from '../../shared/directory/model';
import type { SyncState } from '../../shared/sync/model';
import { directoryKeysBack, listEntriesOfState } from '../directory/store';
import { parseKeyCached } from '../messaging/keyring';
import { syncControllerFor } from '../sync/syncController';
import type { VaultSession } from '../vault/session';
import type { OwnIdentity } from '../messaging/ownIdentity';

/**
 * Publishing the own public key in the POC's own directory entry (ARCHITECTURE.md "Keys": the
 * directory distributes keys). A §7 d: « les États peuvent progressivement mettre à jour les
 * informations figurant dans le répertoire si celles qu'ils ont communiquées venaient à connaître
 * des modifications. » The update goes through the signed outbox; the registry signs it into the feed.
 */
export type OwnKeyPublication =
  | { kind: 'not-enrolled' }
  /** Enrolled, but the directory on this device has no entry of the own State and role yet (sync first). */
  | { kind: 'no-entry'; state: SyncState['state']; role: SyncState['role'] }
  /** The enrolled key is not the key in this vault: the registry would refuse the signature. */
  | { kind: 'other-key'; state: SyncState['state']; role: SyncState['role'] }
  | { kind: 'ready'; entries: PointOfContact[] }
  | { kind: 'queued'; entry: PointOfContact; conflict: boolean }
  | { kind: 'rejected'; entries: PointOfContact[] }
  /**
   * The entry carries this key, but an older copy of it: the key was renewed (new expiry, same
   * fingerprint) after it was published. Peers encrypt to the copy in the directory, so they stop
   * reaching this POC on its old expiry date; `directoryExpiresAt` is that date (null: none).
   */
  | { kind: 'outdated'; entry: PointOfContact; directoryExpiresAt: string | null }
  | { kind: 'published'; entry: PointOfContact };

/** The own State's entries of the own role, oldest id first (a stable default choice). */
async function ownRoleEntries(session: VaultSession, state: SyncState): Promise<PointOfContact[]> {
  const { entries } = await listEntriesOfState(session, state.state);
  return entries.filter((entry) => entry.role === state.role).sort((a, b) => a.id.localeCompare(b.id));
}

export async function ownKeyPublication(
  session: VaultSession,
  identity: Pick<OwnIdentity, 'fingerprint' | 'publicKeyArmored'>,
): Promise<OwnKeyPublication> {
  const controller = syncControllerFor(session);
  const state = await controller.store.loadState();
  if (!state) return { kind: 'not-enrolled' };
  if (state.ownFingerprint !== identity.fingerprint)
    return { kind: 'other-key', state: state.state, role: state.role };
  // The entries' keys follow the list (chunk form 4); this status can wait for them, not hurry them.
  await directoryKeysBack(session);
  const entries = await ownRoleEntries(session, state);
  const carrying = entries.find((entry) => entry.openpgp?.fingerprint === identity.fingerprint);
  const directoryCopy = carrying?.openpgp?.publicKey;
  const sameCopy =
    directoryCopy !== undefined && (await sameExpiry(directoryCopy, identity.publicKeyArmored));
  if (carrying && sameCopy) return { kind: 'published', entry: carrying };
  const ownIds = new Set(entries.map((entry) => entry.id));
  const updates = (await controller.store.listOutbox()).flatMap((item) =>
    item.kind === 'entry-update' &&
    ownIds.has(item.request.statement.entry.id) &&
    item.request.statement.entry.openpgp?.fingerprint === identity.fingerprint &&
    // An update that carries an earlier copy (sent before a renewal) does not publish this one.
    item.request.statement.entry.openpgp.publicKey === identity.publicKeyArmored
      ? [item]
      : [],
  );
  const pending = updates.find((item) => item.status !== 'rejected');
  const entry = pending ? entries.find((e) => e.id === pending.request.statement.entry.id) : undefined;
  if (pending && entry) return { kind: 'queued', entry, conflict: pending.status === 'conflict' };
  if (carrying)
    return { kind: 'outdated', entry: carrying, directoryExpiresAt: await expiryOf(directoryCopy) };
  if (entries.length === 0) return { kind: 'no-entry', state: state.state, role: state.role };
  if (updates.length > 0) return { kind: 'rejected', entries };
  return { kind: 'ready', entries };
}

/** When a key stops being valid: ISO date, or null for never (or when the copy cannot be read). */
async function expiryOf(armoured: string | undefined): Promise<string | null> {
  const expiry = await readExpiry(armoured);
  return expiry instanceof Date ? expiry.toISOString() : null;
}

/** A key's expiry as openpgp gives it (a Date, or Infinity for never); null when it does not read. */
async function readExpiry(armoured: string | undefined): Promise<Date | number | null> {
  const key = armoured ? await parseKeyCached(armoured) : null;
  return key ? await key.getExpirationTime().catch(() => null) : null;
}

/**
 * Whether the directory's copy of the own key is the current one: the same text, or (armoured
 * otherwise, e.g. by another tool) a copy that reads and expires when the own key does. A copy that
 * does not read is not current: publishing replaces it.
 */
async function sameExpiry(directoryCopy: string, ownCopy: string): Promise<boolean> {
  if (directoryCopy === ownCopy) return true;
  const [a, b] = await Promise.all([readExpiry(directoryCopy), readExpiry(ownCopy)]);
  return a !== null && b !== null && String(a) === String(b);
}

/** Queues a signed update of the entry that carries the own public key; the sync sends it at once. */
export async function publishOwnKey(
  session: VaultSession,
  identity: Pick<OwnIdentity, 'fingerprint' | 'publicKeyArmored'>,
  entry: PointOfContact,
): Promise<void> {
  const updated: PointOfContact = {
    ...entry,
    openpgp: { fingerprint: identity.fingerprint, publicKey: identity.publicKeyArmored },
  };
  await syncControllerFor(session).queueEntryUpdate(updated, entry.revision);
}
