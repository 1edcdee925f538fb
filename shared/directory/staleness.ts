/**
 * Stale-data flags on an entry page. Annex A §8 asks for regular ping tests (« des tests de
 * vérification périodiques »), run every six months by default: an entry whose POC has not confirmed
 * a ping for more than six months may no longer be right. Separately, a directory not synchronised
 * with the registry for more than the user's `staleSyncDays` may miss changes.
 */
export const PING_STALE_MONTHS = 6;

function monthsLater(date: Date, months: number): Date {
  const later = new Date(date.getTime());
  later.setUTCMonth(later.getUTCMonth() + months);
  return later;
}

/** This device's enrolment: the registry bound it to one State and role at `enrolledAt` (A §7 c). */
export interface OwnEnrolment {
  state: string;
  role: string;
  enrolledAt: string;
}

interface ConfirmationFacts {
  state?: string;
  role?: string;
  lastPingConfirmedAt?: string | undefined;
  updatedAt?: string | undefined;
}

/**
 * When the entry was last confirmed as current: the later of its last ping answer and its last
 * publication (every revision is published by the State's own POC, signed and bound to its State and
 * role, or by the registry manager from what the State communicated, A §7 a). A just-published entry
 * is confirmed at its publication time. This device's own entries also count as confirmed from its
 * enrolment: the Permanent Mission has just named this POC for that State and role.
 */
export function confirmedAt(entry: ConfirmationFacts, own?: OwnEnrolment | null): string | undefined {
  const candidates = [entry.lastPingConfirmedAt, entry.updatedAt];
  if (own && entry.state !== undefined && own.state === entry.state && own.role === entry.role)
    candidates.push(own.enrolledAt);
  const times = candidates.filter((at): at is string => at !== undefined && !Number.isNaN(Date.parse(at)));
  if (times.length === 0) return undefined;
  return times.reduce((latest, at) => (Date.parse(at) > Date.parse(latest) ? at : latest));
}

/** True when the entry was never confirmed, or last confirmed more than six months ago. */
export function isPingStale(entry: ConfirmationFacts, now = new Date(), own?: OwnEnrolment | null): boolean {
  const at = confirmedAt(entry, own);
  if (!at) return true;
  return monthsLater(new Date(at), PING_STALE_MONTHS).getTime() < now.getTime();
}

/** True when the directory was never synced, or last synced more than `staleSyncDays` days ago. */
export function isDirectorySyncStale(
  lastSyncAt: string | undefined,
  staleSyncDays: number,
  now = new Date(),
): boolean {
  if (!lastSyncAt) return true;
  return now.getTime() - new Date(lastSyncAt).getTime() > staleSyncDays * 24 * 60 * 60 * 1000;
}
