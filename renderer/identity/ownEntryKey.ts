import type { PointOfContact } from '../../shared/directory/model';
import type { SyncState } from '../../shared/sync/model';
import { listEntriesOfState } from '../directory/store';
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
  | { kind: 'published'; entry: PointOfContact };

/** The own State's entries of the own role, oldest id first (a stable default choice). */
async function ownRoleEntries(session: VaultSession, state: SyncState): Promise<PointOfContact[]> {
  const { entries } = await listEntriesOfState(session, state.state);
  return entries.filter((entry) => entry.role === state.role).sort((a, b) => a.id.localeCompare(b.id));
}

export async function ownKeyPublication(
  session: VaultSession,
  identity: Pick<OwnIdentity, 'fingerprint'>,
): Promise<OwnKeyPublication> {
  const controller = syncControllerFor(session);
  const state = await controller.store.loadState();
  if (!state) return { kind: 'not-enrolled' };
  if (state.ownFingerprint !== identity.fingerprint)
    return { kind: 'other-key', state: state.state, role: state.role };
  const entries = await ownRoleEntries(session, state);
  const published = entries.find((entry) => entry.openpgp?.fingerprint === identity.fingerprint);
  if (published) return { kind: 'published', entry: published };
  const ownIds = new Set(entries.map((entry) => entry.id));
  const updates = (await controller.store.listOutbox()).flatMap((item) =>
    item.kind === 'entry-update' &&
    ownIds.has(item.request.statement.entry.id) &&
    item.request.statement.entry.openpgp?.fingerprint === identity.fingerprint
      ? [item]
      : [],
  );
  const pending = updates.find((item) => item.status !== 'rejected');
  const entry = pending ? entries.find((e) => e.id === pending.request.statement.entry.id) : undefined;
  if (pending && entry) return { kind: 'queued', entry, conflict: pending.status === 'conflict' };
  if (entries.length === 0) return { kind: 'no-entry', state: state.state, role: state.role };
  if (updates.length > 0) return { kind: 'rejected', entries };
  return { kind: 'ready', entries };
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
