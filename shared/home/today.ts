import { dueSoon, type CaseSummary, type DueItem } from '../cases';
import type { CheckRecord } from '../commcheck/model';
import { checkStatus, followUpAt } from '../commcheck/timing';
import type { PocRole } from '../directory/model';
import { isDirectorySyncStale } from '../directory/staleness';

/**
 * "Today": what needs the POC now, in the order it is urgent. A §8: a ping must be answered within
 * 48 hours (« répondre dans un délai de 48 heures »); then the deadlines of cases (overdue, then due
 * within a day); then the communication checks still unanswered 48 hours after their hand-over (the
 * same 48 hours, already run out: a channel that may not work, to follow up by other means); cases
 * awaiting our reply and awaiting theirs, keys that changed and must be verified before trusting a
 * message, the directory's freshness and what waits in the outbox. Pure, so the bench and the tests
 * build it without a browser.
 */
export interface TodayPing {
  id: string;
  sentAt: string;
  deadline: string;
  answeredAt?: string;
}

export interface TodayKeyChange {
  entryId: string;
  label: string;
}

/** A communication check sent from this desk (issue 13), with its first hand-over if any. */
export interface TodayCheck {
  campaignId: string;
  check: CheckRecord;
  /** Never handed over: nothing left the app, so no answer is awaited. */
  handedOverAt?: string | undefined;
}

export interface TodayInput {
  now: number;
  pings: readonly TodayPing[];
  /** Pings whose signed acknowledgement already waits in the outbox. */
  queuedPingIds: ReadonlySet<string>;
  cases: readonly CaseSummary[];
  keyChanges: readonly TodayKeyChange[];
  /** Checks sent from this desk; answered ones and those within their 48 hours are left out. */
  checks: readonly TodayCheck[];
  lastSyncAt?: string;
  staleSyncDays: number;
  outboxWaiting: number;
  /** Outbox items signed under protocol v1, kept until the user checks them (shared/sync/legacyOutbox.ts). */
  legacyToCheck: number;
  /** The own key, when this vault has one (see OwnKeyNotice). */
  ownKey?: TodayOwnKey | undefined;
}

export interface TodayOwnKey {
  /** When the own key expires (null: never). */
  expiresAt: string | null;
  /**
   * Set when the own directory entry carries an older copy of the key (from before a renewal): when
   * that copy runs out (null: it does not say). Peers encrypt to that copy.
   */
  directoryCopyExpiresAt?: string | null | undefined;
}

/** Renewal reminder window: 60 days before the key expires. */
export const RENEWAL_REMINDER_DAYS = 60;

/**
 * The own key needs the POC: it has expired (peers can no longer write to it), it expires within
 * RENEWAL_REMINDER_DAYS, or it was renewed but the directory still hands peers the old copy.
 */
export type OwnKeyNotice =
  | { kind: 'expired'; at: string }
  | { kind: 'expires-soon'; at: string }
  | { kind: 'directory-copy-outdated'; at: string | null };

export function ownKeyNotice(ownKey: TodayOwnKey | undefined, now: number): OwnKeyNotice | null {
  if (!ownKey) return null;
  const { expiresAt, directoryCopyExpiresAt } = ownKey;
  if (expiresAt && Date.parse(expiresAt) <= now) return { kind: 'expired', at: expiresAt };
  if (expiresAt && Date.parse(expiresAt) - now <= RENEWAL_REMINDER_DAYS * 86_400_000)
    return { kind: 'expires-soon', at: expiresAt };
  if (directoryCopyExpiresAt !== undefined)
    return { kind: 'directory-copy-outdated', at: directoryCopyExpiresAt };
  return null;
}

export interface PendingPing {
  id: string;
  sentAt: string;
  deadline: string;
  msLeft: number;
  queued: boolean;
}

/** A check unanswered FOLLOW_UP_HOURS after its hand-over, one click from its campaign's report. */
export interface CheckFollowUp {
  campaignId: string;
  checkId: string;
  /** The POC's display label when the check was sent. */
  label: string;
  state: string;
  role: PocRole;
  handedOverAt: string;
  /** When the 48 hours ran out. */
  dueAt: string;
}

export interface Today {
  /** When it was built (ms since the epoch). */
  now: number;
  pings: PendingPing[];
  overdue: DueItem[];
  dueToday: DueItem[];
  awaitingUs: CaseSummary[];
  awaitingThem: CaseSummary[];
  /** Unanswered checks past their 48 hours, the longest unanswered first. */
  checkFollowUps: CheckFollowUp[];
  keyChanges: readonly TodayKeyChange[];
  lastSyncAt?: string;
  syncStale: boolean;
  outboxWaiting: number;
  legacyToCheck: number;
  ownKey: OwnKeyNotice | null;
  /** Nothing at all needs the user: the page says so instead of showing empty lists. */
  quiet: boolean;
}

/** How far ahead a deadline counts as "due": within the next 24 hours. */
export const DUE_WITHIN_HOURS = 24;
/** Longest list shown per section; the rest is one click away in its area. */
export const TODAY_LIST_LIMIT = 20;

export function buildToday(input: TodayInput): Today {
  const pings = input.pings
    .filter((ping) => !ping.answeredAt)
    .map((ping) => ({
      id: ping.id,
      sentAt: ping.sentAt,
      deadline: ping.deadline,
      msLeft: Date.parse(ping.deadline) - input.now,
      queued: input.queuedPingIds.has(ping.id),
    }))
    .sort((a, b) => a.msLeft - b.msLeft);
  const due = dueSoon(input.cases, new Date(input.now), DUE_WITHIN_HOURS);
  const open = input.cases.filter((c) => c.status !== 'closed');
  const byActivity = (a: CaseSummary, b: CaseSummary) => b.lastActivityAt.localeCompare(a.lastActivityAt);
  const awaitingUs = open
    .filter((c) => c.deadline?.owedBy === 'self' || (c.origin === 'incoming' && c.status === 'open'))
    .sort(byActivity);
  const awaitingThem = open
    .filter((c) => c.status === 'awaiting-reply' || c.deadline?.owedBy === 'counterpart')
    .sort(byActivity);
  const checkFollowUps = input.checks
    .flatMap(({ campaignId, check, handedOverAt }): CheckFollowUp[] =>
      handedOverAt && checkStatus(check, handedOverAt, new Date(input.now)) === 'follow-up'
        ? [
            {
              campaignId,
              checkId: check.id,
              label: check.label,
              state: check.state,
              role: check.role,
              handedOverAt,
              dueAt: followUpAt(handedOverAt),
            },
          ]
        : [],
    )
    .sort((a, b) => a.dueAt.localeCompare(b.dueAt) || a.label.localeCompare(b.label));
  const syncStale = isDirectorySyncStale(input.lastSyncAt, input.staleSyncDays, new Date(input.now));
  const today: Today = {
    now: input.now,
    pings,
    overdue: due.filter((item) => item.overdue),
    dueToday: due.filter((item) => !item.overdue),
    awaitingUs,
    awaitingThem,
    checkFollowUps,
    keyChanges: input.keyChanges,
    syncStale,
    outboxWaiting: input.outboxWaiting,
    legacyToCheck: input.legacyToCheck,
    ownKey: ownKeyNotice(input.ownKey, input.now),
    quiet: false,
    ...(input.lastSyncAt ? { lastSyncAt: input.lastSyncAt } : {}),
  };
  today.quiet =
    pings.length +
      due.length +
      awaitingUs.length +
      awaitingThem.length +
      checkFollowUps.length +
      input.keyChanges.length +
      input.outboxWaiting +
      input.legacyToCheck ===
      0 &&
    !syncStale &&
    !today.ownKey;
  return today;
}

/**
 * What deserves an OS notification between two looks at Today: a new ping, a deadline entering its
 * last 2 hours, a reply received (a case that was awaiting theirs and no longer is).
 */
export interface TodayNotice {
  kind: 'ping' | 'deadline' | 'reply';
  /** Stable id, so one event is notified once. */
  key: string;
  caseId?: string;
  subject?: string;
}

export const DEADLINE_NOTICE_MS = 2 * 3_600_000;

export function noticesBetween(
  before: Today | null,
  after: Today,
  cases: readonly CaseSummary[],
  now: number,
): TodayNotice[] {
  if (!before) return [];
  const notices: TodayNotice[] = [];
  const knownPings = new Set(before.pings.map((p) => p.id));
  for (const ping of after.pings)
    if (!knownPings.has(ping.id) && !ping.queued) notices.push({ kind: 'ping', key: `ping:${ping.id}` });
  const soonBefore = new Set(
    before.dueToday
      .filter((d) => Date.parse(d.dueAt) - before.now <= DEADLINE_NOTICE_MS)
      .map((d) => d.summary.id),
  );
  for (const item of after.dueToday) {
    if (Date.parse(item.dueAt) - now <= DEADLINE_NOTICE_MS && !soonBefore.has(item.summary.id)) {
      notices.push({
        kind: 'deadline',
        key: `deadline:${item.summary.id}:${item.dueAt}`,
        caseId: item.summary.id,
        subject: item.summary.subject,
      });
    }
  }
  const stillWaiting = new Set(after.awaitingThem.map((c) => c.id));
  const byId = new Map(cases.map((c) => [c.id, c]));
  for (const waiting of before.awaitingThem) {
    const current = byId.get(waiting.id);
    if (
      !stillWaiting.has(waiting.id) &&
      current &&
      current.status !== 'closed' &&
      current.lastActivityAt !== waiting.lastActivityAt
    ) {
      notices.push({
        kind: 'reply',
        key: `reply:${waiting.id}:${current.lastActivityAt}`,
        caseId: waiting.id,
        subject: current.subject,
      });
    }
  }
  return notices;
}
