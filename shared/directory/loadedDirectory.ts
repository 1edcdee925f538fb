import type { PointOfContact } from './model';
import { createDirectorySearchIndexBuilder, type DirectorySearchIndex } from './searchIndex';

/** The decrypted directory as the screens use it: entries, lookup by id, and the search index. */
export interface LoadedDirectory {
  entries: readonly PointOfContact[];
  byId: ReadonlyMap<string, PointOfContact>;
  index: DirectorySearchIndex;
  /** Ids of records that failed authentication: quarantined on disk, reported in the UI. */
  corrupted: readonly string[];
}

/**
 * Assembles a LoadedDirectory one entry at a time (in directory order): the vault load
 * (renderer/directory/store.ts, loadDirectory) adds each entry as it reads it, with no intermediate
 * array, and a caller may feed entries as they arrive.
 */
export interface DirectoryAssembler {
  add(entry: PointOfContact): void;
  finish(corrupted: readonly string[]): LoadedDirectory;
}

export function createDirectoryAssembler(): DirectoryAssembler {
  const entries: PointOfContact[] = [];
  const byId = new Map<string, PointOfContact>();
  const index = createDirectorySearchIndexBuilder();
  return {
    add(entry) {
      entries.push(entry);
      byId.set(entry.id, entry);
      index.add(entry);
    },
    finish: (corrupted) => ({ entries, byId, index: index.finish(), corrupted }),
  };
}

export function indexDirectory(entries: readonly PointOfContact[], corrupted: readonly string[] = []): LoadedDirectory {
  const assembler = createDirectoryAssembler();
  for (const entry of entries) assembler.add(entry);
  return assembler.finish(corrupted);
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
