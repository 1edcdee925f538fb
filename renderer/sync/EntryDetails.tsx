import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ENTRY_FIELDS, entryFieldValues, type EntryField } from '../../shared/directory/entryFields';
import { fingerprintGroups } from '../../shared/directory/fingerprintGroups';
import type { PointOfContact } from '../../shared/directory/model';
import { stateName } from '../../shared/directory/stateNames';
import { formatList, languageNamer } from '../../shared/i18n/formats';
import { directionOf } from '../../shared/i18n/languages';
import './sync.css';

/** Fields every entry has (or whose absence is worth saying); the others appear only when given. */
const ALWAYS_SHOWN: ReadonlySet<EntryField> = new Set([
  'state',
  'role',
  'kind',
  'language',
  'text.entity',
  'phones',
  'emails',
  'workingLanguages',
  'fingerprint',
]);

/** The Directory screen's label of each entry field, in the UI language. */
export function useEntryFieldLabel(): (field: EntryField) => string {
  const { t } = useTranslation('sync');
  const { t: td } = useTranslation('directory');
  return (field) => {
    switch (field) {
      case 'state':
        return td('filters.state');
      case 'role':
        return td('filters.role');
      case 'kind':
        return t('form.kind');
      case 'language':
        return td('entry.writtenIn');
      case 'text.entity':
        return td('entry.entity');
      case 'text.personName':
        return td('entry.person');
      case 'text.personTitle':
        return td('entry.title');
      case 'text.officeHours':
        return td('entry.officeHours');
      case 'text.notes':
        return td('entry.notes');
      case 'timeZone':
        return t('fields.timeZone');
      case 'phones':
        return td('entry.phones');
      case 'emails':
        return td('entry.emails');
      case 'workingLanguages':
        return td('entry.workingLanguages');
      case 'fingerprint':
        return td('entry.fingerprint');
      case 'regionalDirectories':
        return td('entry.regional');
      case 'english.entity':
      case 'english.personName':
      case 'english.personTitle':
      case 'english.officeHours':
      case 'english.notes':
        return t(`fields.${field}`);
    }
  };
}

/**
 * A directory entry as a person reads it, with the Directory screen's labels: what a change to an
 * own entry says before it is signed again, or each side of a conflict. Every value is plain text.
 * `differing` marks the fields that differ from another version, in words as well as visually.
 */
export function EntryDetails({
  entry,
  differing,
}: {
  entry: PointOfContact;
  differing?: ReadonlySet<EntryField>;
}) {
  const { t } = useTranslation('sync');
  const { t: td, i18n } = useTranslation('directory');
  const label = useEntryFieldLabel();
  const ui = i18n.language;
  const languageName = languageNamer(ui);
  const original = { lang: entry.language, dir: directionOf(entry.language) };
  const english = { lang: 'en', dir: 'ltr' } as const;

  const values = (field: EntryField, given: readonly string[]): ReactNode[] => {
    switch (field) {
      case 'state':
        return given.map((code) => stateName(code, ui));
      case 'role':
        return [td(`role.${entry.role}`)];
      case 'kind':
        return [td(`kind.${entry.kind}`)];
      case 'language':
        return given.map(languageName);
      case 'workingLanguages':
        return [formatList(given.map(languageName), ui)];
      case 'regionalDirectories':
        return [formatList(given, ui)];
      case 'fingerprint':
        return given.map((fingerprint) => (
          <code className="entry-details-fingerprint" aria-label={td('entry.fingerprintAria')}>
            {fingerprintGroups(fingerprint).map((line, i) => (
              <span key={i} dir="ltr">
                {line.join(' ')}
              </span>
            ))}
          </code>
        ));
      case 'timeZone':
      case 'phones':
      case 'emails':
        return given.map((value) => <span dir="ltr">{value}</span>);
      default:
        return given.map((value) => (
          <span {...(field.startsWith('english.') ? english : original)}>{value}</span>
        ));
    }
  };

  return (
    <dl className="entry-details">
      {ENTRY_FIELDS.map((field) => {
        const given = entryFieldValues(entry, field);
        const differs = differing?.has(field) ?? false;
        if (given.length === 0 && !differs && !ALWAYS_SHOWN.has(field)) return null;
        const shown =
          given.length > 0
            ? values(field, given)
            : [field === 'fingerprint' ? td('entry.noKey') : t('details.notGiven')];
        return (
          <div key={field} className="entry-details-row" data-differs={differs || undefined}>
            <dt>
              {label(field)}
              {differs ? (
                <span className="entry-differs">
                  <span aria-hidden="true">≠ </span>
                  {t('details.differs')}
                </span>
              ) : null}
            </dt>
            {shown.map((value, i) => (
              <dd key={i}>{value}</dd>
            ))}
          </div>
        );
      })}
    </dl>
  );
}
