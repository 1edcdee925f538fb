import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PointOfContact } from '../../shared/directory/model';
import { useSyncController } from './useSync';

/**
 * "Withdraw this entry": asked for, confirmed, then signed and queued in the outbox (it waits there
 * offline like any other change). Offered only on entries of the own State and the own role; the
 * registry checks both again (registry/routes/withdrawRoutes.ts).
 */
export function WithdrawEntry({ entry, pending }: { entry: PointOfContact; pending: boolean }) {
  const { t } = useTranslation('ownEntry');
  const controller = useSyncController();
  const reasonId = useId();
  const [asking, setAsking] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  if (pending) return <p role="status">{t('withdraw.pending')}</p>;
  if (!asking) {
    return (
      <button
        type="button"
        onClick={() => setAsking(true)}
        aria-label={t('withdraw.askNamed', { entity: entry.text.entity })}
      >
        {t('withdraw.ask')}
      </button>
    );
  }
  const confirm = async () => {
    setBusy(true);
    setFailed(false);
    try {
      await controller.queueEntryWithdraw(entry, reason);
      setAsking(false);
    } catch {
      setFailed(true);
    } finally {
      setBusy(false);
    }
  };
  return (
    <div
      className="notice stack"
      role="group"
      aria-label={t('withdraw.confirmTitle', { entity: entry.text.entity })}
    >
      <p>{t('withdraw.explain')}</p>
      <label htmlFor={reasonId}>{t('withdraw.reason')}</label>
      <textarea
        id={reasonId}
        rows={2}
        value={reason}
        maxLength={500}
        dir="auto"
        autoComplete="off"
        onChange={(e) => setReason(e.target.value)}
      />
      {failed ? (
        <p role="alert" className="error">
          {t('withdraw.failed')}
        </p>
      ) : null}
      <div className="sync-actions">
        <button type="button" className="danger" disabled={busy} onClick={() => void confirm()}>
          {t('withdraw.confirm')}
        </button>
        <button type="button" onClick={() => setAsking(false)}>
          {t('withdraw.cancel')}
        </button>
      </div>
    </div>
  );
}
