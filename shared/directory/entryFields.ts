import type { PointOfContact } from './model';

/** The translatable text fields (A §7 a), given in the entry's language and optionally in English. */
export const ENTRY_TEXT_FIELDS = ['entity', 'personName', 'personTitle', 'officeHours', 'notes'] as const;
export type EntryTextField = (typeof ENTRY_TEXT_FIELDS)[number];

/**
 * The fields of a directory entry a person reads and may change, in the order they are shown.
 * Registry bookkeeping (id, revision, updatedAt, last ping confirmation) is left out: it always
 * differs between two versions of an entry and says nothing about what a change is about. The
 * public key is named by its fingerprint.
 */
export const ENTRY_FIELDS = [
  'state',
  'role',
  'kind',
  'language',
  ...ENTRY_TEXT_FIELDS.map((field) => `text.${field}` as const),
  'timeZone',
  'phones',
  'emails',
  'workingLanguages',
  'fingerprint',
  'regionalDirectories',
  ...ENTRY_TEXT_FIELDS.map((field) => `english.${field}` as const),
] as const;
export type EntryField = (typeof ENTRY_FIELDS)[number];

const one = (value: string | undefined): readonly string[] => (value ? [value] : []);

const VALUES: { readonly [F in EntryField]: (entry: PointOfContact) => readonly string[] } = {
  state: (entry) => [entry.state],
  role: (entry) => [entry.role],
  kind: (entry) => [entry.kind],
  language: (entry) => [entry.language],
  'text.entity': (entry) => [entry.text.entity],
  'text.personName': (entry) => one(entry.text.personName),
  'text.personTitle': (entry) => one(entry.text.personTitle),
  'text.officeHours': (entry) => one(entry.text.officeHours),
  'text.notes': (entry) => one(entry.text.notes),
  timeZone: (entry) => one(entry.timeZone),
  phones: (entry) => entry.phones,
  emails: (entry) => entry.emails,
  workingLanguages: (entry) => entry.workingLanguages,
  fingerprint: (entry) => one(entry.openpgp?.fingerprint),
  regionalDirectories: (entry) => entry.regionalDirectories,
  'english.entity': (entry) => one(entry.english?.entity),
  'english.personName': (entry) => one(entry.english?.personName),
  'english.personTitle': (entry) => one(entry.english?.personTitle),
  'english.officeHours': (entry) => one(entry.english?.officeHours),
  'english.notes': (entry) => one(entry.english?.notes),
};

/** A field's values, in order; empty when the entry does not give it. */
export function entryFieldValues(entry: PointOfContact, field: EntryField): readonly string[] {
  return VALUES[field](entry);
}

/** The fields two versions of an entry give differently (order of list items counts: it is kept). */
export function differingFields(a: PointOfContact, b: PointOfContact): EntryField[] {
  return ENTRY_FIELDS.filter((field) => {
    const left = entryFieldValues(a, field);
    const right = entryFieldValues(b, field);
    return left.length !== right.length || left.some((value, i) => value !== right[i]);
  });
}
