import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  POC_KINDS,
  POC_ROLES,
  REGIONAL_DIRECTORIES,
  type PointOfContact,
} from '../../shared/directory/model';
import { UN_LANGUAGES } from '../../shared/i18n/languages';
import {
  draftFromEntry,
  entryFromDraft,
  ENTRY_TEXT_FIELDS,
  type DraftErrors,
  type DraftField,
  type EntryTextField,
  type OwnEntryDraft,
} from './ownEntryDraft';

interface Props {
  entry: PointOfContact;
  onSubmit: (entry: PointOfContact) => Promise<void>;
  onCancel: () => void;
}

const MULTILINE: ReadonlySet<EntryTextField> = new Set(['officeHours', 'notes']);
/** IANA zones the platform knows, for the time zone field's suggestions. */
const TIME_ZONES: readonly string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * The edit form of one own entry: every field of the entry, in its language and in the English
 * translation (A §7 a). It validates (text policy, phones, e-mails, languages, time zone) before
 * anything is queued, with the message on the field concerned.
 */
export function OwnEntryForm({ entry, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('sync');
  const { t: to } = useTranslation('ownEntry');
  const [draft, setDraft] = useState<OwnEntryDraft>(() => draftFromEntry(entry));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = entryFromDraft(draft, entry);
    setErrors(result.errors);
    if (!result.entry) {
      // Focus the first field in error, so a keyboard or screen-reader user lands on it.
      const first = Object.keys(result.errors)[0];
      if (first) document.getElementById(idOf(first as DraftField))?.focus();
      return;
    }
    setBusy(true);
    try {
      await onSubmit(result.entry);
    } finally {
      setBusy(false);
    }
  };

  const errorOf = (field: DraftField) => {
    const error = errors[field];
    return error ? (
      <span id={`${idOf(field)}-error`} className="field-error">
        {to(`invalid.${error.key}`, error.values)}
      </span>
    ) : null;
  };
  const aria = (field: DraftField) => ({
    id: idOf(field),
    'aria-invalid': errors[field] ? true : undefined,
    'aria-describedby': errors[field] ? `${idOf(field)}-error` : undefined,
  });

  const textInput = (block: 'text' | 'english', field: EntryTextField) => {
    const name: DraftField = `${block}.${field}`;
    const label = block === 'text' ? labelOfText(field, t, to) : labelOfEnglish(field, t, to);
    const value = draft[block][field];
    const lang = block === 'english' ? 'en' : draft.language;
    const onChange = (next: string) => setDraft((d) => ({ ...d, [block]: { ...d[block], [field]: next } }));
    return (
      <label key={name} htmlFor={idOf(name)}>
        {label}
        {MULTILINE.has(field) ? (
          <textarea
            {...aria(name)}
            rows={3}
            value={value}
            lang={lang}
            dir="auto"
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
          />
        ) : (
          <input
            {...aria(name)}
            type="text"
            value={value}
            lang={lang}
            dir="auto"
            autoComplete="off"
            onChange={(e) => onChange(e.target.value)}
          />
        )}
        {errorOf(name)}
      </label>
    );
  };

  const listInput = (field: 'phones' | 'emails' | 'workingLanguages', multiline: boolean) => (
    <label htmlFor={idOf(field)}>
      {t(`form.${field}`)}
      {multiline ? (
        <textarea
          {...aria(field)}
          rows={2}
          value={draft[field]}
          dir="ltr"
          autoComplete="off"
          onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        />
      ) : (
        <input
          {...aria(field)}
          type="text"
          value={draft[field]}
          dir="ltr"
          autoComplete="off"
          onChange={(e) => setDraft((d) => ({ ...d, [field]: e.target.value }))}
        />
      )}
      {errorOf(field)}
    </label>
  );

  const toggleRegional = (name: (typeof REGIONAL_DIRECTORIES)[number], on: boolean) =>
    setDraft((d) => ({
      ...d,
      regionalDirectories: on
        ? [...d.regionalDirectories, name]
        : d.regionalDirectories.filter((item) => item !== name),
    }));

  return (
    <form className="own-entry-form" onSubmit={(e) => void submit(e)} aria-label={t('form.title')} noValidate>
      <label htmlFor="own-role">
        {t('form.role')}
        <select
          id="own-role"
          value={draft.role}
          onChange={(e) =>
            setDraft((d) => ({ ...d, role: e.target.value === 'diplomatic' ? 'diplomatic' : 'technical' }))
          }
        >
          {POC_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`own.role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="own-kind">
        {t('form.kind')}
        <select
          id="own-kind"
          value={draft.kind}
          onChange={(e) =>
            setDraft((d) => ({
              ...d,
              kind: e.target.value === 'representative' ? 'representative' : 'entity',
            }))
          }
        >
          {POC_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`form.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="own-language">
        {t('form.language')}
        <select
          id="own-language"
          value={draft.language}
          onChange={(e) =>
            setDraft((d) => ({
              ...d,
              language: UN_LANGUAGES.find((l) => l === e.target.value) ?? d.language,
            }))
          }
        >
          {UN_LANGUAGES.map((lng) => (
            <option key={lng} value={lng} lang={lng}>
              {new Intl.DisplayNames([lng], { type: 'language' }).of(lng) ?? lng}
            </option>
          ))}
        </select>
      </label>
      <fieldset>
        <legend>{to('original')}</legend>
        {ENTRY_TEXT_FIELDS.map((field) => textInput('text', field))}
      </fieldset>
      {listInput('phones', true)}
      {listInput('emails', true)}
      {listInput('workingLanguages', false)}
      <label htmlFor={idOf('timeZone')}>
        {to('timeZone')}
        <input
          {...aria('timeZone')}
          type="text"
          list="own-time-zones"
          value={draft.timeZone}
          dir="ltr"
          autoComplete="off"
          onChange={(e) => setDraft((d) => ({ ...d, timeZone: e.target.value }))}
        />
        <datalist id="own-time-zones">
          {TIME_ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        {errorOf('timeZone')}
      </label>
      <fieldset>
        <legend>{to('regional')}</legend>
        {REGIONAL_DIRECTORIES.map((name) => (
          <label key={name} className="own-entry-check">
            <input
              type="checkbox"
              checked={draft.regionalDirectories.includes(name)}
              onChange={(e) => toggleRegional(name, e.target.checked)}
            />
            {to(`regionalNames.${name}`)}
          </label>
        ))}
      </fieldset>
      <fieldset>
        <legend>{t('form.english')}</legend>
        {ENTRY_TEXT_FIELDS.map((field) => textInput('english', field))}
      </fieldset>
      <div className="sync-actions">
        <button type="submit" disabled={busy}>
          {t('form.submit')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('form.cancel')}
        </button>
      </div>
      <p>{t('form.note')}</p>
    </form>
  );
}

function idOf(field: DraftField): string {
  return `own-${field.replace('.', '-')}`;
}

type Translate = (key: string) => string;

function labelOfText(field: EntryTextField, t: Translate, to: Translate): string {
  if (field === 'officeHours' || field === 'notes') return to(field);
  return t(`form.${field}`);
}

function labelOfEnglish(field: EntryTextField, t: Translate, to: Translate): string {
  if (field === 'officeHours' || field === 'notes') return to(`english.${field}`);
  return t(`form.english${field.charAt(0).toUpperCase()}${field.slice(1)}`);
}
