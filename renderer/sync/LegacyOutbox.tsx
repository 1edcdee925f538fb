import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/i18n/formats';
import type { LegacyOutboxItem, LegacyReview } from '../../shared/sync/legacyOutbox';
import { EntryDetails } from './EntryDetails';
import { SYNC_QUERY_KEY, useSyncController } from './useSync';

/** The entity an item names, read without trusting its shape (it is checked only on "Check"). */
function entityOf(item: LegacyOutboxItem): string {
  const entry = item.request.statement.entry;
  const text = typeof entry === 'object' && entry !== null && 'text' in entry ? entry.text : undefined;
  const entity = typeof text === 'object' && text !== null && 'entity' in text ? text.entity : undefined;
  return typeof entity === 'string' ? entity.slice(0, 200) : '';
}

/**
 * Outbox items signed under protocol v1 (shared/sync/legacyOutbox.ts): kept, never sent as they are.
 * "Check and send again" verifies the old signature, shows what the item says and, only when the
 * user confirms, signs it again in the current form with the user's key and queues it.
 */
export function LegacyOutbox() {
  const { t } = useTranslation('sync');
  const controller = useSyncController();
  const { data: items = [] } = useQuery({
    queryKey: [...SYNC_QUERY_KEY, 'legacyOutbox'],
    queryFn: () => controller.store.listLegacyOutbox(),
  });
  if (items.length === 0) return null;
  return (
    <section className="warning stack" aria-labelledby="legacy-outbox-title">
      <h3 id="legacy-outbox-title">{t('legacy.title')}</h3>
      <p>{t('legacy.explain')}</p>
      <ul className="sync-list">
        {items.map((item) => (
          <LegacyOutboxRow key={item.id} item={item} />
        ))}
      </ul>
    </section>
  );
}

function LegacyOutboxRow({ item }: { item: LegacyOutboxItem }) {
  const controller = useSyncController();
  const [review, setReview] = useState<LegacyReview | null>(null);
  const [busy, setBusy] = useState(false);
  const run = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
    } finally {
      setBusy(false);
    }
  };
  return (
    <LegacyItemView
      item={item}
      review={review}
      busy={busy}
      onCheck={() => void run(async () => setReview(await controller.reviewLegacy(item)))}
      onConfirm={() =>
        void run(async () => {
          const result = await controller.resignLegacy(item);
          // A refusal now (the item changed since it was shown) replaces the preview.
          setReview(result.ok ? null : result);
        })
      }
      onCancel={() => setReview(null)}
      onDiscard={() => void run(() => controller.discardLegacy(item))}
    />
  );
}

/**
 * One v1 item: before the check, only "Check and send again"; after a good check, what it says and
 * the confirmation; after a refused check, why, and no way to send it.
 */
export function LegacyItemView({
  item,
  review,
  busy,
  onCheck,
  onConfirm,
  onCancel,
  onDiscard,
}: {
  item: LegacyOutboxItem;
  review: LegacyReview | null;
  busy: boolean;
  onCheck: () => void;
  onConfirm: () => void;
  onCancel: () => void;
  onDiscard: () => void;
}) {
  const { t, i18n } = useTranslation('sync');
  return (
    <li>
      <p>
        <strong>{t('item.entry', { entity: entityOf(item) })}</strong> —{' '}
        {t('legacy.signedOn', { time: formatDateTime(item.createdAt, i18n.language) })}
      </p>
      {review === null ? (
        <div className="sync-actions">
          <button type="button" onClick={onCheck} disabled={busy}>
            {t('legacy.check')}
          </button>
        </div>
      ) : review.ok ? (
        <>
          <figure className="sync-review">
            <figcaption>{t('legacy.says')}</figcaption>
            <EntryDetails entry={review.entry} />
          </figure>
          <p>{t('legacy.confirmExplain', { revision: review.statement.baseRevision })}</p>
          <div className="sync-actions">
            <button type="button" className="primary" onClick={onConfirm} disabled={busy}>
              {t('legacy.confirm')}
            </button>
            <button type="button" onClick={onCancel} disabled={busy}>
              {t('legacy.cancel')}
            </button>
            <button type="button" onClick={onDiscard} disabled={busy}>
              {t('discard')}
            </button>
          </div>
        </>
      ) : (
        <>
          <p role="alert">{t(`legacy.refused.${review.reason}`)}</p>
          <div className="sync-actions">
            <button type="button" onClick={onDiscard} disabled={busy}>
              {t('discard')}
            </button>
          </div>
        </>
      )}
    </li>
  );
}
