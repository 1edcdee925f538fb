/**
 * Read-time validation of a decrypted directory entry, with a fast path.
 *
 * Every record read from the vault is authenticated (AES-256-GCM with its collection and id as
 * additional data), and its schema is still checked: a record written by a buggy or older build must
 * be quarantined, not shown. (Directory chunks of the current form are the one exception: this
 * build validated their entries when it wrote them; renderer/directory/chunkForm.ts.)
 *
 * zod's safeParse builds a fresh copy of every entry and of every nested object; at 10,000 entries
 * that copy and its garbage were about a tenth of the directory's load.
 *
 * The fast path checks the same rules by hand on the parsed JSON and, when the value already is
 * exactly what PointOfContactSchema would return (no unknown keys, strings already trimmed, every
 * default present), returns the value itself. Anything it is not sure of — an unknown key, a
 * missing default, untrimmed text, any rule broken — goes to zod, which stays the only judge of what
 * is refused. So the fast path can only say "valid, and zod would return this very value"; it never
 * refuses anything (tests/unit/renderer/directory/readEntry.test.ts compares both on mutated entries).
 * If the model gains or loses a field, the key lists below no longer match it and the fast path
 * switches itself off.
 */
import { z } from 'zod';
import { UN_LANGUAGES } from '../../shared/i18n/languages';
import {
  EntryTextSchema,
  POC_KINDS,
  POC_ROLES,
  PointOfContactSchema,
  REGIONAL_DIRECTORIES,
  type PointOfContact,
} from '../../shared/directory/model';

const ENTRY_KEYS = [
  'id',
  'state',
  'role',
  'kind',
  'language',
  'text',
  'english',
  'phones',
  'emails',
  'workingLanguages',
  'openpgp',
  'timeZone',
  'regionalDirectories',
  'lastPingConfirmedAt',
  'revision',
  'updatedAt',
] as const;
const TEXT_KEYS = ['entity', 'personName', 'personTitle', 'officeHours', 'notes'] as const;
type TextKey = (typeof TEXT_KEYS)[number];

const sameKeys = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && a.every((k) => b.includes(k));
const FAST_PATH_MATCHES_MODEL =
  sameKeys(ENTRY_KEYS, Object.keys(PointOfContactSchema.shape)) &&
  sameKeys(TEXT_KEYS, Object.keys(EntryTextSchema.shape));

/** Text field lengths, read from the model itself so that the two cannot drift apart. */
function maxLengthOf(key: TextKey): number {
  const field = EntryTextSchema.shape[key];
  const max = ('unwrap' in field ? field.unwrap() : field).maxLength;
  return max ?? 0;
}
const TEXT_MAX = Object.fromEntries(TEXT_KEYS.map((key) => [key, maxLengthOf(key)])) as Record<
  TextKey,
  number
>;

const ENTRY_KEY_SET: ReadonlySet<string> = new Set(ENTRY_KEYS);
const TEXT_KEY_SET: ReadonlySet<string> = new Set(TEXT_KEYS);
const ROLES: ReadonlySet<unknown> = new Set(POC_ROLES);
const KINDS: ReadonlySet<unknown> = new Set(POC_KINDS);
const LANGUAGES: ReadonlySet<unknown> = new Set(UN_LANGUAGES);
const REGIONAL: ReadonlySet<unknown> = new Set(REGIONAL_DIRECTORIES);

// The model's patterns (shared/directory/model.ts) and zod's own for e-mail and ISO date-time.
const ID = /^[A-Za-z0-9_-]{8,64}$/;
const STATE = /^[A-Z]{3}$/;
const E164 = /^\+[1-9]\d{6,14}$/;
const FINGERPRINT = /^([0-9A-F]{40}|[0-9A-F]{64})$/;
const WORKING_LANGUAGE = /^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/;
const EMAIL = z.regexes.email;
const DATETIME = z.regexes.datetime({ precision: null, offset: false, local: false });

type Plain = Record<string, unknown>;
const isPlain = (value: unknown): value is Plain =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

function onlyKeys(value: Plain, allowed: ReadonlySet<string>): boolean {
  for (const key in value) if (!allowed.has(key)) return false;
  return true;
}

/**
 * A string zod's `.trim().max(max)` leaves as it is: String#trim removes exactly what `\s` matches
 * (white space and line terminators), so looking at both ends is enough, without trim's copy.
 */
const WHITE = /\s/;
const isTrimmed = (value: unknown, max: number): value is string =>
  typeof value === 'string' &&
  value.length <= max &&
  (value.length === 0 || (!WHITE.test(value.charAt(0)) && !WHITE.test(value.charAt(value.length - 1))));

function isCanonicalText(value: unknown): boolean {
  if (!isPlain(value) || !onlyKeys(value, TEXT_KEY_SET)) return false;
  if (!isTrimmed(value.entity, TEXT_MAX.entity) || value.entity.length === 0) return false;
  for (const key of ['personName', 'personTitle', 'officeHours', 'notes'] as const) {
    if (key in value && !isTrimmed(value[key], TEXT_MAX[key])) return false;
  }
  return true;
}

function isArrayOf(value: unknown, min: number, max: number, ok: (item: unknown) => boolean): boolean {
  if (!Array.isArray(value) || value.length < min || value.length > max) return false;
  for (const item of value) if (!ok(item)) return false;
  return true;
}

const matches =
  (pattern: RegExp, max = Infinity) =>
  (value: unknown) =>
    typeof value === 'string' && value.length <= max && pattern.test(value);

/** True when PointOfContactSchema would accept the value and return it unchanged (deep-equal). */
export function isCanonicalEntry(value: unknown): value is PointOfContact {
  if (!FAST_PATH_MATCHES_MODEL || !isPlain(value) || !onlyKeys(value, ENTRY_KEY_SET)) return false;
  const v = value;
  if (!matches(ID)(v.id) || !matches(STATE)(v.state)) return false;
  if (!ROLES.has(v.role) || !KINDS.has(v.kind) || !LANGUAGES.has(v.language)) return false;
  if (!isCanonicalText(v.text)) return false;
  if ('english' in v && !isCanonicalText(v.english)) return false;
  if (!isArrayOf(v.phones, 0, 10, matches(E164))) return false;
  if (!isArrayOf(v.emails, 0, 10, matches(EMAIL, 254))) return false;
  if (!isArrayOf(v.workingLanguages, 1, 12, matches(WORKING_LANGUAGE))) return false;
  if ('openpgp' in v) {
    const key = v.openpgp;
    if (!isPlain(key) || !sameKeys(Object.keys(key), ['fingerprint', 'publicKey'])) return false;
    if (!matches(FINGERPRINT)(key.fingerprint)) return false;
    if (typeof key.publicKey !== 'string' || key.publicKey.length > 64 * 1024) return false;
  }
  if ('timeZone' in v && !(typeof v.timeZone === 'string' && v.timeZone.length <= 64)) return false;
  // Missing regional directories: zod fills in the default [], so the value is not canonical.
  if (!isArrayOf(v.regionalDirectories, 0, REGIONAL_DIRECTORIES.length, (item) => REGIONAL.has(item)))
    return false;
  if ('lastPingConfirmedAt' in v && !matches(DATETIME)(v.lastPingConfirmedAt)) return false;
  if (typeof v.revision !== 'number' || !Number.isSafeInteger(v.revision) || v.revision < 0) return false;
  return matches(DATETIME)(v.updatedAt);
}

/** The entry, or null when it breaks the schema (the caller quarantines it). */
export function readEntry(value: unknown): PointOfContact | null {
  if (isCanonicalEntry(value)) return value;
  const parsed = PointOfContactSchema.safeParse(value);
  return parsed.success ? parsed.data : null;
}
