/**
 * The offline directory, kept in the encrypted vault (collection 'directory').
 *
 * Public API for other areas (registry sync, inquiry, messages):
 *   listEntries(session)            → { entries, corrupted }   every readable entry + ids that failed authentication
 *   getEntry(session, id)           → PointOfContact | undefined
 *   putEntries(session, entries)    → validates, encrypts and writes all entries in ONE transaction
 *   deleteEntries(session, ids)     → deletes all in one transaction
 *   subscribeDirectory(listener)    → called after every put/delete (useDirectory() refreshes on it)
 *   directoryPutOps / directoryDeleteOps + notifyDirectoryChanged()
 *                                   → for a caller that must write entries together with its own
 *                                     records in one session.writeBatch (the registry sync)
 *
 * Only the opaque id, the State code, the role and the update time are stored in clear (the indexes);
 * names, e-mails, phones and free text live only inside the AES-256-GCM ciphertext.
 */
import { PointOfContactSchema, type PointOfContact, type PointOfContactInput } from '../../../../shared/directory/model';
import { VaultError } from '../../../../shared/vault/errors';
import type { BatchOp, EncryptedCollection, VaultSession } from '../../../../renderer/vault/session';

export const DIRECTORY_COLLECTION = 'directory' as const;

export interface DirectoryListing {
  entries: PointOfContact[];
  /** Ids of records that failed authentication or their schema: quarantined (left untouched) and reported. */
  corrupted: string[];
}

function collection(session: VaultSession): EncryptedCollection<PointOfContact> {
  return session.collection(DIRECTORY_COLLECTION, PointOfContactSchema);
}

type Listener = () => void;
const listeners = new Set<Listener>();

/** Called after every write to the directory, whoever made it. Returns the unsubscribe function. */
export function subscribeDirectory(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

/** Tell useDirectory() and other listeners that entries changed (call after your own writeBatch). */
export function notifyDirectoryChanged(): void {
  for (const listener of listeners) listener();
}

/** Batch operations that store entries (validated here; throws a ZodError before anything is written). */
export function directoryPutOps(entries: readonly PointOfContactInput[]): BatchOp[] {
  return entries.map((input) => {
    const entry = PointOfContactSchema.parse(input);
    return {
      collection: DIRECTORY_COLLECTION,
      id: entry.id,
      value: entry,
      index: { state: entry.state, role: entry.role, updatedAt: entry.updatedAt },
    };
  });
}

export function directoryDeleteOps(ids: readonly string[]): BatchOp[] {
  return ids.map((id) => ({ collection: DIRECTORY_COLLECTION, id, delete: true as const }));
}

/**
 * Every readable entry. Decrypts all records concurrently (through the session's public
 * decryptStored): WebCrypto runs each AES-GCM call off the main thread, so 10,000 small records load
 * about twice as fast as one await after another (tests/bench/directory.bench.ts).
 */
export async function listEntries(session: VaultSession): Promise<DirectoryListing> {
  const rows = await session.db.records.where('collection').equals(DIRECTORY_COLLECTION).toArray();
  const results = await Promise.allSettled(rows.map((row) => session.decryptStored(row, PointOfContactSchema)));
  const entries: PointOfContact[] = [];
  const corrupted: string[] = [];
  results.forEach((result, i) => {
    if (result.status === 'fulfilled') entries.push(result.value);
    else if (result.reason instanceof VaultError && result.reason.code === 'record-corrupted') corrupted.push(rows[i]?.id ?? '');
    else throw result.reason;
  });
  return { entries, corrupted };
}

/** Entries of one State only (uses the clear State index; still decrypts). */
export async function listEntriesOfState(session: VaultSession, state: string): Promise<DirectoryListing> {
  const { items, corrupted } = await collection(session).listWhere('state', state);
  return { entries: items.map((item) => item.value), corrupted };
}

export async function getEntry(session: VaultSession, id: string): Promise<PointOfContact | undefined> {
  return collection(session).get(id);
}

/** Validates every entry first (throws a ZodError, writes nothing, if one is invalid), then writes them atomically. */
export async function putEntries(session: VaultSession, entries: readonly PointOfContactInput[]): Promise<void> {
  if (entries.length === 0) return;
  await session.writeBatch(directoryPutOps(entries));
  notifyDirectoryChanged();
}

export async function deleteEntries(session: VaultSession, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await session.writeBatch(directoryDeleteOps(ids));
  notifyDirectoryChanged();
}

export async function countEntries(session: VaultSession): Promise<number> {
  return collection(session).count();
}
