import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  DEMO_DIRECTORY_SEED,
  generateDemoDirectory,
} from '../../shared/directory/demo/generateDemoDirectory';
import { navigate, type AreaProps } from '../navigation/navigation';
import { useVaultSession } from '../vault/session';
import { DirectoryBrowser } from './DirectoryBrowser';
import { EntryPage } from './EntryPage';
import { RepairFromBackup } from './RepairFromBackup';
import { putEntries } from './store';
import { useDirectory } from './useDirectory';
import { SourceFilteredDirectory } from '../regional/SourceFilteredDirectory';
import { useIsEnrolled } from '../enrolment/enrolmentRecord';
import './directory.css';

/** The empty-directory choice: enrol, or load the fictional demo directory (also offered on Home). */
export function LoadDemo({ openAfterLoad = false }: { openAfterLoad?: boolean }) {
  const { t } = useTranslation('directory');
  const session = useVaultSession();
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const load = () => {
    setBusy(true);
    setFailed(false);
    putEntries(session, generateDemoDirectory({ seed: DEMO_DIRECTORY_SEED }))
      .then(() => {
        if (openAfterLoad) navigate('directory');
      })
      .catch(() => setFailed(true))
      .finally(() => setBusy(false));
  };
  return (
    <div className="notice stack">
      <p>{t('empty.explain')}</p>
      <div className="row">
        <button type="button" className="primary" onClick={() => navigate('onboarding')}>
          {t('common:goToEnrolment')}
        </button>
        <button type="button" onClick={load} disabled={busy}>
          {busy ? t('loading') : t('empty.loadDemo')}
        </button>
      </div>
      {failed && (
        <p className="error" role="alert">
          {t('empty.failed')}
        </p>
      )}
    </div>
  );
}

export function DirectoryArea({ param }: AreaProps) {
  const { t } = useTranslation('directory');
  const directory = useDirectory();
  const enrolled = useIsEnrolled();

  if (directory.isPending) return <p role="status">{t('loading')}</p>;
  if (directory.isError) {
    return (
      <p className="error" role="alert">
        {t('loadFailed')}
      </p>
    );
  }
  const data = directory.data;
  if (param) {
    const entry = data.byId.get(param);
    if (entry) return <EntryPage entry={entry} />;
  }
  return (
    <section className="area stack" aria-labelledby="directory-title">
      <h2 id="directory-title">{t('title')}</h2>
      {param && (
        <p className="error" role="alert">
          {t('entry.notFound')}
        </p>
      )}
      {data.corrupted.length > 0 && (
        <div className="stack">
          <p className="error" role="alert">
            {t('corrupted', { count: data.corrupted.length })}
          </p>
          <RepairFromBackup />
        </div>
      )}
      {/* A try-out demo is never loaded into an enrolled vault: it would mix with the registry's entries. */}
      <SourceFilteredDirectory globalEntries={data.entries}>
        {data.entries.length === 0 ? (
          enrolled === false && <LoadDemo />
        ) : (
          <DirectoryBrowser directory={data} />
        )}
      </SourceFilteredDirectory>
    </section>
  );
}
