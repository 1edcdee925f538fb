import { useQuery } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/i18n/formats';
import { LocalTime } from '../components/LocalTime';
import { SYNC_QUERY_KEY, useSyncController, useSyncStatus } from '../sync/useSync';
import type { PingRecord } from '../sync/vaultSyncStore';
import { DamagedRecordsNotice } from '../components/DamagedRecordsNotice';
import './pings.css';

/**
 * Ping tests, A §8: « Le gestionnaire du répertoire doit effectuer des tests « ping » tous les six
 * mois … les interlocuteurs … devront répondre dans un délai de 48 heures et confirmer par message
 * qu'ils ont bien reçu la demande du gestionnaire. » Pending pings count down the 48 hours; one click
 * queues a signed acknowledgement, sent now or when the registry answers again.
 */
export function PingsArea() {
  const { t } = useTranslation('pings');
  const controller = useSyncController();
  const { data: status } = useSyncStatus();
  const { data } = useQuery({
    queryKey: [...SYNC_QUERY_KEY, 'pings'],
    queryFn: async () => {
      const [pings, outbox] = await Promise.all([
        controller.store.listPings(),
        controller.store.listOutbox(),
      ]);
      const queued = new Map(
        outbox.flatMap((i) =>
          i.kind === 'ping-ack'
            ? [[i.request.statement.pingId, i.request.statement.acknowledgedAt] as const]
            : [],
        ),
      );
      return { pings, queued };
    },
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 30_000);
    return () => clearInterval(timer);
  }, []);

  if (status && !status.enrolled) {
    return (
      <section className="area" aria-labelledby="pings-title">
        <h2 id="pings-title">{t('title')}</h2>
        <p className="notice">{t('notEnrolled')}</p>
      </section>
    );
  }
  const pings = data?.pings ?? [];
  const pending = pings.filter((p) => !p.answeredAt);
  const answered = pings.filter((p) => p.answeredAt);

  return (
    <section className="area" aria-labelledby="pings-title">
      <h2 id="pings-title">{t('title')}</h2>
      <DamagedRecordsNotice collections={['pings', 'outbox']} />
      <p>{t('intro')}</p>
      <h3>{t('pending')}</h3>
      {pending.length === 0 ? <p>{t('nonePending')}</p> : null}
      <ul className="ping-list">
        {pending.map((ping) => (
          <PendingPing
            key={ping.id}
            ping={ping}
            now={now}
            queuedAt={data?.queued.get(ping.id)}
            onConfirm={() => controller.queuePingAck(ping.id)}
          />
        ))}
      </ul>
      <h3>{t('history')}</h3>
      {answered.length === 0 ? (
        <p>{t('noHistory')}</p>
      ) : (
        <table className="ping-history">
          <thead>
            <tr>
              <th scope="col">{t('sentAt')}</th>
              <th scope="col">{t('answeredAt')}</th>
              <th scope="col">{t('responseTime')}</th>
              <th scope="col">{t('result')}</th>
            </tr>
          </thead>
          <tbody>
            {answered.map((ping) => (
              <tr key={ping.id}>
                <td>
                  <LocalTime at={ping.sentAt} />
                </td>
                <td>{ping.answeredAt ? <LocalTime at={ping.answeredAt} /> : ''}</td>
                <td>
                  {ping.answeredAt ? duration(t, Date.parse(ping.answeredAt) - Date.parse(ping.sentAt)) : ''}
                </td>
                <td>{ping.late ? t('late') : t('inTime')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function duration(t: (key: string, options: Record<string, number>) => string, ms: number): string {
  const minutes = Math.max(0, Math.round(ms / 60_000));
  return t('duration', { hours: Math.floor(minutes / 60), minutes: minutes % 60 });
}

function PendingPing({
  ping,
  now,
  queuedAt,
  onConfirm,
}: {
  ping: PingRecord;
  now: number;
  queuedAt: string | undefined;
  onConfirm: () => Promise<void>;
}) {
  const { t, i18n } = useTranslation('pings');
  const [busy, setBusy] = useState(false);
  const left = Date.parse(ping.deadline) - now;
  const urgent = left < 12 * 3600_000;
  return (
    <li>
      <p>{t('received', { time: formatDateTime(ping.sentAt, i18n.language) })}</p>
      <p className="ping-countdown" data-urgent={urgent} role="timer" aria-label={t('countdownLabel')}>
        {left > 0 ? duration(t, left) : t('overdue')}
      </p>
      {queuedAt ? (
        <p role="status">{t('queued', { time: formatDateTime(queuedAt, i18n.language) })}</p>
      ) : (
        <button
          type="button"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void onConfirm().finally(() => setBusy(false));
          }}
        >
          {t('confirm')}
        </button>
      )}
    </li>
  );
}
