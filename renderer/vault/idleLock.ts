import type { HostEvent } from '../../shared/host/contract';

/** The clock and timer the idle lock runs on: the window's in the app, a fake one in tests. */
export interface IdleLockClock {
  now(): number;
  setInterval(tick: () => void, ms: number): number;
  clearInterval(handle: number): void;
}

/** Where activity and OS events come from; each subscription returns its unsubscribe function. */
export interface IdleLockSources {
  onActivity(listener: () => void): () => void;
  onHostEvent(listener: (event: HostEvent) => void): () => void;
}

/** How often the idle time is checked: a quarter of the limit, between 1 s and 15 s. */
export function idleCheckIntervalMs(minutes: number): number {
  return Math.min(15_000, Math.max(1000, (minutes * 60_000) / 4));
}

/**
 * Locks after `minutes` without keyboard or pointer activity, and at once when the host says the OS
 * screen locked or the machine is suspending. Returns the function that stops watching.
 */
export function startIdleLock(
  minutes: number,
  lock: () => void,
  sources: IdleLockSources,
  clock: IdleLockClock,
): () => void {
  let last = clock.now();
  const stopActivity = sources.onActivity(() => {
    last = clock.now();
  });
  const limit = minutes * 60_000;
  const timer = clock.setInterval(() => {
    if (clock.now() - last >= limit) lock();
  }, idleCheckIntervalMs(minutes));
  const stopEvents = sources.onHostEvent((event) => {
    if (event.type === 'os.lock' || event.type === 'os.suspend') lock();
  });
  return () => {
    stopActivity();
    clock.clearInterval(timer);
    stopEvents();
  };
}
