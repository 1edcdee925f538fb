import { useTranslation } from 'react-i18next';
import type { DeliveryStateName } from '../../shared/outgoing/delivery';

/** "Prepared", "Handed over", "Acknowledged", "Withdrawn": one label wherever a delivery state shows. */
export function DeliveryBadge({ state }: { state: DeliveryStateName }) {
  const { t } = useTranslation('outgoing');
  return <strong className={`delivery-badge delivery-${state}`}>{t(`state.${state}`)}</strong>;
}
