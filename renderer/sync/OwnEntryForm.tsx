import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { POC_KINDS, POC_ROLES, type PointOfContact } from '../../shared/directory/model';
import { UN_LANGUAGES } from '../../shared/i18n/languages';
import { draftFromEntry, entryFromDraft, type DraftErrors, type DraftField, type OwnEntryDraft } from './ownEntryDraft';

interface Props {
  entry: PointOfContact;
  onSubmit: (entry: PointOfContact) => Promise<void>;
  onCancel: () => void;
}

const TEXT_FIELDS: { field: DraftField; multiline?: boolean; dir?: 'auto' }[] = [
  { field: 'entity', dir: 'auto' },
  { field: 'personName', dir: 'auto' },
  { field: 'personTitle', dir: 'auto' },
  { field: 'phones', multiline: true },
  { field: 'emails', multiline: true },
  { field: 'workingLanguages' },
];
const ENGLISH_FIELDS: DraftField[] = ['englishEntity', 'englishPersonName', 'englishPersonTitle'];

/** The edit form of one own entry; it validates before anything is queued. */
export function OwnEntryForm({ entry, onSubmit, onCancel }: Props) {
  const { t } = useTranslation('sync');
  const [draft, setDraft] = useState<OwnEntryDraft>(() => draftFromEntry(entry));
  const [errors, setErrors] = useState<DraftErrors>({});
  const [busy, setBusy] = useState(false);
  const set = (field: DraftField, value: string) => setDraft((d) => ({ ...d, [field]: value }));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const result = entryFromDraft(draft, entry);
    setErrors(result.errors);
    if (!result.entry) return;
    setBusy(true);
    try {
      await onSubmit(result.entry);
    } finally {
      setBusy(false);
    }
  };

  const input = (field: DraftField, multiline = false, dir?: 'auto') => {
    const id = `own-${field}`;
    const error = errors[field];
    const common = {
      id,
      value: draft[field],
      dir,
      'aria-invalid': error ? true : undefined,
      'aria-describedby': error ? `${id}-error` : undefined,
    };
    return (
      <label key={field} htmlFor={id}>
        {t(`form.${field}`)}
        {multiline ? (
          <textarea {...common} rows={2} onChange={(e) => set(field, e.target.value)} />
        ) : (
          <input {...common} type="text" onChange={(e) => set(field, e.target.value)} />
        )}
        {error ? (
          <span id={`${id}-error`} className="field-error">
            {t(`form.invalid.${error}`)}
          </span>
        ) : null}
      </label>
    );
  };

  return (
    <form className="own-entry-form" onSubmit={(e) => void submit(e)} aria-label={t('form.title')}>
      <label htmlFor="own-role">
        {t('form.role')}
        <select id="own-role" value={draft.role} onChange={(e) => set('role', e.target.value)}>
          {POC_ROLES.map((role) => (
            <option key={role} value={role}>
              {t(`own.role.${role}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="own-kind">
        {t('form.kind')}
        <select id="own-kind" value={draft.kind} onChange={(e) => set('kind', e.target.value)}>
          {POC_KINDS.map((kind) => (
            <option key={kind} value={kind}>
              {t(`form.kinds.${kind}`)}
            </option>
          ))}
        </select>
      </label>
      <label htmlFor="own-language">
        {t('form.language')}
        <select id="own-language" value={draft.language} onChange={(e) => set('language', e.target.value)}>
          {UN_LANGUAGES.map((lng) => (
            <option key={lng} value={lng}>
              {new Intl.DisplayNames([lng], { type: 'language' }).of(lng) ?? lng}
            </option>
          ))}
        </select>
      </label>
      {TEXT_FIELDS.map(({ field, multiline, dir }) => input(field, multiline, dir))}
      <fieldset>
        <legend>{t('form.english')}</legend>
        {ENGLISH_FIELDS.map((field) => input(field))}
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
