import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/i18n/formats';
import type { OutboxItem } from '../../shared/sync/model';
import { DamagedRecordsNotice } from '../components/DamagedRecordsNotice';
import { navigate } from '../navigation/navigation';
import { ConflictVersions } from './ConflictVersions';
import { LegacyOutbox } from './LegacyOutbox';
import { OwnEntries } from './OwnEntries';
import { syncErrorText } from './syncErrors';
import { FeedFreshness, SyncByFile, SyncSettingsForm } from './SyncTools';
import { SYNC_QUERY_KEY, useSyncController, useSyncNow, useSyncStatus } from './useSync';
import './sync.css';

/** Registry sync status (last sync, outbox, progress, errors with next retry, "sync now") and own entries. */
export function SyncArea() {
  const { t, i18n } = useTranslation('sync');
  const when = (iso: string) => formatDateTime(iso, i18n.language);
  const { data: status } = useSyncStatus();
  const syncNow = useSyncNow();
  if (!status) return null;
  if (!status.enrolled) {
    return (
      <section className="area" aria-labelledby="sync-title">
        <h2 id="sync-title">{t('title')}</h2>
        <div className="notice stack">
          <p>{t('notEnrolled')}</p>
          <div>
            <button type="button" className="primary" onClick={() => navigate('onboarding')}>
              {t('common:goToEnrolment')}
            </button>
          </div>
        </div>
      </section>
    );
  }
  const { state, progress } = status;
  const percent =
    progress && progress.head > 0
      ? Math.min(100, Math.round((progress.lastSeq / progress.head) * 100))
      : null;
  return (
    <section className="area sync-status" aria-labelledby="sync-title">
      <h2 id="sync-title">{t('title')}</h2>
      <dl>
        <dt>{t('registry')}</dt>
        <dd>{state?.registryUrl}</dd>
        <dt>{t('lastSync')}</dt>
        <dd data-testid="last-sync">{state?.lastSyncAt ? when(state.lastSyncAt) : t('never')}</dd>
        <dt>{t('sequence')}</dt>
        <dd data-testid="last-seq">{state?.lastSeq}</dd>
        <dt>{t('outbox')}</dt>
        <dd data-testid="outbox-count">{t('outboxCount', { count: status.outboxWaiting })}</dd>
        {state?.mirrorUrl ? (
          <>
            <dt>{t('settings.mirror')}</dt>
            <dd>{state.mirrorUrl}</dd>
          </>
        ) : null}
      </dl>
      <FeedFreshness state={state} />
      {status.syncing ? (
        <p role="status">
          {t('syncing')}
          {percent !== null ? (
            <progress max={100} value={percent} aria-label={t('progress')}>
              {percent}%
            </progress>
          ) : null}
        </p>
      ) : null}
      {state?.lastError && !status.syncing ? (
        <div className="sync-error" role="alert">
          <p>{syncErrorText(t, state.lastError.code)}</p>
          {state.lastError.nextRetryAt ? (
            <p>{t('nextRetry', { time: when(state.lastError.nextRetryAt) })}</p>
          ) : null}
        </div>
      ) : null}
      <button type="button" onClick={() => syncNow.mutate()} disabled={status.syncing}>
        {t('syncNow')}
      </button>
      <OutboxList />
      {state ? <OwnEntries ownState={state.state} ownRole={state.role} rights={state.rights} /> : null}
      <SyncByFile />
      {state ? <SyncSettingsForm state={state} /> : null}
    </section>
  );
}

function OutboxList() {
  const { t } = useTranslation('sync');
  const controller = useSyncController();
  const { data: items = [] } = useQuery({
    queryKey: [...SYNC_QUERY_KEY, 'outbox'],
    queryFn: () => controller.store.listOutbox(),
  });
  // Damaged outbox items are never dropped silently: they are reported here (own-entry edits and
  // withdrawals) as in Pings (ping answers), copied to quarantine first. Items signed under protocol
  // v1 are readable, not damaged: they wait here for the user to check them and sign them again.
  if (items.length === 0)
    return (
      <>
        <DamagedRecordsNotice collections={['outbox']} />
        <LegacyOutbox />
      </>
    );
  return (
    <section className="sync-section" aria-labelledby="outbox-title">
      <DamagedRecordsNotice collections={['outbox']} />
      <LegacyOutbox />
      <h3 id="outbox-title">{t('outboxTitle')}</h3>
      <ul className="sync-list">
        {items.map((item) => (
          <OutboxRow key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function OutboxRow({ item }: { item: OutboxItem }) {
  const { t } = useTranslation('sync');
  const { t: to } = useTranslation('ownEntry');
  const controller = useSyncController();
  const label =
    item.kind === 'entry-update'
      ? t('item.entry', { entity: item.request.statement.entry.text.entity })
      : item.kind === 'entry-withdraw'
        ? to('withdraw.item')
        : t('item.ping');
  return (
    <li>
      <p>
        <strong>{label}</strong> — {t(`itemStatus.${item.status}`)}
        {item.status === 'waiting' && item.attempts > 0
          ? ` (${t('attempts', { count: item.attempts })})`
          : ''}
      </p>
      {item.lastError && item.status !== 'conflict' ? (
        <p>{syncErrorText(t, item.lastError.code, item.lastError.detail)}</p>
      ) : null}
      {item.kind === 'entry-update' && item.status === 'conflict' && item.theirs ? (
        <>
          <ConflictVersions mine={item.request.statement.entry} theirs={item.theirs} />
          <div className="sync-actions">
            <button type="button" onClick={() => void controller.resolve(item, 'mine')}>
              {t('conflict.keepMine')}
            </button>
            <button type="button" onClick={() => void controller.resolve(item, 'theirs')}>
              {t('conflict.keepTheirs')}
            </button>
          </div>
        </>
      ) : null}
      {item.status === 'rejected' ? (
        <div className="sync-actions">
          <button type="button" onClick={() => void controller.resolve(item, 'theirs')}>
            {t('discard')}
          </button>
        </div>
      ) : null}
    </li>
  );
}
