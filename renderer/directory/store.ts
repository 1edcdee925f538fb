/**
 * The offline directory, kept in the encrypted vault (collection 'directory').
 *
 * Public API for other areas (registry sync, inquiry, messages):
 *   listEntries(session)            → { entries, corrupted }   every readable entry + ids that failed authentication
 *   loadDirectory(session)          → LoadedDirectory (entries, byId, search index, corrupted)
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
import Dexie from 'dexie';
import { createDirectoryAssembler, type LoadedDirectory } from '../../shared/directory/loadedDirectory';
import { PointOfContactSchema, type PointOfContact, type PointOfContactInput } from '../../shared/directory/model';
import type { StoredRecord } from '../db/database';
import { RecordReadFailure, type BatchOp, type EncryptedCollection, type VaultSession } from '../vault/session';
import { readEntry } from './readEntry';

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

/** The directory's records, on the primary key range [directory, *] (the table's own order, no secondary index to walk). */
function readDirectoryRecords(session: VaultSession): Promise<StoredRecord[]> {
  return session.db.records
    .where('[collection+id]')
    .between([DIRECTORY_COLLECTION, Dexie.minKey], [DIRECTORY_COLLECTION, Dexie.maxKey], true, true)
    .toArray();
}


/**
 * Reads every directory record, decrypts them all concurrently (session.decryptManyWith: one
 * WebCrypto call and one promise per record), checks each against the schema through readEntry's
 * fast path (zod for anything it is not sure of), and hands each readable entry to `take` in the
 * table's order. Returns the ids of the records that failed authentication or their schema
 * (quarantined, left untouched, in table order). Any other error (the vault locked meanwhile) is
 * thrown, the first in table order.
 *
 * Measured and dropped (issue 3, second pass): handing entries over as their decryption resolves,
 * one by one or in chunks of 100–3,000, so that indexing overlaps the AES work. In Chromium the
 * AES-GCM of 10,000 records takes ~45 ms of the load; the main thread is busy with the IndexedDB
 * result, the promise plumbing, JSON and validation meanwhile, so there was no idle time to fill and
 * no gain beyond the noise (tests/bench/support/browserDirectoryProfile.ts keeps the comparison).
 */
async function readEntriesInOrder(session: VaultSession, take: (entry: PointOfContact) => void): Promise<string[]> {
  const rows = await readDirectoryRecords(session);
  const read = await session.decryptManyWith(rows, readEntry);
  const corrupted: string[] = [];
  for (let i = 0; i < read.length; i++) {
    const entry = read[i];
    if (!(entry instanceof RecordReadFailure)) {
      if (entry) take(entry);
    } else if (entry.error.code === 'record-corrupted') corrupted.push(rows[i]?.id ?? '');
    else throw entry.error;
  }
  return corrupted;
}

/** Every readable entry (table order) and the ids of the quarantined records. tests/bench/directory.bench.ts measures it. */
export async function listEntries(session: VaultSession): Promise<DirectoryListing> {
  const entries: PointOfContact[] = [];
  const corrupted = await readEntriesInOrder(session, (entry) => entries.push(entry));
  return { entries, corrupted };
}

/**
 * The directory as the screens use it: entries, lookup by id and search index, each entry indexed
 * as it is handed over (no intermediate entries array). Same result as
 * indexDirectory(listEntries(session)): same order, same corrupted list, same search results
 * (tests/unit/renderer/directory/store.test.ts compares them).
 */
export async function loadDirectory(session: VaultSession): Promise<LoadedDirectory> {
  const assembler = createDirectoryAssembler();
  const corrupted = await readEntriesInOrder(session, (entry) => assembler.add(entry));
  return assembler.finish(corrupted);
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
