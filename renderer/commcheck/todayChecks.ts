import { useQuery } from '@tanstack/react-query';
import { firstHandover } from '../../shared/commcheck';
import type { TodayCheck } from '../../shared/home/today';
import { getMessage } from '../messaging/messageStore';
import { useVaultSession, type VaultSession } from '../vault/session';
import { listCampaigns } from './store';

/**
 * The unanswered checks of every campaign with their first hand-over, for Today (which decides,
 * as its clock ticks, which ones have waited 48 hours). Answered checks need no follow-up, so their
 * sealed messages are not read.
 */
export async function loadUnansweredChecks(session: VaultSession): Promise<TodayCheck[]> {
  const checks: TodayCheck[] = [];
  for (const campaign of await listCampaigns(session)) {
    for (const check of campaign.checks) {
      if (check.reply) continue;
      const handedOverAt = firstHandover((await getMessage(session, check.id))?.delivery);
      checks.push({ campaignId: campaign.id, check, ...(handedOverAt ? { handedOverAt } : {}) });
    }
  }
  return checks;
}

export function useUnansweredChecks() {
  const session = useVaultSession();
  return useQuery({
    // Under 'vault', 'messages': a hand-over or a reply read anywhere invalidates the messages.
    queryKey: ['vault', 'messages', 'commcheck-unanswered'],
    queryFn: () => loadUnansweredChecks(session),
    refetchInterval: 5 * 60_000,
  });
}
