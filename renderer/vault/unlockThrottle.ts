/**
 * A growing delay between wrong passphrases: 1 s, 2 s, 4 s … up to 30 s. Never a lock-out and never a
 * wipe (issue 3): a POC in a crisis must still get in; Argon2id is what makes guessing expensive. The
 * count survives a reload (localStorage) so reloading does not reset the delay.
 */
const STORAGE_KEY = 'poc-desk.vault.failedUnlocks';
const MAX_DELAY_MS = 30_000;

interface FailureRecord {
  count: number;
  lastAt: number;
}

export interface UnlockThrottleStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function delayAfterFailures(count: number): number {
  return count <= 0 ? 0 : Math.min(MAX_DELAY_MS, 1000 * 2 ** (count - 1));
}

export class UnlockThrottle {
  constructor(
    private readonly storage: UnlockThrottleStorage,
    private readonly now: () => number = () => Date.now(),
  ) {}

  private read(): FailureRecord {
    try {
      const parsed = JSON.parse(this.storage.getItem(STORAGE_KEY) ?? 'null') as Partial<FailureRecord> | null;
      if (parsed && typeof parsed.count === 'number' && typeof parsed.lastAt === 'number')
        return { count: parsed.count, lastAt: parsed.lastAt };
    } catch {
      // A damaged counter is treated as no failures: the delay is a courtesy, not the protection.
    }
    return { count: 0, lastAt: 0 };
  }

  /** Milliseconds to wait before the next attempt is allowed (0 = now). */
  waitMs(): number {
    const { count, lastAt } = this.read();
    return Math.max(0, lastAt + delayAfterFailures(count) - this.now());
  }

  failures(): number {
    return this.read().count;
  }

  recordFailure(): void {
    const { count } = this.read();
    this.storage.setItem(STORAGE_KEY, JSON.stringify({ count: count + 1, lastAt: this.now() }));
  }

  recordSuccess(): void {
    this.storage.removeItem(STORAGE_KEY);
  }
}
