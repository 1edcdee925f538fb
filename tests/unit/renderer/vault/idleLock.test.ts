import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../../shared/host/contract';
import { idleCheckIntervalMs, startIdleLock, type IdleLockClock } from '../../../../renderer/vault/idleLock';

/** A clock whose time only moves when the test says so, firing due interval ticks on the way. */
function fakeWorld() {
  let now = 1_000_000;
  let nextHandle = 1;
  const timers = new Map<number, { tick: () => void; ms: number; due: number }>();
  const activity = new Set<() => void>();
  const hostListeners = new Set<(event: HostEvent) => void>();
  const clock: IdleLockClock = {
    now: () => now,
    setInterval: (tick, ms) => {
      const handle = nextHandle++;
      timers.set(handle, { tick, ms, due: now + ms });
      return handle;
    },
    clearInterval: (handle) => void timers.delete(handle),
  };
  const sources = {
    onActivity: (listener: () => void) => {
      activity.add(listener);
      return () => void activity.delete(listener);
    },
    onHostEvent: (listener: (event: HostEvent) => void) => {
      hostListeners.add(listener);
      return () => void hostListeners.delete(listener);
    },
  };
  const advance = (ms: number) => {
    const end = now + ms;
    for (;;) {
      const next = [...timers.values()].filter((t) => t.due <= end).sort((a, b) => a.due - b.due)[0];
      if (!next) break;
      now = next.due;
      next.due += next.ms;
      next.tick();
    }
    now = end;
  };
  return {
    clock,
    sources,
    advance,
    userActs: () => activity.forEach((listener) => listener()),
    hostSays: (event: HostEvent) => hostListeners.forEach((listener) => listener(event)),
    listenerCount: () => activity.size + hostListeners.size + timers.size,
  };
}

const MINUTE = 60_000;

describe('idle lock', () => {
  it('locks once the configured minutes pass without activity, not before', () => {
    const world = fakeWorld();
    let locks = 0;
    startIdleLock(15, () => locks++, world.sources, world.clock);
    world.advance(15 * MINUTE - idleCheckIntervalMs(15) - 1);
    expect(locks).toBe(0);
    world.advance(idleCheckIntervalMs(15) + 1);
    expect(locks).toBeGreaterThan(0);
  });

  it('honours another setting: 1 minute locks after about a minute, 5 minutes does not', () => {
    const short = fakeWorld();
    const long = fakeWorld();
    let shortLocked = false;
    let longLocked = false;
    startIdleLock(1, () => (shortLocked = true), short.sources, short.clock);
    startIdleLock(5, () => (longLocked = true), long.sources, long.clock);
    short.advance(MINUTE + idleCheckIntervalMs(1));
    long.advance(MINUTE + idleCheckIntervalMs(1));
    expect(shortLocked).toBe(true);
    expect(longLocked).toBe(false);
  });

  it('activity resets the idle time: a user who keeps working is never locked out', () => {
    const world = fakeWorld();
    let locks = 0;
    startIdleLock(10, () => locks++, world.sources, world.clock);
    for (let i = 0; i < 12; i++) {
      world.advance(9 * MINUTE);
      world.userActs();
    }
    expect(locks).toBe(0);
    // Then the user walks away: locked within the limit plus one check.
    world.advance(10 * MINUTE + idleCheckIntervalMs(10));
    expect(locks).toBeGreaterThan(0);
  });

  it('locks at once when the OS screen locks or the machine suspends, ignores other host events', () => {
    for (const type of ['os.lock', 'os.suspend'] as const) {
      const world = fakeWorld();
      let locks = 0;
      startIdleLock(15, () => locks++, world.sources, world.clock);
      world.hostSays({ type: 'navigate', route: '#/cases' });
      expect(locks).toBe(0);
      world.hostSays({ type });
      expect(locks).toBe(1);
    }
  });

  it('stopping (vault locked or closed) removes every listener and timer', () => {
    const world = fakeWorld();
    let locks = 0;
    const stop = startIdleLock(1, () => locks++, world.sources, world.clock);
    stop();
    expect(world.listenerCount()).toBe(0);
    world.advance(60 * MINUTE);
    world.hostSays({ type: 'os.lock' });
    expect(locks).toBe(0);
  });

  it('checks often enough: at most 15 s between checks, at least 1 s', () => {
    expect(idleCheckIntervalMs(60)).toBe(15_000);
    expect(idleCheckIntervalMs(1)).toBe(15_000);
    expect(idleCheckIntervalMs(0.01)).toBe(1000);
  });
});
