/**
 * The offline directory, kept in the encrypted vault as chunks of many entries
 * (renderer/directory/chunkedDirectory.ts) and held decrypted in memory while the vault is open.
 *
 * Public API for other areas (registry sync, inquiry, messages):
 *   listEntries(session)            → { entries, corrupted }   every readable entry + ids of damaged records
 *   loadDirectory(session)          → LoadedDirectory (entries, byId, search index, corrupted)
 *   getEntry(session, id)           → PointOfContact | undefined
 *   putEntries(session, entries)    → validates, encrypts and writes all entries in ONE transaction
 *   deleteEntries(session, ids)     → deletes all in one transaction
 *   writeDirectory(session, change, ops)
 *                                   → for a caller that must store entries together with its own
 *                                     records in one transaction (the registry sync)
 *   subscribeDirectory(listener)    → called after every change (useDirectory() refreshes on it)
 *   directoryKeysLoaded(session)    → resolves once the loaded entries have their public keys back:
 *                                     await it before reading entry.openpgp.publicKey
 *   reloadDirectory(session)        → after records were replaced behind the store (repair from backup)
 *
 * The first call after unlocking reads and decrypts the directory once; later reads come from
 * memory, and writes change the loaded directory and its search index in place (issue 14) instead
 * of having every reader load, decrypt and index 10,000 entries again. Writes are queued, one at a
 * time per vault, since each rewrites whole chunks from the in-memory copy.
 *
 * A load resolves before the entries' armoured public keys are back (chunkForm.ts, "Keys after
 * the list"): the list, search and entry pages need none, and the keys follow within a few
 * hundred milliseconds. Until then `entry.openpgp` holds the fingerprint only; the code that seals
 * to, verifies with or republishes a directory key awaits directoryKeysLoaded() first, and writes
 * wait for the keys by themselves.
 */
import type { LoadedDirectory } from '../../shared/directory/loadedDirectory';
import type { PointOfContact, PointOfContactInput } from '../../shared/directory/model';
import { VaultError } from '../../shared/vault/errors';
import type { BatchOp, VaultSession } from '../vault/session';
import { DirectoryVault, LEGACY_COLLECTION, validEntry } from './chunkedDirectory';
import { whenIdle } from './whenIdle';

export { CHUNK_COLLECTION as DIRECTORY_COLLECTION } from './chunkedDirectory';

export interface DirectoryListing {
  entries: PointOfContact[];
  /** Ids of records that failed authentication or their schema: quarantined (left untouched) and reported. */
  corrupted: string[];
}

export interface DirectoryChange {
  /** The vault whose directory changed; null for every vault (notifyDirectoryChanged). */
  session: VaultSession | null;
  /** True when the records changed behind the store: readers must load again. */
  reload: boolean;
}

type Listener = (change: DirectoryChange) => void;
const listeners = new Set<Listener>();

/** Called after every change to the directory, whoever made it. Returns the unsubscribe function. */
export function subscribeDirectory(listener: Listener): () => void {
  listeners.add(listener);
  return () => {
    listeners.delete(listener);
  };
}

function emit(change: DirectoryChange): void {
  for (const listener of listeners) listener(change);
}

interface Held {
  vault: Promise<DirectoryVault>;
  /** The same, once loaded. */
  loaded: DirectoryVault | null;
  generation: number;
}
const held = new WeakMap<VaultSession, Held>();
const writeQueues = new WeakMap<VaultSession, Promise<unknown>>();
/** Bumped by notifyDirectoryChanged: every held directory is read again from disk. */
let generation = 0;

/** Indexes what a load or a write queued for search, a few milliseconds at a time between other work. */
function indexInBackground(session: VaultSession, vault: DirectoryVault): void {
  const step = () => {
    if (session.isLocked || held.get(session)?.generation !== generation) return;
    if (!vault.live.index.indexPending(performance.now() + 8)) setTimeout(step, 0);
  };
  whenIdle(step, 500);
}

/** How long after a load chunks of an earlier form wait to be rewritten (after the first paint). */
export const COMPACT_AFTER_MS = 2000;

/**
 * Chunks stored in an earlier form (DirectoryVault.earlierChunks) are rewritten once, in one batch,
 * through the write queue, a moment after the load (the screens show the directory first). Until
 * then they read as before.
 */
function compactInBackground(session: VaultSession, vault: DirectoryVault): void {
  if (vault.earlierChunks().length === 0) return;
  setTimeout(() => {
    if (session.isLocked || held.get(session)?.loaded !== vault) return;
    void queueWrite(session, async () => {
      await vault.loadKeys();
      if (session.isLocked) return;
      const write = vault.rewrite(vault.earlierChunks());
      if (write.ops.length === 0) return;
      await session.writeBatch(write.ops);
      write.commit();
    }).catch(() => undefined); // tried again at the next load
  }, COMPACT_AFTER_MS);
}

/** Runs directory writes of one vault one at a time (each rewrites chunks from the in-memory copy). */
function queueWrite(session: VaultSession, run: () => Promise<void>): Promise<void> {
  const previous = writeQueues.get(session) ?? Promise.resolve();
  const next = previous.then(run, run);
  writeQueues.set(
    session,
    next.catch(() => undefined),
  );
  return next;
}

function vaultOf(session: VaultSession): Promise<DirectoryVault> {
  if (session.isLocked) {
    held.delete(session);
    return Promise.reject(new VaultError('locked'));
  }
  const current = held.get(session);
  if (current && current.generation === generation) return current.vault;
  const vault = DirectoryVault.load(session);
  const entry: Held = { vault, loaded: null, generation };
  held.set(session, entry);
  vault.then(
    (loaded) => {
      entry.loaded = loaded;
      indexInBackground(session, loaded);
      compactInBackground(session, loaded);
    },
    () => {
      if (held.get(session) === entry) held.delete(session);
    },
  );
  return vault;
}

/**
 * Resolves once this vault's directory (loaded now if it is not) has its public keys back: call it
 * before reading `entry.openpgp.publicKey` of an entry from loadDirectory, getEntry or listEntries.
 */
export async function directoryKeysLoaded(session: VaultSession): Promise<void> {
  const vault = await vaultOf(session);
  await vault.loadKeys();
}

/**
 * Resolves once the directory's keys are back, without reading them ahead of the first idle moment
 * after the load (directoryKeysLoaded reads them at once): for a status line that can wait a second
 * rather than hold up the list being drawn.
 */
export async function directoryKeysBack(session: VaultSession): Promise<void> {
  const vault = await vaultOf(session);
  await vault.keysBack();
}

/** The directory already in memory for this vault, without waiting (null when not loaded yet). */
export function loadedDirectoryNow(session: VaultSession): LoadedDirectory | null {
  const current = held.get(session);
  if (!current?.loaded || current.generation !== generation || session.isLocked) return null;
  return current.loaded.live.snapshot();
}

/** Records were replaced behind the store (repair from a backup): every reader loads again. */
export function reloadDirectory(session: VaultSession): void {
  held.delete(session);
  emit({ session, reload: true });
}

/** For callers that changed directory records directly, for any vault: everything is read again. */
export function notifyDirectoryChanged(): void {
  generation++;
  emit({ session: null, reload: true });
}

/**
 * Stores and removes entries, together with `ops` (the caller's own records) in one transaction:
 * all land or none. Entries are validated first (a ZodError before anything is written).
 * Listeners are told once the change is stored and visible in loadDirectory().
 */
export function writeDirectory(
  session: VaultSession,
  change: { puts?: readonly PointOfContactInput[]; deletes?: readonly string[] },
  ops: readonly BatchOp[] = [],
  options: { onlyNewer?: boolean } = {},
): Promise<void> {
  const run = async () => {
    let puts = (change.puts ?? []).map(validEntry);
    const deletes = change.deletes ?? [];
    const vault = await vaultOf(session);
    await vault.loadKeys(); // chunks are rewritten from memory, keys included
    if (session.isLocked) throw new VaultError('locked'); // locked meanwhile: the keys stopped
    if (options.onlyNewer)
      puts = puts.filter((entry) => (vault.get(entry.id)?.revision ?? -1) <= entry.revision);
    const write = vault.prepare(puts, deletes);
    if (write.ops.length + ops.length === 0) return;
    await session.writeBatch([...write.ops, ...ops]);
    write.commit();
    if (puts.length || deletes.length) {
      indexInBackground(session, vault);
      emit({ session, reload: false });
    }
  };
  return queueWrite(session, run);
}

/**
 * Batch operations for a caller that writes entries in its own session.writeBatch (the interface
 * before issue 14; prefer writeDirectory). They store per-entry records, which the next load moves
 * into chunks: call notifyDirectoryChanged() after the batch so that readers load again.
 */
export function directoryPutOps(entries: readonly PointOfContactInput[]): BatchOp[] {
  return entries.map((input) => {
    const entry = validEntry(input);
    return { collection: LEGACY_COLLECTION, id: entry.id, value: entry };
  });
}

/** Every readable entry and the ids of the quarantined records. tests/bench/directory.bench.ts measures it. */
export async function listEntries(session: VaultSession): Promise<DirectoryListing> {
  const vault = await vaultOf(session);
  const { entries, corrupted } = vault.live.snapshot();
  return { entries: [...entries], corrupted: [...corrupted] };
}

/** The directory as the screens use it: entries, lookup by id and search index (built as needed). */
export async function loadDirectory(session: VaultSession): Promise<LoadedDirectory> {
  return (await vaultOf(session)).live.snapshot();
}

/** Entries of one State only. */
export async function listEntriesOfState(session: VaultSession, state: string): Promise<DirectoryListing> {
  const { entries, corrupted } = await listEntries(session);
  return { entries: entries.filter((entry) => entry.state === state), corrupted };
}

export async function getEntry(session: VaultSession, id: string): Promise<PointOfContact | undefined> {
  return (await vaultOf(session)).get(id);
}

/** Validates every entry first (throws a ZodError, writes nothing, if one is invalid), then writes them atomically. */
export async function putEntries(
  session: VaultSession,
  entries: readonly PointOfContactInput[],
): Promise<void> {
  if (entries.length === 0) return;
  await writeDirectory(session, { puts: entries });
}

export async function deleteEntries(session: VaultSession, ids: readonly string[]): Promise<void> {
  if (ids.length === 0) return;
  await writeDirectory(session, { deletes: ids });
}

export async function countEntries(session: VaultSession): Promise<number> {
  return (await vaultOf(session)).live.size;
}
