/**
 * <PocPicker>: choose one or more points of contact from the offline directory (search + list).
 *
 * Props:
 *   value: string[]                    ids of the chosen entries (controlled)
 *   onChange(ids: string[]): void      called with the new selection
 *   multiple?: boolean                 default true; false = choosing one replaces the previous choice
 *   filter?: (entry) => boolean        restrict the choice (e.g. entry => !!entry.openpgp, or one role)
 *   label?: string                     accessible name of the search box (default: "Find a point of contact")
 *   limit?: number                     how many matches to list (default 20)
 *
 * Must render inside the unlocked vault (it reads the directory with useDirectory()). Accessible:
 * the search box is a labelled input, each match is a labelled checkbox (radio when multiple=false),
 * each chosen POC has a "Remove …" button.
 */
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointOfContact } from '../../shared/directory/model';
import { searchEntries } from '../../shared/directory/loadedDirectory';
import { entrySummary } from './entryLabels';
import { useDirectory } from './useDirectory';
import './directory.css';

export interface PocPickerProps {
  value: string[];
  onChange: (ids: string[]) => void;
  multiple?: boolean;
  filter?: (entry: PointOfContact) => boolean;
  label?: string;
  limit?: number;
}

export function PocPicker({ value, onChange, multiple = true, filter, label, limit = 20 }: PocPickerProps) {
  const { t, i18n } = useTranslation('directory');
  const directory = useDirectory();
  const [query, setQuery] = useState('');
  const searchId = useId();
  const groupName = useId();

  const matches = useMemo(() => {
    if (!directory.data || !query.trim()) return [];
    return searchEntries(directory.data, query, 500)
      .filter((entry) => !filter || filter(entry))
      .slice(0, limit);
  }, [directory.data, query, filter, limit]);

  const chosen = value.map((id) => ({ id, entry: directory.data?.byId.get(id) }));
  const toggle = (id: string, on: boolean) => {
    if (!multiple) return onChange(on ? [id] : []);
    onChange(on ? [...value.filter((v) => v !== id), id] : value.filter((v) => v !== id));
  };

  return (
    <div className="poc-picker stack">
      <div className="field">
        <label htmlFor={searchId}>{label ?? t('picker.search')}</label>
        <input
          id={searchId}
          type="search"
          autoComplete="off"
          value={query}
          onChange={(e) => setQuery(e.target.value)}
        />
      </div>
      {directory.isPending && <p role="status">{t('loading')}</p>}
      {directory.data && query.trim() && (
        <fieldset className="poc-picker-matches">
          <legend>{t('picker.matches', { count: matches.length })}</legend>
          {matches.length === 0 && <p>{t('search.none')}</p>}
          {matches.map((entry) => {
            const text = entrySummary(entry, i18n.language);
            return (
              <label key={entry.id} className="poc-picker-option">
                <input
                  type={multiple ? 'checkbox' : 'radio'}
                  name={groupName}
                  checked={value.includes(entry.id)}
                  onChange={(e) => toggle(entry.id, e.target.checked)}
                />
                <span>
                  <bdi>{text}</bdi> <span className="badge">{t(`role.${entry.role}`)}</span>
                </span>
              </label>
            );
          })}
        </fieldset>
      )}
      {chosen.length > 0 && (
        <ul className="poc-picker-chosen" aria-label={t('picker.chosen')}>
          {chosen.map(({ id, entry }) => {
            const text = entry ? entrySummary(entry, i18n.language) : t('picker.unknown');
            return (
              <li key={id}>
                <bdi>{text}</bdi>
                <button
                  type="button"
                  aria-label={t('picker.remove', { name: text })}
                  onClick={() => toggle(id, false)}
                >
                  ×
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
