import type { Delivery } from '../outgoing/delivery';
import type { Campaign, CheckRecord, CheckSkip } from './model';
import { checkStatus, firstHandover, roundTrip, type CheckStatus, type RoundTrip } from './timing';

/** One line of a campaign report: who, where the check stands, how fast they answered. */
export interface ReportRow {
  check: CheckRecord;
  status: CheckStatus;
  handedOverAt: string | undefined;
  roundTrip: RoundTrip | null;
}

export interface CampaignReport {
  campaign: Campaign;
  rows: ReportRow[];
  skipped: readonly CheckSkip[];
  counts: Record<CheckStatus, number>;
  /** Median round-trip of the answered checks with a figure, in ms. */
  medianMs: number | null;
}

/** Builds the report from the campaign and the delivery record of each check's message. */
export function campaignReport(
  campaign: Campaign,
  deliveries: ReadonlyMap<string, Delivery | undefined>,
  now: Date,
): CampaignReport {
  const rows = campaign.checks.map((check): ReportRow => {
    const handedOverAt = firstHandover(deliveries.get(check.id));
    return {
      check,
      status: checkStatus(check, handedOverAt, now),
      handedOverAt,
      roundTrip: roundTrip(check, handedOverAt),
    };
  });
  // Answered first (fastest first), then the ones to follow up, awaiting, prepared.
  const order: Record<CheckStatus, number> = { answered: 0, 'follow-up': 1, awaiting: 2, prepared: 3 };
  rows.sort(
    (a, b) =>
      order[a.status] - order[b.status] ||
      (a.roundTrip?.ms ?? Infinity) - (b.roundTrip?.ms ?? Infinity) ||
      a.check.state.localeCompare(b.check.state) ||
      a.check.label.localeCompare(b.check.label),
  );
  const counts: Record<CheckStatus, number> = { answered: 0, 'follow-up': 0, awaiting: 0, prepared: 0 };
  for (const row of rows) counts[row.status]++;
  const times = rows.flatMap((r) => (r.roundTrip?.ms == null ? [] : [r.roundTrip.ms])).sort((a, b) => a - b);
  const mid = Math.floor(times.length / 2);
  const medianMs = times.length
    ? times.length % 2
      ? (times[mid] ?? null)
      : ((times[mid - 1] ?? 0) + (times[mid] ?? 0)) / 2
    : null;
  return { campaign, rows, skipped: campaign.skipped, counts, medianMs };
}

/**
 * "Channel verified on DATE (by check)" for a directory entry: the latest verified reply from that
 * POC signed with the entry's CURRENT key. A reply made with a key the entry no longer holds says
 * nothing about today's channel.
 */
export function channelVerifiedAt(
  campaigns: readonly Campaign[],
  pocId: string,
  currentFingerprint: string | undefined,
): string | null {
  if (!currentFingerprint) return null;
  let latest: string | null = null;
  for (const campaign of campaigns) {
    for (const check of campaign.checks) {
      if (check.pocId !== pocId || !check.reply) continue;
      if (check.fingerprint !== currentFingerprint || check.reply.signerFingerprint !== currentFingerprint) {
        continue;
      }
      if (!latest || check.reply.receivedAt > latest) latest = check.reply.receivedAt;
    }
  }
  return latest;
}
