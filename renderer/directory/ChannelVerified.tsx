import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { CampaignSchema, channelVerifiedAt } from '../../shared/commcheck';
import type { PointOfContact } from '../../shared/directory/model';
import { useVaultSession } from '../vault/session';

/**
 * On a directory entry: "Channel verified on DATE (by check)" when a reply to an own communication
 * check (issue 13) verified against the key this entry holds now. Reads the campaigns straight from
 * the vault (renderer/commcheck depends on the directory, not the other way round).
 */
export function ChannelVerified({ entry }: { entry: PointOfContact }) {
  const { t, i18n } = useTranslation('commcheck');
  const session = useVaultSession();
  const campaigns = useQuery({
    queryKey: ['vault', 'commcheck', 'campaigns'],
    queryFn: async () =>
      (await session.collection('commcheckCampaigns', CampaignSchema).list()).items.map((i) => i.value),
  });
  const at = channelVerifiedAt(campaigns.data ?? [], entry.id, entry.openpgp?.fingerprint);
  if (!at) return null;
  const date = new Date(at).toLocaleDateString(i18n.language, { timeZone: 'UTC', dateStyle: 'long' });
  return (
    <p className="notice channel-verified" role="status">
      {t('entry.verified', { date })}
    </p>
  );
}
