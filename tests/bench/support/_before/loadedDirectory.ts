import type { PointOfContact } from '../../../../shared/directory/model';
import { buildDirectorySearchIndex, type DirectorySearchIndex } from './searchIndex';

/** The decrypted directory as the screens use it: entries, lookup by id, and the search index. */
export interface LoadedDirectory {
  entries: readonly PointOfContact[];
  byId: ReadonlyMap<string, PointOfContact>;
  index: DirectorySearchIndex;
  /** Ids of records that failed authentication: quarantined on disk, reported in the UI. */
  corrupted: readonly string[];
}

export function indexDirectory(entries: readonly PointOfContact[], corrupted: readonly string[] = []): LoadedDirectory {
  return {
    entries,
    byId: new Map(entries.map((entry) => [entry.id, entry])),
    index: buildDirectorySearchIndex(entries),
    corrupted,
  };
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
