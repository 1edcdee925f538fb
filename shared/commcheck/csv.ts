import type { CampaignReport } from './report';
import type { CheckStatus } from './timing';

/** Column headings and status words, in the user's language (the caller translates). */
export interface CsvLabels {
  headers: {
    reference: string;
    state: string;
    role: string;
    poc: string;
    status: string;
    handedOverAt: string;
    replySignedAt: string;
    roundTripSeconds: string;
  };
  status: Record<CheckStatus | 'skipped', string>;
  role: (role: string) => string;
  state: (code: string) => string;
  skipReason: (code: string) => string;
}

/**
 * RFC 4180 CSV of a campaign report: one row per POC checked, then one per POC skipped. Times are
 * ISO 8601 UTC, round-trips in whole seconds, so a spreadsheet sorts them. A cell a spreadsheet
 * would run as a formula (=, +, -, @ first) is prefixed with an apostrophe (CSV injection).
 */
export function campaignCsv(report: CampaignReport, labels: CsvLabels): string {
  const h = labels.headers;
  const lines = [
    [h.reference, h.state, h.role, h.poc, h.status, h.handedOverAt, h.replySignedAt, h.roundTripSeconds],
  ];
  for (const row of report.rows) {
    const trip = row.roundTrip;
    lines.push([
      row.check.id,
      `${labels.state(row.check.state)} (${row.check.state})`,
      labels.role(row.check.role),
      row.check.label,
      labels.status[row.status],
      row.handedOverAt ?? '',
      trip ? trip.endAt : '',
      trip?.ms == null ? '' : String(Math.round(trip.ms / 1000)),
    ]);
  }
  for (const skip of report.skipped) {
    lines.push([
      '',
      `${labels.state(skip.state)} (${skip.state})`,
      labels.role(skip.role),
      skip.label,
      `${labels.status.skipped}: ${labels.skipReason(skip.code)}`,
      '',
      '',
      '',
    ]);
  }
  return lines.map((cells) => cells.map(csvCell).join(',')).join('\r\n') + '\r\n';
}

export function csvCell(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}
