import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { followUpCount } from '../../shared/commcheck';
import type { Delivery } from '../../shared/outgoing/delivery';
import { getMessage } from '../messaging/messageStore';
import { useVaultSession, type VaultSession } from '../vault/session';
import { listCampaigns } from './store';

async function countFollowUps(session: VaultSession, now: Date): Promise<number> {
  const campaigns = await listCampaigns(session);
  const deliveries = new Map<string, Delivery | undefined>();
  for (const campaign of campaigns) {
    // Only unanswered checks can need a follow-up: answered ones need no delivery read.
    for (const check of campaign.checks) {
      if (!check.reply) deliveries.set(check.id, (await getMessage(session, check.id))?.delivery);
    }
  }
  return followUpCount(campaigns, deliveries, now);
}

/**
 * On Today: communication checks handed over more than 48 hours ago and still unanswered, one click
 * from their report. Nothing when there are none.
 */
export function CheckFollowUps() {
  const { t } = useTranslation('commcheck');
  const session = useVaultSession();
  const query = useQuery({
    queryKey: ['vault', 'messages', 'commcheck-follow-ups'],
    queryFn: () => countFollowUps(session, new Date()),
    refetchInterval: 5 * 60_000,
  });
  const count = query.data ?? 0;
  if (!count) return null;
  return (
    <section aria-labelledby="today-commcheck" className="today-section">
      <h3 id="today-commcheck">{t('today.followUp', { count })}</h3>
      <p>
        <a href="#/messages/checks">{t('today.open')}</a>
      </p>
    </section>
  );
}
