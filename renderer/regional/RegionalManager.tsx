import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegionalDirectoryRecord } from '../../shared/regional';
import { groupFingerprint } from '../../shared/openpgp/fingerprint';
import { useVaultSession } from '../vault/session';
import { ImportRegional } from './ImportRegional';
import { deleteRegionalDirectory, saveRegionalDirectory, useInvalidateRegional } from './store';

/** The imported regional directories: what they are, whether signed, in service or not; import and remove. */
export function RegionalManager({
  directories,
  onImported,
}: {
  directories: readonly RegionalDirectoryRecord[];
  onImported: (id: string) => void;
}) {
  const { t, i18n } = useTranslation('regional');
  const session = useVaultSession();
  const invalidate = useInvalidateRegional();
  const [importing, setImporting] = useState(directories.length === 0);
  const [confirming, setConfirming] = useState<string | null>(null);
  const date = (iso: string) =>
    new Date(iso).toLocaleString(i18n.language, {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: 'UTC',
    }) + ' UTC';

  const setOperational = async (directory: RegionalDirectoryRecord, operational: boolean) => {
    await saveRegionalDirectory(session, { ...directory, operational });
    invalidate();
  };
  const remove = async (id: string) => {
    await deleteRegionalDirectory(session, id);
    setConfirming(null);
    invalidate();
  };

  return (
    <section className="stack regional-manager" aria-labelledby="regional-manager-title">
      <h3 id="regional-manager-title">{t('manager.title')}</h3>
      <p className="hint">{t('manager.explain')}</p>
      {directories.length > 0 && (
        <ul className="stack">
          {directories.map((d) => (
            <li key={d.id} className="stack">
              <strong>{d.name}</strong>
              <span>
                {t('manager.summary', {
                  organisation: t(`organisation.${d.organisation}`),
                  n: d.entries.length,
                  members: d.memberStates.length,
                  date: date(d.importedAt),
                })}
              </span>
              <span>
                {d.manager
                  ? t('manager.signedBy', { fingerprint: groupFingerprint(d.manager.fingerprint) })
                  : t('manager.unsigned')}
              </span>
              <label className="check">
                <input
                  type="checkbox"
                  checked={d.operational}
                  onChange={(e) => void setOperational(d, e.target.checked)}
                />{' '}
                {t('manager.operational', { name: d.name })}
              </label>
              {confirming === d.id ? (
                <div className="row">
                  <span>{t('manager.confirmRemove', { name: d.name })}</span>
                  <button type="button" className="danger" onClick={() => void remove(d.id)}>
                    {t('manager.remove', { name: d.name })}
                  </button>
                  <button type="button" onClick={() => setConfirming(null)}>
                    {t('manager.keep')}
                  </button>
                </div>
              ) : (
                <div>
                  <button type="button" onClick={() => setConfirming(d.id)}>
                    {t('manager.removeAsk', { name: d.name })}
                  </button>
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      {importing ? (
        <ImportRegional
          directories={directories}
          onDone={(id) => {
            setImporting(false);
            onImported(id);
          }}
        />
      ) : (
        <div>
          <button type="button" className="primary" onClick={() => setImporting(true)}>
            {t('manager.import')}
          </button>
        </div>
      )}
    </section>
  );
}
