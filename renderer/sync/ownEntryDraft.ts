import { parsePhoneNumberFromString } from 'libphonenumber-js';
import { PointOfContactSchema, type PointOfContact, type PocKind, type PocRole } from '../../shared/directory/model';
import type { UnLanguage } from '../../shared/i18n/languages';

/** The own-entry form's fields, as typed (lists as text, one item per line or comma). */
export interface OwnEntryDraft {
  role: PocRole;
  kind: PocKind;
  language: UnLanguage;
  entity: string;
  personName: string;
  personTitle: string;
  phones: string;
  emails: string;
  workingLanguages: string;
  englishEntity: string;
  englishPersonName: string;
  englishPersonTitle: string;
}

export type DraftField = keyof OwnEntryDraft;
/** Field → translation key of what is wrong (namespace sync, `form.invalid.*`). */
export type DraftErrors = Partial<Record<DraftField, string>>;

const list = (text: string) =>
  text
    .split(/[\n,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);

export function draftFromEntry(entry: PointOfContact): OwnEntryDraft {
  return {
    role: entry.role,
    kind: entry.kind,
    language: entry.language,
    entity: entry.text.entity,
    personName: entry.text.personName ?? '',
    personTitle: entry.text.personTitle ?? '',
    phones: entry.phones.join('\n'),
    emails: entry.emails.join('\n'),
    workingLanguages: entry.workingLanguages.join(', '),
    englishEntity: entry.english?.entity ?? '',
    englishPersonName: entry.english?.personName ?? '',
    englishPersonTitle: entry.english?.personTitle ?? '',
  };
}

const optional = (value: string) => (value.trim() ? value.trim() : undefined);

/**
 * Validates the draft and builds the entry (A §7 a: entity, telephone and e-mail, name and title if
 * any, working languages, in one UN language with an optional English translation). Phones are
 * normalised to E.164 with libphonenumber-js; anything wrong is reported per field.
 */
export function entryFromDraft(draft: OwnEntryDraft, base: PointOfContact): { entry?: PointOfContact; errors: DraftErrors } {
  const errors: DraftErrors = {};
  const phones: string[] = [];
  for (const raw of list(draft.phones)) {
    const parsed = parsePhoneNumberFromString(raw);
    if (parsed?.isValid()) phones.push(parsed.number);
    else errors.phones = 'phone';
  }
  if (!draft.entity.trim()) errors.entity = 'required';
  const english = optional(draft.englishEntity)
    ? {
        entity: draft.englishEntity.trim(),
        personName: optional(draft.englishPersonName),
        personTitle: optional(draft.englishPersonTitle),
      }
    : undefined;
  if (!english && (optional(draft.englishPersonName) || optional(draft.englishPersonTitle))) errors.englishEntity = 'required';
  const candidate = {
    ...base,
    role: draft.role,
    kind: draft.kind,
    language: draft.language,
    text: { ...base.text, entity: draft.entity.trim(), personName: optional(draft.personName), personTitle: optional(draft.personTitle) },
    english,
    phones,
    emails: list(draft.emails),
    workingLanguages: list(draft.workingLanguages).map((tag) => tag.toLowerCase()),
  };
  const parsed = PointOfContactSchema.safeParse(candidate);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const [top, second] = issue.path;
      const field: DraftField | undefined =
        top === 'emails' ? 'emails' : top === 'workingLanguages' ? 'workingLanguages' : top === 'phones' ? 'phones'
        : top === 'text' ? (second === 'personName' ? 'personName' : second === 'personTitle' ? 'personTitle' : 'entity')
        : top === 'english' ? 'englishEntity' : undefined;
      if (field && !errors[field]) errors[field] = field === 'emails' ? 'email' : field === 'workingLanguages' ? 'language' : 'invalid';
    }
    if (Object.keys(errors).length === 0) errors.entity = 'invalid';
  }
  if (candidate.emails.length === 0 && phones.length === 0 && !errors.phones) errors.emails = 'contact';
  return Object.keys(errors).length || !parsed.success ? { errors } : { entry: parsed.data, errors };
}
