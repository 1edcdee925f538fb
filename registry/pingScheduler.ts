import type { PingRepository } from './store/pingRepository';

/**
 * A §8: « Le gestionnaire du répertoire doit effectuer des tests « ping » tous les six mois » —
 * the registry starts a ping campaign by itself when the last one is older than the interval
 * (182 days by default). Before the first campaign the clock starts at the earliest enrolment of a
 * still-active account, so a fresh registry does not ping the first POC the minute it enrols, and
 * a registry without accounts pings nobody. The registry manager can still start one by hand.
 */
export const DEFAULT_PING_INTERVAL_DAYS = 182;
/** How often a running server checks whether a campaign is due. */
export const DEFAULT_PING_CHECK_MS = 3600_000;
const DAY_MS = 86_400_000;

export interface StartedCampaign {
  campaignId: string;
  pings: number;
  deadline: string;
}

/** When the next campaign is due, or undefined when nothing starts the clock yet (no account). */
export function nextCampaignDue(pings: PingRepository, intervalDays: number): Date | undefined {
  const origin = pings.latestCampaign()?.startedAt ?? pings.firstActiveEnrolment();
  return origin ? new Date(Date.parse(origin) + intervalDays * DAY_MS) : undefined;
}

/** Starts a campaign if one is due at `now`; returns it, or null when none was due. */
export function startCampaignIfDue(
  pings: PingRepository,
  now: Date,
  intervalDays: number,
): StartedCampaign | null {
  if (!(intervalDays > 0)) return null;
  const due = nextCampaignDue(pings, intervalDays);
  if (!due || due.getTime() > now.getTime()) return null;
  return pings.startCampaign(now);
}

export interface PingScheduler {
  /** Runs one check now (the server calls it at start and then every `checkEveryMs`). */
  check(): StartedCampaign | null;
  stop(): void;
}

export function schedulePingCampaigns(options: {
  pings: PingRepository;
  now: () => number;
  intervalDays: number;
  checkEveryMs?: number;
  onStarted?: (campaign: StartedCampaign) => void;
  onError?: (error: unknown) => void;
}): PingScheduler {
  const check = (): StartedCampaign | null => {
    try {
      const started = startCampaignIfDue(options.pings, new Date(options.now()), options.intervalDays);
      if (started) options.onStarted?.(started);
      return started;
    } catch (error) {
      // A busy database (the admin CLI writing) must not stop the server; the next check retries.
      options.onError?.(error);
      return null;
    }
  };
  const timer =
    options.intervalDays > 0 ? setInterval(check, options.checkEveryMs ?? DEFAULT_PING_CHECK_MS) : null;
  timer?.unref();
  check();
  return { check, stop: () => (timer ? clearInterval(timer) : undefined) };
}
