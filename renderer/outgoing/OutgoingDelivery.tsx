import { useTranslation } from 'react-i18next';
import { useQuery } from '@tanstack/react-query';
import { deliveryState } from '../../shared/outgoing/delivery';
import { getMessage } from '../messaging/messageStore';
import { useVaultSession } from '../vault/session';
import { DeliveryBadge } from './DeliveryBadge';
import { HandOverPanel, outgoingQueryKey } from './HandOverPanel';

/**
 * On a case timeline or in the message list: the delivery state of one sealed outgoing message and
 * the hand-over step, to hand it over (again) later. Nothing for a message that was never sealed.
 */
export function OutgoingDelivery({ messageId }: { messageId: string }) {
  const { t } = useTranslation('outgoing');
  const session = useVaultSession();
  const query = useQuery({
    queryKey: outgoingQueryKey(messageId),
    queryFn: () => getMessage(session, messageId).then((m) => m ?? null),
  });
  const message = query.data;
  if (!message?.armored || message.direction !== 'out') return null;
  return (
    <div className="outgoing-delivery">
      <DeliveryBadge state={deliveryState(message.delivery)} />
      <details>
        <summary>{t('handOverLater')}</summary>
        <HandOverPanel messageId={messageId} showText={false} />
      </details>
    </div>
  );
}
