import type { PointOfContact } from './model';
import {
  createLiveDirectorySearchIndex,
  type DirectorySearchIndex,
  type LiveDirectorySearchIndex,
} from './searchIndex';

/** The decrypted directory as the screens use it: entries, lookup by id, and the search index. */
export interface LoadedDirectory {
  entries: readonly PointOfContact[];
  byId: ReadonlyMap<string, PointOfContact>;
  index: DirectorySearchIndex;
  /** Ids of records that failed authentication: quarantined on disk, reported in the UI. */
  corrupted: readonly string[];
  /** Grows with every change applied in place (LiveDirectory.apply); a new snapshot has a new value. */
  version: number;
}

/**
 * The directory held in memory while the vault is open, changed in place (issue 14): a sync page
 * that stores 500 entries updates the map and queues them for the search index, instead of the
 * whole directory being read, decrypted and indexed again. `snapshot()` hands the screens an
 * immutable-looking view; a new one (a new object, so React sees the change) after each change.
 * The byId map and the index are shared between snapshots: only the latest snapshot is meant to be
 * read.
 */
export class LiveDirectory {
  readonly #byId = new Map<string, PointOfContact>();
  readonly #index: LiveDirectorySearchIndex = createLiveDirectorySearchIndex();
  #corrupted: readonly string[];
  #version = 0;
  #snapshot: LoadedDirectory | null = null;

  constructor(entries: Iterable<PointOfContact>, corrupted: readonly string[] = []) {
    for (const entry of entries) this.#put(entry);
    this.#corrupted = corrupted;
  }

  #put(entry: PointOfContact): void {
    this.#byId.set(entry.id, entry);
    this.#index.put(entry);
  }

  get index(): LiveDirectorySearchIndex {
    return this.#index;
  }

  get size(): number {
    return this.#byId.size;
  }

  get(id: string): PointOfContact | undefined {
    return this.#byId.get(id);
  }

  /** Stores and removes entries in place; an entry keeps its place in the order when replaced. */
  apply(
    puts: readonly PointOfContact[],
    deletes: readonly string[] = [],
    corrupted?: readonly string[],
  ): void {
    for (const id of deletes) {
      if (this.#byId.delete(id)) this.#index.remove(id);
    }
    for (const entry of puts) this.#put(entry);
    if (corrupted) this.#corrupted = corrupted;
    this.#version++;
    this.#snapshot = null;
  }

  snapshot(): LoadedDirectory {
    this.#snapshot ??= {
      entries: [...this.#byId.values()],
      byId: this.#byId,
      index: this.#index,
      corrupted: this.#corrupted,
      version: this.#version,
    };
    return this.#snapshot;
  }
}

/**
 * Assembles a LoadedDirectory one entry at a time (in directory order), for a caller that feeds
 * entries as they arrive.
 */
export interface DirectoryAssembler {
  add(entry: PointOfContact): void;
  finish(corrupted: readonly string[]): LoadedDirectory;
}

export function createDirectoryAssembler(): DirectoryAssembler {
  const entries: PointOfContact[] = [];
  return {
    add(entry) {
      entries.push(entry);
    },
    finish: (corrupted) => new LiveDirectory(entries, corrupted).snapshot(),
  };
}

export function indexDirectory(
  entries: readonly PointOfContact[],
  corrupted: readonly string[] = [],
): LoadedDirectory {
  return new LiveDirectory(entries, corrupted).snapshot();
}

/** Search results as entries, or every entry (filtered) for an empty query. */
export function searchEntries(directory: LoadedDirectory, query: string, limit = 200): PointOfContact[] {
  const hits = directory.index.search(query, limit);
  const found: PointOfContact[] = [];
  for (const hit of hits) {
    const entry = directory.byId.get(hit.id);
    if (entry) found.push(entry);
  }
  return found;
}
