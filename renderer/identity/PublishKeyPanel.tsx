import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName } from '../../shared/directory/stateNames';
import { formatDate } from '../../shared/i18n/formats';
import { entryDisplayName } from '../components/entryNames';
import { SYNC_QUERY_KEY, useSyncController } from '../sync/useSync';
import { useVaultSession } from '../vault/session';
import { navigate } from '../navigation/navigation';
import { publishOwnKey } from './ownEntryKey';
import { useOwnKeyPublication } from './useOwnIdentity';
import type { OwnIdentity } from '../messaging/ownIdentity';

/** "Publish my key in my directory entry": queued → published once the registry's feed carries it. */
export function PublishKeyPanel({ identity }: { identity: OwnIdentity }) {
  const { t, i18n } = useTranslation('identity');
  const session = useVaultSession();
  const controller = useSyncController();
  const client = useQueryClient();
  const [chosen, setChosen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);
  const publication = useOwnKeyPublication(identity);
  const data = publication.data;

  const publish = async (entryId: string) => {
    if (!data) return;
    const offered =
      data.kind === 'ready' || data.kind === 'rejected'
        ? data.entries
        : data.kind === 'outdated'
          ? [data.entry]
          : [];
    const entry = offered.find((e) => e.id === entryId);
    if (!entry) return;
    setBusy(true);
    setFailed(false);
    try {
      await publishOwnKey(session, identity, entry);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
      void client.invalidateQueries({ queryKey: [...SYNC_QUERY_KEY, 'ownKeyPublication'] });
    }
  };

  if (!data) return null;
  return (
    <section className="identity-card stack" aria-labelledby="publish-key-title">
      <h3 id="publish-key-title">{t('publish.title')}</h3>
      <p>{t('publish.explain')}</p>
      {data.kind === 'not-enrolled' && (
        <div>
          <p>{t('publish.notEnrolled')}</p>
          <button type="button" onClick={() => navigate('onboarding')}>
            {t('publish.goToEnrolment')}
          </button>
        </div>
      )}
      {data.kind === 'other-key' && (
        <p role="alert">
          {t('publish.otherKey', {
            state: stateName(data.state, i18n.language),
            role: t(`publish.role.${data.role}`),
          })}
        </p>
      )}
      {data.kind === 'no-entry' && (
        <div>
          <p role="status">
            {t('publish.noEntry', {
              state: stateName(data.state, i18n.language),
              role: t(`publish.role.${data.role}`),
            })}
          </p>
          <button type="button" onClick={() => void controller.syncNow({ force: true })}>
            {t('publish.syncNow')}
          </button>
        </div>
      )}
      {(data.kind === 'ready' || data.kind === 'rejected') && (
        <div className="stack">
          {data.kind === 'rejected' && <p role="alert">{t('publish.rejected')}</p>}
          {data.entries.length > 1 && (
            <label>
              {t('publish.entry')}
              <select value={chosen ?? data.entries[0]?.id ?? ''} onChange={(e) => setChosen(e.target.value)}>
                {data.entries.map((entry) => (
                  <option key={entry.id} value={entry.id}>
                    {entryDisplayName(entry)}
                  </option>
                ))}
              </select>
            </label>
          )}
          {data.entries.length === 1 && data.entries[0] && (
            <p>{t('publish.entryIs', { name: entryDisplayName(data.entries[0]) })}</p>
          )}
          <div>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void publish(chosen ?? data.entries[0]?.id ?? '')}
            >
              {t('publish.action')}
            </button>
          </div>
        </div>
      )}
      {data.kind === 'outdated' && (
        <div className="stack">
          <p role="alert" data-testid="key-publication">
            {data.directoryExpiresAt
              ? t('publish.outdated', {
                  name: entryDisplayName(data.entry),
                  date: formatDate(data.directoryExpiresAt, i18n.language),
                })
              : t('publish.outdatedNoDate', { name: entryDisplayName(data.entry) })}
          </p>
          <div>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void publish(data.entry.id)}
            >
              {t('publish.actionRenewed')}
            </button>
          </div>
        </div>
      )}
      {data.kind === 'queued' && (
        <p role="status" data-testid="key-publication">
          {data.conflict
            ? t('publish.conflict')
            : t('publish.queued', { name: entryDisplayName(data.entry) })}
        </p>
      )}
      {data.kind === 'published' && (
        <p role="status" data-testid="key-publication">
          {t('publish.published', { name: entryDisplayName(data.entry) })}
        </p>
      )}
      {failed && <p role="alert">{t('publish.failed')}</p>}
    </section>
  );
}
