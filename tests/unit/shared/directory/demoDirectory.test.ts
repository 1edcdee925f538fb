import * as openpgp from 'openpgp';
import { describe, expect, it } from 'vitest';
import { generateDemoDirectory } from '../../../../shared/directory/demo/generateDemoDirectory';
import { englishParallelTo } from '../../../../shared/directory/demo/englishVocabulary';
import { VOCABULARY } from '../../../../shared/directory/demo/vocabulary';
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

  it('translates each entry into English naming the same institution, title and hours (issue 11)', () => {
    const pairs = new Map([
      ['Agence de sécurité des systèmes numériques', 'Digital Systems Security Agency'],
      [
        'Centre national de réponse aux incidents informatiques',
        'National Centre for Computer Incident Response',
      ],
      [
        'Direction des affaires numériques et de la sécurité internationale',
        'Directorate for Digital Affairs and International Security',
      ],
      ['Bureau de l’ambassadeur pour le numérique', 'Office of the Ambassador for Digital Affairs'],
      [
        'Национальный центр реагирования на компьютерные инциденты',
        'National Computer Incident Response Centre',
      ],
      ['المركز الوطني للأمن السيبراني', 'National Cyber Security Centre'],
      ['外交部网络事务办公室', 'Office of Cyber Affairs, Ministry of Foreign Affairs'],
    ]);
    const translated = demo.filter((e) => e.english);
    let checked = 0;
    for (const entry of translated) {
      const vocabulary = VOCABULARY[entry.language];
      const english = englishParallelTo(entry.language);
      const original = entry.text.entity.replace(` ${vocabulary.marker}`, '');
      const list = entry.role === 'technical' ? 'technical' : 'diplomatic';
      const index = vocabulary[list].indexOf(original);
      expect(index, entry.text.entity).toBeGreaterThanOrEqual(0);
      expect(entry.english?.entity, entry.text.entity).toBe(`${english[list][index]} ${english.marker}`);
      const hours = vocabulary.officeHours.indexOf(entry.text.officeHours ?? '');
      expect(entry.english?.officeHours).toBe(english.officeHours[hours]);
      const expected = pairs.get(original);
      if (expected) {
        expect(entry.english?.entity).toBe(`${expected} (fictional demo)`);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5);
    for (const language of ['fr', 'es', 'ru', 'zh', 'ar'] as const) {
      const english = englishParallelTo(language);
      for (const list of [
        'technical',
        'diplomatic',
        'technicalTitles',
        'diplomaticTitles',
        'officeHours',
      ] as const)
        expect(english[list].length, `${language} ${list}`).toBe(VOCABULARY[language][list].length);
    }
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
