import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { deliveryState, lastHandover, type HandoverMethod } from '../../shared/outgoing/delivery';
import { useHost } from '../host/HostContext';
import { getMessage } from '../messaging/messageStore';
import { useVaultSession } from '../vault/session';
import { cancelOutgoing, handOver } from './pipeline';
import { DeliveryBadge } from './DeliveryBadge';

export const outgoingQueryKey = (id: string) => ['vault', 'messages', 'outgoing', id] as const;

const writeClipboard = (text: string) => navigator.clipboard.writeText(text);

/**
 * The hand-over step of the outgoing pipeline: the sealed message, its reference, its delivery
 * state, and the four ways to hand it over. Shown right after sealing and again from the case
 * timeline and the message list, as often as needed.
 */
export function HandOverPanel({ messageId, showText = true }: { messageId: string; showText?: boolean }) {
  const { t, i18n } = useTranslation('outgoing');
  const session = useVaultSession();
  const host = useHost();
  const client = useQueryClient();
  const textId = useId();
  const query = useQuery({
    queryKey: outgoingQueryKey(messageId),
    queryFn: () => getMessage(session, messageId).then((m) => m ?? null),
  });
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const message = query.data;
  if (query.isPending) return <p role="status">{t('loading')}</p>;
  if (!message?.armored) return <p role="alert">{t('notFound')}</p>;
  const state = deliveryState(message.delivery);
  const time = (iso: string) =>
    `${new Date(iso).toLocaleString(i18n.language, { timeZone: 'UTC', dateStyle: 'medium', timeStyle: 'short' })} UTC`;

  const refresh = async () => {
    await client.invalidateQueries({ queryKey: ['vault', 'messages'] });
    await client.invalidateQueries({ queryKey: ['vault', 'cases'] });
  };
  const run = async (method: HandoverMethod) => {
    setBusy(true);
    setNotice(null);
    try {
      const result = await handOver(session, host, messageId, method, writeClipboard);
      if (result.outcome === 'handed-over') setNotice({ kind: 'status', text: t(`done.${method}`) });
      else if (result.outcome === 'too-long') setNotice({ kind: 'alert', text: t('tooLongForMail') });
      else if (result.outcome === 'cancelled') setNotice({ kind: 'status', text: t('cancelledSave') });
      else setNotice({ kind: 'alert', text: t('notFound') });
    } catch {
      setNotice({ kind: 'alert', text: t(method === 'copy' ? 'copyFailed' : 'failed') });
    } finally {
      setBusy(false);
      await refresh();
    }
  };
  const withdraw = async () => {
    setNotice(null);
    if (await cancelOutgoing(session, messageId)) setNotice({ kind: 'status', text: t('withdrawn') });
    await refresh();
  };
  const last = lastHandover(message.delivery);
  const to = message.emails?.length ? message.emails.join(', ') : t('noAddress');

  return (
    <section className="handover-step stack" aria-label={t('title')}>
      <p>
        {t('reference')} <code dir="ltr">{message.id}</code>
      </p>
      <p>
        <DeliveryBadge state={state} />{' '}
        {last && t('lastHandover', { method: t(`method.${last.method}`), at: time(last.at) })}
        {message.delivery?.acknowledgedAt &&
          ` ${t('acknowledgedAt', { at: time(message.delivery.acknowledgedAt) })}`}
      </p>
      {state !== 'cancelled' && <p className="hint">{t('explain', { to })}</p>}
      {showText && (
        <div className="labelled-field">
          <label htmlFor={textId}>{t('armored')}</label>
          <textarea id={textId} readOnly rows={6} value={message.armored} dir="ltr" autoComplete="off" />
        </div>
      )}
      <div className="messages-actions" role="group" aria-label={t('actions')}>
        <button type="button" disabled={busy} onClick={() => void run('copy')}>
          {t('action.copy')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('asc')}>
          {t('action.asc')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('eml')}>
          {t('action.eml')}
        </button>
        <button type="button" disabled={busy} onClick={() => void run('mailto')}>
          {t('action.mailto')}
        </button>
        {state === 'prepared' && (
          <button type="button" disabled={busy} onClick={() => void withdraw()}>
            {t('action.withdraw')}
          </button>
        )}
      </div>
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
    </section>
  );
}
