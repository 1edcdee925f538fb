import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { stateName } from '../../shared/directory/stateNames';
import { useHost } from '../host/HostContext';
import { OutgoingDelivery } from '../outgoing/OutgoingDelivery';
import { useVaultSession } from '../vault/session';
import { saveChecksAsZip } from './bulkHandOver';
import { formatDuration, formatRoundTrip, formatUtc, scopeText } from './format';
import { saveCampaignCsv, saveCampaignPdf } from './reportExport';
import { COMMCHECK_QUERY_KEY } from './store';
import { useCampaignReport } from './useCampaignReport';

/** The campaign report: who answered and how fast, who did not (follow-up after 48 h), exports. */
export function CampaignReportView({ campaignId }: { campaignId: string }) {
  const { t, i18n } = useTranslation('commcheck');
  const { t: td } = useTranslation('directory');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const host = useHost();
  const client = useQueryClient();
  const query = useCampaignReport(campaignId);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const report = query.data;
  if (query.isPending) return <p role="status">{t('report.loading')}</p>;
  if (!report) return <p role="alert">{t('report.notFound')}</p>;
  const language = i18n.language;

  const act = async (action: () => Promise<string>) => {
    setBusy(true);
    setNotice(null);
    try {
      setNotice({ kind: 'status', text: await action() });
    } catch {
      setNotice({ kind: 'alert', text: t('report.failed') });
    } finally {
      setBusy(false);
      await client.invalidateQueries({ queryKey: COMMCHECK_QUERY_KEY });
      await client.invalidateQueries({ queryKey: ['vault', 'messages'] });
    }
  };
  const zip = () =>
    act(async () => {
      const result = await saveChecksAsZip(session, host, report.campaign);
      return result.saved ? t('report.zipSaved', { count: result.count }) : t('report.cancelled');
    });
  const csv = () =>
    act(async () =>
      (await saveCampaignCsv(host, report, t, td, tm, language))
        ? t('report.csvSaved')
        : t('report.cancelled'),
    );
  const pdf = () =>
    act(async () =>
      (await saveCampaignPdf(host, report, t, td, tm, language))
        ? t('report.pdfSaved')
        : t('report.cancelled'),
    );

  return (
    <section className="messages-card stack" aria-labelledby="commcheck-report-title">
      <h3 id="commcheck-report-title">{t('report.title')}</h3>
      <p>
        {scopeText(t, td, report.campaign.scope)} —{' '}
        {t('report.created', { at: formatUtc(report.campaign.createdAt, language) })}
      </p>
      <p role="status">
        {t('report.counts', {
          answered: report.counts.answered,
          total: report.rows.length,
          followUp: report.counts['follow-up'],
        })}{' '}
        {report.medianMs !== null && t('report.medianText', { duration: formatDuration(t, report.medianMs) })}
      </p>
      <p className="hint">{t('report.rttExplain')}</p>
      <div className="messages-actions" role="group" aria-label={t('report.actions')}>
        <button type="button" disabled={busy} onClick={() => void zip()}>
          {t('report.zip')}
        </button>
        <button type="button" disabled={busy} onClick={() => void csv()}>
          {t('report.csv')}
        </button>
        <button type="button" disabled={busy} onClick={() => void pdf()}>
          {t('report.pdf')}
        </button>
      </div>
      {notice && (
        <p role={notice.kind} className={notice.kind === 'alert' ? 'error' : 'notice'}>
          {notice.text}
        </p>
      )}
      <table className="commcheck-table">
        <caption>{t('report.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('csv.poc')}</th>
            <th scope="col">{t('csv.state')}</th>
            <th scope="col">{t('csv.status')}</th>
            <th scope="col">{t('report.roundTrip')}</th>
            <th scope="col">{t('report.handOver')}</th>
          </tr>
        </thead>
        <tbody>
          {report.rows.map((row) => (
            <tr key={row.check.id} data-status={row.status}>
              <td>{row.check.label}</td>
              <td>
                {stateName(row.check.state, language)}, {td(`role.${row.check.role}`)}
              </td>
              <td>
                {t(`status.${row.status}`)}
                {row.check.reply && (
                  <>
                    <br />
                    {t('report.verifiedOn', { at: formatUtc(row.check.reply.receivedAt, language) })}
                  </>
                )}
              </td>
              <td>{formatRoundTrip(t, row.roundTrip)}</td>
              <td>
                <OutgoingDelivery messageId={row.check.id} />
              </td>
            </tr>
          ))}
          {report.skipped.map((skip) => (
            <tr key={`skip-${skip.pocId}`} data-status="skipped">
              <td>{skip.label}</td>
              <td>
                {stateName(skip.state, language)}, {td(`role.${skip.role}`)}
              </td>
              <td>
                {t('status.skipped')}: {tm(`errors.${skip.code}`)}
              </td>
              <td />
              <td />
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
