import { useQuery } from '@tanstack/react-query';
import { useEffect, useSyncExternalStore } from 'react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { CollectionName } from '../vault/collections';
import { useVaultSession } from '../vault/session';

const EMPTY: never[] = [];

/**
 * Says so when records of these collections could not be read (issue 9 §6: reported and kept apart,
 * as the cases area does, never silently dropped): how many, of what kind, and that they are kept
 * untouched (or, once something replaced them, as raw copies in quarantine) for a repair from a
 * backup (Settings → Vault). On mount it checks the collections' authentication once.
 */
export function DamagedRecordsNotice({ collections }: { collections: readonly CollectionName[] }) {
  const { t } = useTranslation('vault');
  const session = useVaultSession();
  const key = collections.join(',');
  const damaged = useSyncExternalStore(
    (listener) => session.damaged.subscribe(listener),
    () => snapshot(session.damaged.list(collections), key),
  );
  const quarantined = useQuery({
    queryKey: ['quarantined', damaged.length],
    queryFn: () => session.quarantinedCount(),
  });
  useEffect(() => {
    for (const name of key.split(',') as CollectionName[])
      void session
        .collection(name, z.unknown())
        .list()
        .catch(() => undefined);
  }, [session, key]);

  if (damaged.length === 0 && !quarantined.data) return null;
  const kinds = [...new Set(damaged.map((record) => record.collection))];
  return (
    <div className="warning" role="alert" aria-label={t('damaged.label')}>
      {damaged.length > 0 && (
        <p>
          {t('damaged.found', { number: damaged.length })}{' '}
          {kinds.map((kind) => t(`damaged.kind.${kind}`, { defaultValue: kind })).join(', ')}
        </p>
      )}
      {Boolean(quarantined.data) && <p>{t('damaged.quarantined', { number: quarantined.data })}</p>}
      <p className="hint">{t('damaged.action')}</p>
    </div>
  );
}

/** useSyncExternalStore needs the same array while nothing changed. */
const cache = new Map<string, { ids: string; list: readonly { collection: string; id: string }[] }>();
function snapshot(list: { collection: string; id: string }[], key: string) {
  if (list.length === 0) return EMPTY;
  const ids = list.map((r) => `${r.collection}/${r.id}`).join('|');
  const cached = cache.get(key);
  if (cached && cached.ids === ids) return cached.list;
  cache.set(key, { ids, list });
  return list;
}
