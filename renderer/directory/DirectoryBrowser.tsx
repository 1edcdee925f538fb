import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LoadedDirectory } from '../../shared/directory/loadedDirectory';
import { searchEntries } from '../../shared/directory/loadedDirectory';
import { POC_ROLES, type PointOfContact } from '../../shared/directory/model';
import { stateName, stateRanks } from '../../shared/directory/stateNames';
import { DIRECTORY_STATES, REGIONAL_GROUPS, findState } from '../../shared/directory/states';
import { isPingStale } from '../../shared/directory/staleness';
import { navigate } from '../navigation/navigation';
import { useOwnEnrolment } from '../enrolment/enrolmentRecord';
import { shownText } from './entryLabels';

const SHOWN = 100;

/** Browse by regional group, State and role, with type-ahead search over everything. */
export function DirectoryBrowser({ directory }: { directory: LoadedDirectory }) {
  const { t, i18n } = useTranslation('directory');
  const own = useOwnEnrolment();
  const ids = { search: useId(), group: useId(), state: useId(), role: useId() };
  const [query, setQuery] = useState('');
  const [group, setGroup] = useState('');
  const [state, setState] = useState('');
  const [role, setRole] = useState('');
  const deferredQuery = useDeferredValue(query);

  const ranks = stateRanks(i18n.language);
  const states = useMemo(
    () =>
      DIRECTORY_STATES.filter((s) => !group || s.group === group)
        .map((s) => s.code)
        .sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0)),
    [group, ranks],
  );

  // Browsing order: State by its name in the UI language, then role. Sorted once per directory
  // change and language, comparing precomputed ranks (issue 14: 10,000 entries sort in milliseconds).
  const browsed = useMemo(() => {
    const rank = (entry: PointOfContact) => ranks.get(entry.state) ?? ranks.size;
    return [...directory.entries].sort(
      (a, b) => rank(a) - rank(b) || (a.role < b.role ? -1 : a.role > b.role ? 1 : 0),
    );
  }, [directory, ranks]);

  const results = useMemo(() => {
    const base: readonly PointOfContact[] = deferredQuery.trim()
      ? searchEntries(directory, deferredQuery, directory.entries.length)
      : browsed;
    return base.filter(
      (entry) =>
        (!group || findState(entry.state)?.group === group) &&
        (!state || entry.state === state) &&
        (!role || entry.role === role),
    );
  }, [directory, browsed, deferredQuery, group, state, role]);

  return (
    <div className="stack">
      <div className="directory-filters">
        <div className="field directory-search">
          <label htmlFor={ids.search}>{t('search.label')}</label>
          <input
            id={ids.search}
            type="search"
            autoComplete="off"
            placeholder={t('search.placeholder')}
            value={query}
            onChange={(e) => setQuery(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.group}>{t('filters.group')}</label>
          <select
            id={ids.group}
            value={group}
            onChange={(e) => {
              setGroup(e.target.value);
              setState('');
            }}
          >
            <option value="">{t('filters.all')}</option>
            {REGIONAL_GROUPS.map((g) => (
              <option key={g} value={g}>
                {t(`group.${g}`)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.state}>{t('filters.state')}</label>
          <select id={ids.state} value={state} onChange={(e) => setState(e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {states.map((code) => (
              <option key={code} value={code}>
                {stateName(code, i18n.language)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.role}>{t('filters.role')}</label>
          <select id={ids.role} value={role} onChange={(e) => setRole(e.target.value)}>
            <option value="">{t('filters.all')}</option>
            {POC_ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`role.${r}`)}
              </option>
            ))}
          </select>
        </div>
      </div>
      <p role="status" aria-live="polite">
        {results.length === 0 ? t('search.none') : t('search.count', { count: results.length })}
      </p>
      <ul className="directory-results" aria-label={t('search.results')}>
        {results.slice(0, SHOWN).map((entry) => {
          const { text, lang, dir } = shownText(entry, false);
          return (
            <li key={entry.id}>
              <a
                href={`#/directory/${encodeURIComponent(entry.id)}`}
                onClick={(e) => {
                  e.preventDefault();
                  navigate('directory', entry.id);
                }}
              >
                <span className="entry-state">{stateName(entry.state, i18n.language)}</span>
                <span lang={lang} dir={dir} className="entry-entity">
                  {text.personName ? `${text.personName} — ` : ''}
                  {text.entity}
                </span>
                {entry.english && lang !== 'en' && (
                  <span lang="en" dir="ltr" className="entry-english">
                    {entry.english.entity}
                  </span>
                )}
              </a>
              <span className="badge">{t(`role.${entry.role}`)}</span>
              {isPingStale(entry, undefined, own) && (
                <span className="badge warn">{t('entry.staleShort')}</span>
              )}
            </li>
          );
        })}
      </ul>
      {results.length > SHOWN && (
        <p className="hint">{t('search.more', { shown: SHOWN, count: results.length })}</p>
      )}
    </div>
  );
}
