/**
 * Records of this vault that failed authentication or their schema (issue 9 §6: "nothing disappears
 * silently"). A collection's list() and get() report them here instead of quietly leaving them out;
 * the areas show the report (components/DamagedRecordsNotice.tsx). A damaged record stays on disk
 * untouched until something would overwrite or delete it; then writeBatch first copies its raw
 * ciphertext, byte for byte, into the 'quarantine' collection (QUARANTINE_COLLECTION), so a backup
 * or a repair can still get at it.
 */
export const QUARANTINE_COLLECTION = 'quarantine' as const;

export interface DamagedRecord {
  collection: string;
  id: string;
}

const keyOf = (collection: string, id: string) => `${collection}\u0000${id}`;

export class DamagedRecords {
  #seen = new Map<string, DamagedRecord>();
  #listeners = new Set<() => void>();

  report(collection: string, id: string): void {
    if (collection === QUARANTINE_COLLECTION || this.#seen.has(keyOf(collection, id))) return;
    this.#seen.set(keyOf(collection, id), { collection, id });
    this.#listeners.forEach((listener) => listener());
  }

  has(collection: string, id: string): boolean {
    return this.#seen.has(keyOf(collection, id));
  }

  /** Forgets a record once it was moved to quarantine (it is then counted there). */
  settle(collection: string, id: string): void {
    if (this.#seen.delete(keyOf(collection, id))) this.#listeners.forEach((listener) => listener());
  }

  list(collections?: readonly string[]): DamagedRecord[] {
    const all = [...this.#seen.values()];
    return collections ? all.filter((record) => collections.includes(record.collection)) : all;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }
}

/** The id a damaged record gets in quarantine: where it came from, and when it was moved. */
export function quarantineId(collection: string, id: string, at: string): string {
  return `${collection}/${id}@${at}`;
}
