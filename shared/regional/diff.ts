import type { RegionalEntry } from './model';

/** What a re-import would change, shown before anything is applied. */
export interface DirectoryDiff {
  added: RegionalEntry[];
  changed: { before: RegionalEntry; after: RegionalEntry; fields: (keyof RegionalEntry)[] }[];
  removed: RegionalEntry[];
  unchanged: number;
}

const COMPARED: (keyof RegionalEntry)[] = [
  'state',
  'role',
  'entity',
  'personName',
  'emails',
  'phones',
  'fingerprint',
];

function same(a: RegionalEntry[keyof RegionalEntry], b: RegionalEntry[keyof RegionalEntry]): boolean {
  if (Array.isArray(a) && Array.isArray(b)) {
    const left = [...a].sort();
    const right = [...b].sort();
    return left.length === right.length && left.every((value, i) => value === right[i]);
  }
  return a === b;
}

export function changedFields(before: RegionalEntry, after: RegionalEntry): (keyof RegionalEntry)[] {
  return COMPARED.filter((field) => !same(before[field], after[field]));
}

/** Entries are matched by the directory's own key (its id column, or State/role/entity). */
export function diffDirectories(
  previous: readonly RegionalEntry[],
  next: readonly RegionalEntry[],
): DirectoryDiff {
  const before = new Map(previous.map((entry) => [entry.key, entry]));
  const diff: DirectoryDiff = { added: [], changed: [], removed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const entry of next) {
    seen.add(entry.key);
    const old = before.get(entry.key);
    if (!old) {
      diff.added.push(entry);
      continue;
    }
    const fields = changedFields(old, entry);
    if (fields.length) diff.changed.push({ before: old, after: entry, fields });
    else diff.unchanged += 1;
  }
  for (const entry of previous) if (!seen.has(entry.key)) diff.removed.push(entry);
  return diff;
}

export function isEmptyDiff(diff: DirectoryDiff): boolean {
  return diff.added.length === 0 && diff.changed.length === 0 && diff.removed.length === 0;
}
