import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { generateDemoDirectory } from '../../../../shared/directory/demo/generateDemoDirectory';
import { PointOfContactSchema } from '../../../../shared/directory/model';
import { DIRECTORY_STATES } from '../../../../shared/directory/states';

const NOW = new Date('2026-11-24T00:00:00Z');
const demo = generateDemoDirectory({ seed: 7, now: NOW });

describe('fictional demo directory', () => {
  it('covers every State with 1 to 6 POCs, and both roles wherever a State has two or more', () => {
    for (const state of DIRECTORY_STATES) {
      const mine = demo.filter((e) => e.state === state.code);
      expect(mine.length, state.code).toBeGreaterThanOrEqual(1);
      expect(mine.length, state.code).toBeLessThanOrEqual(6);
      if (mine.length >= 2) expect(new Set(mine.map((e) => e.role)).size, state.code).toBe(2);
    }
  });

  it('is valid, written in all six UN languages, some with English translations', () => {
    for (const entry of demo) expect(PointOfContactSchema.safeParse(entry).success).toBe(true);
    expect(new Set(demo.map((e) => e.language))).toEqual(new Set(['ar', 'zh', 'en', 'fr', 'ru', 'es']));
    expect(demo.filter((e) => e.english).length).toBeGreaterThan(20);
    expect(demo.some((e) => e.language !== 'en' && !e.english)).toBe(true);
  });

  it('is marked fictional and uses only example domains', () => {
    for (const entry of demo) {
      for (const email of entry.emails) expect(email).toMatch(/@[a-z0-9.-]+\.example$/);
      expect(entry.text.entity).toMatch(/fictional|fictive|ficticia|вымышлен|وهمي|虚构/);
      expect(entry.id).toMatch(/^demo-/);
    }
  });

  it('carries real OpenPGP public keys whose fingerprints match', async () => {
    const keyed = demo.filter((e) => e.openpgp).slice(0, 5);
    expect(keyed.length).toBe(5);
    for (const entry of keyed) {
      const key = await openpgp.readKey({ armoredKey: entry.openpgp!.publicKey });
      expect(key.isPrivate()).toBe(false);
      expect(key.getFingerprint().toUpperCase()).toBe(entry.openpgp!.fingerprint);
    }
  });

  it('is deterministic for a seed and gives some stale and some fresh entries', () => {
    expect(generateDemoDirectory({ seed: 7, now: NOW })).toEqual(demo);
    expect(generateDemoDirectory({ seed: 8, now: NOW })).not.toEqual(demo);
    const sixMonthsAgo = new Date('2026-05-24T00:00:00Z').toISOString();
    expect(demo.some((e) => !e.lastPingConfirmedAt || e.lastPingConfirmedAt < sixMonthsAgo)).toBe(true);
    expect(demo.some((e) => e.lastPingConfirmedAt && e.lastPingConfirmedAt > sixMonthsAgo)).toBe(true);
  });

  it('makes a 10,000-entry set over every State with unique ids', () => {
    const big = generateDemoDirectory({ seed: 1, size: 10_000, now: NOW });
    expect(big).toHaveLength(10_000);
    expect(new Set(big.map((e) => e.id)).size).toBe(10_000);
    expect(new Set(big.map((e) => e.state)).size).toBe(195);
  });
});
