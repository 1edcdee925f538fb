import { ENTRY_TEXT_FIELDS, type EntryTextField } from '../../shared/directory/entryFields';
import {
  PointOfContactSchema,
  REGIONAL_DIRECTORIES,
  type EntryText,
  type PointOfContact,
  type PocKind,
  type PocRole,
} from '../../shared/directory/model';
import { normalisePhone } from '../../shared/directory/phone';
import {
  checkEntryText,
  MULTILINE_ENTRY_FIELDS,
  normaliseEntryText,
  type TextPolicyCode,
} from '../../shared/directory/textPolicy';
import type { UnLanguage } from '../../shared/i18n/languages';

type RegionalDirectory = (typeof REGIONAL_DIRECTORIES)[number];

// The translatable text fields (A §7 a) are edited in the entry's language and in English.
export { ENTRY_TEXT_FIELDS, type EntryTextField };

/**
 * The own-entry form's fields, as typed (lists as text, one item per line or comma). Every field of
 * the entry a POC may change is here; the rest (id, State, key, ping confirmation, revision) is
 * carried over from the entry being edited, so an edit never drops a field.
 */
export interface OwnEntryDraft {
  role: PocRole;
  kind: PocKind;
  language: UnLanguage;
  text: Record<EntryTextField, string>;
  english: Record<EntryTextField, string>;
  phones: string;
  emails: string;
  workingLanguages: string;
  timeZone: string;
  regionalDirectories: RegionalDirectory[];
}

/** A field of the form: a top-level one, or a text field of the original (`text.x`) or the English (`english.x`). */
export type DraftField =
  | 'role'
  | 'kind'
  | 'language'
  | 'phones'
  | 'emails'
  | 'workingLanguages'
  | 'timeZone'
  | 'regionalDirectories'
  | `text.${EntryTextField}`
  | `english.${EntryTextField}`;

/** What is wrong with a field: a translation key (namespace ownEntry, `invalid.*`) and its values. */
export interface DraftError {
  key: string;
  values?: Record<string, string>;
}
export type DraftErrors = Partial<Record<DraftField, DraftError>>;

const list = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);

function textFields(text: EntryText | undefined): Record<EntryTextField, string> {
  return {
    entity: text?.entity ?? '',
    personName: text?.personName ?? '',
    personTitle: text?.personTitle ?? '',
    officeHours: text?.officeHours ?? '',
    notes: text?.notes ?? '',
  };
}

export function draftFromEntry(entry: PointOfContact): OwnEntryDraft {
  return {
    role: entry.role,
    kind: entry.kind,
    language: entry.language,
    text: textFields(entry.text),
    english: textFields(entry.english),
    phones: entry.phones.join('\n'),
    emails: entry.emails.join('\n'),
    workingLanguages: entry.workingLanguages.join(', '),
    timeZone: entry.timeZone ?? '',
    regionalDirectories: [...entry.regionalDirectories],
  };
}

export function isTimeZone(value: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: value });
    return true;
  } catch {
    return false;
  }
}

/**
 * One block of text fields, NFC-normalised then checked against the directory text policy
 * (shared/directory/textPolicy.ts): a refused character is reported on its field with its code
 * point, never removed silently (the registry stores the exact signed bytes).
 */
function readText(
  values: Record<EntryTextField, string>,
  prefix: 'text' | 'english',
  errors: DraftErrors,
): Partial<Record<EntryTextField, string>> {
  const out: Partial<Record<EntryTextField, string>> = {};
  for (const field of ENTRY_TEXT_FIELDS) {
    const value = normaliseEntryText(values[field]).trim();
    if (!value) continue;
    const violation = checkEntryText(value, { multiline: MULTILINE_ENTRY_FIELDS.has(field) });
    if (violation) errors[`${prefix}.${field}`] = policyError(violation.code, violation.codePoint);
    out[field] = value;
  }
  return out;
}

function policyError(code: TextPolicyCode, codePoint: string): DraftError {
  return { key: `policy.${code}`, values: { codePoint } };
}

/**
 * Validates the draft and builds the entry (A §7 a: entity, telephone and e-mail, name and title if
 * any, working languages, in one UN language with an optional English translation). Phones are
 * normalised to E.164 with libphonenumber-js in the entry's State's numbering plan (a national
 * number is accepted); anything wrong is reported per field.
 */
export function entryFromDraft(
  draft: OwnEntryDraft,
  base: PointOfContact,
): { entry?: PointOfContact; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const phones: string[] = [];
  for (const raw of list(draft.phones)) {
    try {
      phones.push(normalisePhone(raw, base.state));
    } catch {
      errors.phones = { key: 'phone', values: { number: raw } };
    }
  }
  const text = readText(draft.text, 'text', errors);
  const englishText = readText(draft.english, 'english', errors);
  if (!text.entity) errors['text.entity'] = { key: 'required' };
  const hasEnglish = Object.keys(englishText).length > 0;
  if (hasEnglish && !englishText.entity) errors['english.entity'] = { key: 'englishEntity' };
  const timeZone = draft.timeZone.trim();
  if (timeZone && !isTimeZone(timeZone)) errors.timeZone = { key: 'timeZone' };

  const candidate = {
    ...base,
    role: draft.role,
    kind: draft.kind,
    language: draft.language,
    text: { ...text, entity: text.entity ?? '' },
    english: hasEnglish ? { ...englishText, entity: englishText.entity ?? '' } : undefined,
    phones,
    emails: list(draft.emails).map((email) => email.normalize('NFC')),
    workingLanguages: list(draft.workingLanguages).map((tag) => tag.toLowerCase()),
    timeZone: timeZone || undefined,
    regionalDirectories: REGIONAL_DIRECTORIES.filter((name) => draft.regionalDirectories.includes(name)),
  };
  if (!candidate.english) delete candidate.english;
  if (!candidate.timeZone) delete candidate.timeZone;
  const parsed = PointOfContactSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = fieldOfIssue(issue.path);
      if (field && !errors[field]) errors[field] = { key: issueKey(field) };
    }
    if (Object.keys(errors).length === 0) errors['text.entity'] = { key: 'invalid' };
  }
  if (candidate.emails.length === 0 && phones.length === 0 && !errors.phones)
    errors.emails = { key: 'contact' };
  return Object.keys(errors).length || !parsed.success ? { errors } : { entry: parsed.data, errors };
}

function fieldOfIssue(path: readonly PropertyKey[]): DraftField | undefined {
  const [top, second] = path;
  if (top === 'text' || top === 'english') {
    const field = ENTRY_TEXT_FIELDS.find((name) => name === second) ?? 'entity';
    return `${top}.${field}`;
  }
  const direct: readonly DraftField[] = [
    'phones',
    'emails',
    'workingLanguages',
    'timeZone',
    'regionalDirectories',
    'role',
    'kind',
    'language',
  ];
  return direct.find((name) => name === top);
}

function issueKey(field: DraftField): string {
  if (field === 'emails') return 'email';
  if (field === 'workingLanguages') return 'language';
  if (field.startsWith('text.') || field.startsWith('english.')) return 'tooLong';
  return 'invalid';
}
