import { describe, expect, it } from 'vitest';
import { UnlockThrottle, delayAfterFailures } from '../../../../renderer/vault/unlockThrottle';

// The basic growth (1 s, 2 s … 30 s), reload and reset are in vaultOperations.test.ts; these are the gaps.

function memoryStorage() {
  const store = new Map<string, string>();
  return {
    store,
    getItem: (k: string) => store.get(k) ?? null,
    setItem: (k: string, v: string) => void store.set(k, v),
    removeItem: (k: string) => void store.delete(k),
  };
}

describe('unlock throttle: never a lock-out', () => {
  it('doubles from 1 s and stops at 30 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map(delayAfterFailures)).toEqual([
      0, 1000, 2000, 4000, 8000, 16_000, 30_000, 30_000,
    ]);
  });

  it('after a thousand wrong passphrases, one more attempt is allowed 30 s after the last', () => {
    const storage = memoryStorage();
    let now = 5_000_000;
    const throttle = new UnlockThrottle(storage, () => now);
    for (let i = 0; i < 1000; i++) throttle.recordFailure();
    expect(throttle.waitMs()).toBe(30_000);
    now += 29_999;
    expect(throttle.waitMs()).toBe(1);
    now += 1;
    expect(throttle.waitMs()).toBe(0);
  });

  it('the wait counts from the last failure, also after a reload', () => {
    const storage = memoryStorage();
    let now = 5_000_000;
    const before = new UnlockThrottle(storage, () => now);
    for (let i = 0; i < 3; i++) before.recordFailure();
    now += 1500;
    expect(new UnlockThrottle(storage, () => now).waitMs()).toBe(2500);
  });

  it('a damaged stored counter never blocks the user', () => {
    for (const damaged of ['{not json', '{"count":"9","lastAt":1}', 'null', '[]']) {
      const storage = memoryStorage();
      storage.setItem('poc-desk.vault.failedUnlocks', damaged);
      const throttle = new UnlockThrottle(storage, () => 5_000_000);
      expect(throttle.waitMs()).toBe(0);
      throttle.recordFailure();
      expect(throttle.waitMs()).toBe(1000);
    }
  });
});
