import { useTranslation } from 'react-i18next';
import { formatDateTime, formatNumber, utcTitle } from '../../shared/i18n/formats';
import { useDirectory } from '../directory/useDirectory';
import { useSyncNow, useSyncStatus } from '../sync/useSync';

/**
 * The first full sync: the signed directory (checked against the registry key pinned at enrolment)
 * and whatever the publication step queued. Done when a sync has completed since enrolment.
 */
export function FirstSyncStep({ onFinish }: { onFinish: () => void }) {
  const { t, i18n } = useTranslation('firstrun');
  const { data: status } = useSyncStatus();
  const syncNow = useSyncNow();
  const directory = useDirectory();
  const lastSyncAt = status?.state?.lastSyncAt;
  const syncing = status?.syncing === true || syncNow.isPending;
  const entries = directory.data?.entries.length ?? 0;

  return (
    <section className="stack" aria-labelledby="first-sync-step-title">
      <h3 id="first-sync-step-title">{t('firstSync.title')}</h3>
      <p>{t('firstSync.explain')}</p>
      <div>
        <button type="button" disabled={syncing} onClick={() => syncNow.mutate()}>
          {syncing ? t('firstSync.syncing') : t('firstSync.syncNow')}
        </button>
      </div>
      <p role="status" aria-live="polite">
        {lastSyncAt ? (
          <>
            {t('firstSync.synced', { count: entries, number: formatNumber(entries, i18n.language) })}{' '}
            <time dateTime={lastSyncAt} title={utcTitle(lastSyncAt, i18n.language)}>
              {formatDateTime(lastSyncAt, i18n.language)}
            </time>
          </>
        ) : syncing ? (
          t('firstSync.syncing')
        ) : (
          t('firstSync.notYet')
        )}
      </p>
      {status && status.outboxWaiting > 0 ? (
        <p>{t('firstSync.waiting', { count: status.outboxWaiting })}</p>
      ) : null}
      <div>
        <button type="button" className="primary" disabled={!lastSyncAt} onClick={onFinish}>
          {t('firstSync.finish')}
        </button>
      </div>
    </section>
  );
}
