import type { TFunction } from 'i18next';
import { campaignCsv, type CampaignReport } from '../../shared/commcheck';
import { stateName } from '../../shared/directory/stateNames';
import { bytesToBase64, textToBase64 } from '../../shared/encoding/base64';
import type { HostClient } from '../../shared/host/client';
import { directionOf, isUnLanguage } from '../../shared/i18n/languages';
import type { PdfBlock } from '../cases/casePdf';
import { formatDuration, formatRoundTrip, formatUtc, scopeText, statusText } from './format';

/** File names say nothing about who was checked: the campaign's creation day only. */
const fileName = (report: CampaignReport, ext: 'csv' | 'pdf') =>
  `communication-checks-${report.campaign.createdAt.slice(0, 10)}.${ext}`;

export async function saveCampaignCsv(
  host: HostClient,
  report: CampaignReport,
  t: TFunction<'commcheck'>,
  td: TFunction<'directory'>,
  tm: TFunction<'messages'>,
  language: string,
): Promise<boolean> {
  const csv = campaignCsv(report, {
    headers: {
      reference: t('csv.reference'),
      state: t('csv.state'),
      role: t('csv.role'),
      poc: t('csv.poc'),
      status: t('csv.status'),
      handedOverAt: t('csv.handedOverAt'),
      replySignedAt: t('csv.replySignedAt'),
      roundTripSeconds: t('csv.roundTripSeconds'),
    },
    status: {
      answered: t('status.answered'),
      'follow-up': t('status.follow-up'),
      awaiting: t('status.awaiting'),
      prepared: t('status.prepared'),
      skipped: t('status.skipped'),
    },
    role: (role) => td(`role.${role}`),
    state: (code) => stateName(code, language),
    skipReason: (code) => tm(`errors.${code}`),
  });
  // A byte-order mark, so spreadsheet programs read the UTF-8 names (Arabic, Chinese) right.
  const { saved } = await host.call('files.save', {
    suggestedName: fileName(report, 'csv'),
    mimeType: 'text/csv',
    bytes: textToBase64(`\uFEFF${csv}`),
  });
  return saved;
}

/** The report as document blocks: summary, who answered and how fast, who did not, who was skipped. */
export function reportBlocks(
  report: CampaignReport,
  t: TFunction<'commcheck'>,
  td: TFunction<'directory'>,
  tm: TFunction<'messages'>,
  language: string,
): PdfBlock[] {
  const who = (row: { label: string; state: string; role: string }) =>
    `${row.label} — ${stateName(row.state, language)}, ${td(`role.${row.role}`)}`;
  const answered = report.rows.filter((r) => r.status === 'answered');
  const open = report.rows.filter((r) => r.status !== 'answered');
  const blocks: PdfBlock[] = [
    { kind: 'heading', level: 1, text: t('report.summary') },
    {
      kind: 'table',
      rows: [
        [t('report.scope'), scopeText(t, td, report.campaign.scope)],
        [t('report.sent'), String(report.rows.length)],
        [t('status.answered'), String(report.counts.answered)],
        [t('status.follow-up'), String(report.counts['follow-up'])],
        [t('status.awaiting'), String(report.counts.awaiting)],
        [t('status.prepared'), String(report.counts.prepared)],
        [t('status.skipped'), String(report.skipped.length)],
        [t('report.median'), report.medianMs === null ? '—' : formatDuration(t, report.medianMs)],
      ],
    },
    { kind: 'paragraph', text: t('report.rttExplain'), small: true },
    { kind: 'heading', level: 2, text: t('report.answered') },
  ];
  if (answered.length) {
    blocks.push({
      kind: 'table',
      rows: answered.map((r) => [who(r.check), formatRoundTrip(t, r.roundTrip)] as const),
    });
  } else blocks.push({ kind: 'paragraph', text: t('report.none') });
  blocks.push({ kind: 'heading', level: 2, text: t('report.notAnswered') });
  if (open.length) {
    blocks.push({
      kind: 'table',
      rows: open.map(
        (r) =>
          [
            who(r.check),
            `${statusText(t, r.status)}${r.handedOverAt ? ` — ${t('report.handedOver', { at: formatUtc(r.handedOverAt, language) })}` : ''}`,
          ] as const,
      ),
    });
  } else blocks.push({ kind: 'paragraph', text: t('report.none') });
  if (report.skipped.length) {
    blocks.push({ kind: 'heading', level: 2, text: t('status.skipped') });
    blocks.push({
      kind: 'table',
      rows: report.skipped.map((s) => [who(s), tm(`errors.${s.code}`)] as const),
    });
  }
  return blocks;
}

export async function saveCampaignPdf(
  host: HostClient,
  report: CampaignReport,
  t: TFunction<'commcheck'>,
  td: TFunction<'directory'>,
  tm: TFunction<'messages'>,
  language: string,
): Promise<boolean> {
  const [{ buildCasePdf }, { fontsFor }] = await Promise.all([
    import('../cases/casePdf'),
    import('../cases/pdfFonts'),
  ]);
  const blocks = reportBlocks(report, t, td, tm, language);
  const title = t('report.title');
  const subtitle = [t('report.created', { at: formatUtc(report.campaign.createdAt, language) })];
  const text = [title, ...subtitle, ...blocks.map((b) => JSON.stringify(b))].join('\n');
  const bytes = await buildCasePdf({
    title,
    subtitle,
    blocks,
    reference: report.campaign.id,
    noTlpText: t('report.tlp'),
    pageLabel: (page, total) => t('report.page', { page, total }),
    direction: isUnLanguage(language) ? directionOf(language) : 'ltr',
    fonts: await fontsFor(text),
  });
  const { saved } = await host.call('files.save', {
    suggestedName: fileName(report, 'pdf'),
    mimeType: 'application/pdf',
    bytes: bytesToBase64(bytes),
  });
  return saved;
}
