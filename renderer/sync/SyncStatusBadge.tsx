import { useTranslation } from 'react-i18next';
import { formatTime } from '../../shared/i18n/formats';
import type { SyncStatus } from './syncController';
import { useSyncStatus } from './useSync';
import { FeedFreshness } from './SyncTools';
import './sync.css';

/** The header's one-line sync state: "online" means the registry answered, not navigator.onLine. */
export function SyncStatusBadge() {
  const { data: status } = useSyncStatus();
  if (!status?.enrolled) return null;
  return <SyncStatusBadgeView status={status} />;
}

export function SyncStatusBadgeView({ status }: { status: SyncStatus }) {
  const { t, i18n } = useTranslation('sync');
  const { state } = status;
  let tone = 'ok';
  let text: string;
  if (status.syncing) {
    tone = 'busy';
    text = t('badge.syncing');
  } else if (state?.lastError) {
    tone = state.lastError.code === 'offline' || state.lastError.code === 'timeout' ? 'warn' : 'error';
    text = state.lastError.code === 'offline' ? t('badge.offline') : t('badge.error');
  } else if (state?.lastSyncAt) {
    text = t('badge.synced', { time: formatTime(state.lastSyncAt, i18n.language) });
  } else {
    text = t('badge.never');
  }
  const waiting = status.outboxWaiting + status.conflicts;
  return (
    <>
      <span className="sync-badge" role="status" aria-label={t('badge.label')} data-tone={tone}>
        {text}
        {waiting > 0 ? ` · ${t('badge.waiting', { count: waiting })}` : ''}
      </span>
      <FeedFreshness state={state} compact />
      {/* The OS notification of a ping cannot open a screen by itself (host contract), so the header
          always offers the way there while a ping waits for confirmation (A §8, 48 hours). */}
      {status.pingsToConfirm > 0 ? (
        <a className="sync-badge-pings" href="#/pings">
          {t('badge.pings', { count: status.pingsToConfirm })}
        </a>
      ) : null}
      {/* Changes signed under protocol v1 are never sent until the user checks them in Sync: a user
          who never opens Sync must still learn that they wait. */}
      {status.legacyToCheck > 0 ? (
        <a className="sync-badge-check" href="#/sync">
          {t('badge.toCheck', { count: status.legacyToCheck })}
        </a>
      ) : null}
    </>
  );
}
