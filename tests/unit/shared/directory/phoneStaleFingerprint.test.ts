import { describe, expect, it } from 'vitest';
import { fingerprintGroups } from '../../../../shared/directory/fingerprintGroups';
import { PhoneNumberError, formatPhone, normalisePhone } from '../../../../shared/directory/phone';
import { confirmedAt, isDirectorySyncStale, isPingStale } from '../../../../shared/directory/staleness';

describe('telephone normalisation', () => {
  it('normalises what people type to E.164', () => {
    expect(normalisePhone('+33 6 12 34 56 78')).toBe('+33612345678');
    expect(normalisePhone('0033 (0)6 12 34 56 78'.replace('(0)', ''))).toBe('+33612345678');
    expect(normalisePhone('06 12 34 56 78', 'FRA')).toBe('+33612345678');
    expect(formatPhone('+33612345678')).toBe('+33 6 12 34 56 78');
  });

  it('refuses numbers that cannot exist', () => {
    expect(() => normalisePhone('+33 12')).toThrow(PhoneNumberError);
    expect(() => normalisePhone('not a number')).toThrow(PhoneNumberError);
  });
});

describe('staleness', () => {
  const now = new Date('2026-11-24T12:00:00Z');
  it('flags an entry without a ping confirmation for more than six months', () => {
    expect(isPingStale({ lastPingConfirmedAt: '2026-06-01T00:00:00Z' }, now)).toBe(false);
    expect(isPingStale({ lastPingConfirmedAt: '2026-05-20T00:00:00Z' }, now)).toBe(true);
    expect(isPingStale({}, now)).toBe(true);
  });
  it('counts a just-published entry as confirmed at its publication time', () => {
    const old = { lastPingConfirmedAt: '2025-01-01T00:00:00Z' };
    expect(isPingStale({ ...old, updatedAt: '2026-11-24T11:00:00Z' }, now)).toBe(false);
    expect(isPingStale({ ...old, updatedAt: '2025-02-01T00:00:00Z' }, now)).toBe(true);
    expect(isPingStale({ updatedAt: '2026-10-01T00:00:00Z' }, now)).toBe(false);
  });
  it("counts this device's own entries as confirmed from its enrolment, and only those", () => {
    const own = { state: 'FRA', role: 'technical', enrolledAt: '2026-11-24T11:59:00Z' };
    const entry = { state: 'FRA', role: 'technical', updatedAt: '2024-05-01T00:00:00Z' };
    expect(isPingStale(entry, now)).toBe(true);
    expect(isPingStale(entry, now, own)).toBe(false);
    expect(isPingStale({ ...entry, role: 'diplomatic' }, now, own)).toBe(true);
    expect(isPingStale({ ...entry, state: 'DEU' }, now, own)).toBe(true);
    expect(confirmedAt(entry, own)).toBe(own.enrolledAt);
  });
  it('flags a directory not synced for more than the configured days', () => {
    expect(isDirectorySyncStale('2026-11-20T12:00:00Z', 14, now)).toBe(false);
    expect(isDirectorySyncStale('2026-11-01T12:00:00Z', 14, now)).toBe(true);
    expect(isDirectorySyncStale(undefined, 14, now)).toBe(true);
  });
});

describe('fingerprint grouping', () => {
  it('groups a v4 fingerprint in two lines of five blocks of four', () => {
    expect(fingerprintGroups('EA525DB764B2CDFD6158CAACF3B8376BEFDF1730')).toEqual([
      ['EA52', '5DB7', '64B2', 'CDFD', '6158'],
      ['CAAC', 'F3B8', '376B', 'EFDF', '1730'],
    ]);
  });
});
