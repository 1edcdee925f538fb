import { useQuery } from '@tanstack/react-query';
import {
  CampaignSchema,
  IncomingCheckSchema,
  type Campaign,
  type IncomingCheck,
} from '../../shared/commcheck';
import { useVaultSession, type VaultSession } from '../vault/session';

/**
 * Communication checks in the vault (issue 13): vault collection 'commcheckCampaigns', one encrypted
 * record per campaign (its checks and the verified replies on them), and 'commcheckInbox', one per
 * check received from another POC. Only the opaque record id and a time are in clear; who was
 * checked is inside the encryption. No Dexie schema change: both live in the `records` table.
 */
export const COMMCHECK_QUERY_KEY = ['vault', 'commcheck'] as const;

const campaigns = (session: VaultSession) => session.collection('commcheckCampaigns', CampaignSchema);
const inbox = (session: VaultSession) => session.collection('commcheckInbox', IncomingCheckSchema);

export async function listCampaigns(session: VaultSession): Promise<Campaign[]> {
  const { items } = await campaigns(session).list();
  return items.map((i) => i.value).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

export async function getCampaign(session: VaultSession, id: string): Promise<Campaign | undefined> {
  return campaigns(session).get(id);
}

export async function saveCampaign(session: VaultSession, campaign: Campaign): Promise<void> {
  await campaigns(session).put(campaign.id, CampaignSchema.parse(campaign), {
    updatedAt: campaign.createdAt,
  });
}

export async function getIncomingCheck(
  session: VaultSession,
  checkId: string,
): Promise<IncomingCheck | undefined> {
  return inbox(session).get(checkId);
}

export async function saveIncomingCheck(session: VaultSession, check: IncomingCheck): Promise<void> {
  await inbox(session).put(check.checkId, IncomingCheckSchema.parse(check), { updatedAt: check.receivedAt });
}

export function useCampaigns() {
  const session = useVaultSession();
  return useQuery({ queryKey: [...COMMCHECK_QUERY_KEY, 'campaigns'], queryFn: () => listCampaigns(session) });
}
