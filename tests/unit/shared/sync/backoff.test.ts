import { describe, expect, it } from 'vitest';
import { backoffDelay } from '../../../../shared/sync/backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 1_000, capMs: 60_000 };
  it('doubles per attempt, stays within [half, full] of the ceiling, and is capped', () => {
    expect(backoffDelay(1, () => 0, policy)).toBe(500);
    expect(backoffDelay(1, () => 1, policy)).toBe(1_000);
    expect(backoffDelay(4, () => 0, policy)).toBe(4_000);
    expect(backoffDelay(4, () => 1, policy)).toBe(8_000);
    expect(backoffDelay(40, () => 1, policy)).toBe(60_000);
    expect(backoffDelay(40, () => 0, policy)).toBe(30_000);
  });
  it('spreads clients apart (jitter)', () => {
    const values = new Set(Array.from({ length: 20 }, () => backoffDelay(5, Math.random, policy)));
    expect(values.size).toBeGreaterThan(10);
  });
});
