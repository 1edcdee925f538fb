import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { LocalTime } from '../components/LocalTime';
import { useVaultSession } from '../vault/session';
import { listMessages } from '../messaging/messageStore';
import { OutgoingDelivery } from '../outgoing/OutgoingDelivery';

export const MESSAGES_QUERY_KEY = ['vault', 'messages'] as const;

export function MessageHistory() {
  const { t } = useTranslation('messages');
  const session = useVaultSession();
  const messages = useQuery({ queryKey: MESSAGES_QUERY_KEY, queryFn: () => listMessages(session) });
  return (
    <section className="messages-card stack" aria-labelledby="history-title">
      <h3 id="history-title">{t('history.title')}</h3>
      {messages.data?.length === 0 && <p>{t('history.empty')}</p>}
      <ul className="message-list">
        {messages.data?.map((m) => (
          <li key={m.id}>
            <LocalTime at={m.at} /> · <span>{m.direction === 'in' ? t('history.in') : t('history.out')}</span>
            {m.verdict && (
              <span>
                {' '}
                · {t(`history.verdict.${m.verdict.kind}`)}
                {m.verdict.signerName ? ` (${m.verdict.signerName})` : ''}
              </span>
            )}
            <div className="message-preview">{m.subject ?? m.text.slice(0, 120)}</div>
            {m.direction === 'out' && <OutgoingDelivery messageId={m.id} />}
          </li>
        ))}
      </ul>
    </section>
  );
}
