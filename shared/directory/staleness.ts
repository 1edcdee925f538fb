import type { PointOfContact } from './model';

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

/** True when the entry has never confirmed a ping, or confirmed it more than six months ago. */
export function isPingStale(entry: Pick<PointOfContact, 'lastPingConfirmedAt'>, now = new Date()): boolean {
  if (!entry.lastPingConfirmedAt) return true;
  return monthsLater(new Date(entry.lastPingConfirmedAt), PING_STALE_MONTHS).getTime() < now.getTime();
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
