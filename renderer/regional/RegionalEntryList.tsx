import type { PointOfContact } from '../../shared/directory/model';
import { useDeferredValue, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { regionalView, type RegionalDirectoryRecord } from '../../shared/regional';
import { stateName } from '../../shared/directory/stateNames';
import { CrossDirectoryMatches } from './CrossDirectoryMatches';

const SHOWN = 100;

/** The entries of one regional directory, searchable; opening one shows its records elsewhere (A §12 b). */
export function RegionalEntryList({
  directory,
  globalEntries,
}: {
  directory: RegionalDirectoryRecord;
  globalEntries: readonly PointOfContact[] | undefined;
}) {
  const { t, i18n } = useTranslation('regional');
  const searchId = useId();
  const [query, setQuery] = useState('');
  const [open, setOpen] = useState<string | null>(null);
  const deferred = useDeferredValue(query);
  const results = useMemo(() => {
    const q = deferred.trim().toLowerCase();
    if (!q) return directory.entries;
    return directory.entries.filter((e) =>
      [e.state, e.entity, e.personName ?? '', ...e.emails, ...e.phones, e.fingerprint ?? ''].some((v) =>
        v.toLowerCase().includes(q),
      ),
    );
  }, [directory.entries, deferred]);
  return (
    <div className="stack">
      <div className="field directory-search">
        <label htmlFor={searchId}>{t('list.search', { name: directory.name })}</label>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      <p role="status">{t('list.count', { n: results.length, total: directory.entries.length })}</p>
      <ul className="regional-entries">
        {results.slice(0, SHOWN).map((entry) => {
          const expanded = open === entry.key;
          return (
            <li key={entry.key} className="stack">
              <button
                type="button"
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? null : entry.key)}
              >
                {stateName(entry.state, i18n.language)} · {t(`role.${entry.role}`)} · {entry.entity}
                {entry.personName ? ` · ${entry.personName}` : ''}
              </button>
              {expanded && (
                <CrossDirectoryMatches
                  record={regionalView(directory, entry)}
                  globalEntries={globalEntries}
                />
              )}
            </li>
          );
        })}
      </ul>
      {results.length > SHOWN && <p className="hint">{t('list.more', { n: results.length - SHOWN })}</p>}
    </div>
  );
}
