import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CampaignForm } from './CampaignForm';
import { CampaignReportView } from './CampaignReportView';
import { formatUtc, scopeText } from './format';
import { useCampaigns } from './store';
import './commcheck.css';

/**
 * Communication checks (Annex B, CBM 1 c i; issue 13): send checks to one POC or a batch, and the
 * report of each campaign (the one given, e.g. from a follow-up on Today, else the newest).
 * Answering a check received happens where messages are read.
 */
export function CommCheckPanel({ campaignId }: { campaignId?: string }) {
  const { t, i18n } = useTranslation('commcheck');
  const { t: td } = useTranslation('directory');
  const campaigns = useCampaigns();
  const [selected, setSelected] = useState<string | null>(campaignId ?? null);
  const list = campaigns.data ?? [];
  const shown = selected ?? list[0]?.id ?? null;

  return (
    <div className="stack">
      <CampaignForm onSent={setSelected} />
      {list.length > 0 && (
        <section className="messages-card stack" aria-labelledby="commcheck-list-title">
          <h3 id="commcheck-list-title">{t('list.title')}</h3>
          <ul className="commcheck-campaigns">
            {list.map((campaign) => {
              const answered = campaign.checks.filter((c) => c.reply).length;
              return (
                <li key={campaign.id}>
                  <button
                    type="button"
                    aria-pressed={campaign.id === shown}
                    onClick={() => setSelected(campaign.id)}
                  >
                    {t('list.item', {
                      at: formatUtc(campaign.createdAt, i18n.language),
                      scope: scopeText(t, td, campaign.scope),
                      answered,
                      total: campaign.checks.length,
                    })}
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}
      {shown && <CampaignReportView key={shown} campaignId={shown} />}
    </div>
  );
}
