import type { PointOfContact } from '../../shared/directory/model';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { RegionalEntryList } from './RegionalEntryList';
import { RegionalManager } from './RegionalManager';
import { useRegionalDirectories } from './store';
import './regional.css';

/**
 * The directory screen's source filter (A §12): the global directory (the usual browser, passed in as
 * `children`) or one imported regional directory, plus managing regional directories. Regional data
 * stays on this device; the registry never sees it.
 */
export function SourceFilteredDirectory({
  children,
  globalEntries,
}: {
  children: ReactNode;
  /** The global directory, passed in by the directory screen, for A §12 b matching. */
  globalEntries: readonly PointOfContact[] | undefined;
}) {
  const { t } = useTranslation('regional');
  const regional = useRegionalDirectories();
  const sourceId = useId();
  const [source, setSource] = useState('global');
  const [managing, setManaging] = useState(false);
  const directories = regional.data?.directories ?? [];
  const chosen = directories.find((d) => `regional:${d.id}` === source);

  return (
    <div className="stack">
      <div className="row regional-source">
        <div className="field">
          <label htmlFor={sourceId}>{t('source.label')}</label>
          <select
            id={sourceId}
            value={chosen ? source : 'global'}
            onChange={(e) => setSource(e.target.value)}
          >
            <option value="global">{t('source.global')}</option>
            {directories.map((d) => (
              <option key={d.id} value={`regional:${d.id}`}>
                {t('source.regional', { name: d.name, n: d.entries.length })}
              </option>
            ))}
          </select>
        </div>
        <button type="button" aria-expanded={managing} onClick={() => setManaging(!managing)}>
          {t('manager.toggle')}
        </button>
      </div>
      {regional.data && regional.data.corrupted.length > 0 && (
        <p className="error" role="alert">
          {t('errors.corrupted', { n: regional.data.corrupted.length })}
        </p>
      )}
      {managing && (
        <RegionalManager
          directories={directories}
          onImported={(id) => {
            setSource(`regional:${id}`);
            setManaging(false);
          }}
        />
      )}
      {chosen ? <RegionalEntryList directory={chosen} globalEntries={globalEntries} /> : children}
    </div>
  );
}
