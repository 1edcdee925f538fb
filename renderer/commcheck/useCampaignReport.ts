import { useQuery } from '@tanstack/react-query';
import { campaignReport, type CampaignReport } from '../../shared/commcheck';
import type { Delivery } from '../../shared/outgoing/delivery';
import { getMessage } from '../messaging/messageStore';
import { useVaultSession, type VaultSession } from '../vault/session';
import { getCampaign } from './store';

/** The report of one campaign, with each check's delivery read from its sealed message. */
export async function loadCampaignReport(
  session: VaultSession,
  campaignId: string,
  now = new Date(),
): Promise<CampaignReport | null> {
  const campaign = await getCampaign(session, campaignId);
  if (!campaign) return null;
  const deliveries = new Map<string, Delivery | undefined>();
  for (const check of campaign.checks)
    deliveries.set(check.id, (await getMessage(session, check.id))?.delivery);
  return campaignReport(campaign, deliveries, now);
}

export function useCampaignReport(campaignId: string) {
  const session = useVaultSession();
  return useQuery({
    // Under 'vault', 'messages': a hand-over anywhere (it invalidates the messages) refreshes the report.
    queryKey: ['vault', 'messages', 'commcheck-report', campaignId],
    queryFn: () => loadCampaignReport(session, campaignId),
    refetchInterval: 60_000,
  });
}
