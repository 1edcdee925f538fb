import { describe, expect, it } from 'vitest';
import { stateName, stateSearchText, UNKNOWN_STATE } from '../../../../shared/directory/stateNames';
import { UN_LANGUAGES } from '../../../../shared/i18n/languages';
import { DIRECTORY_STATES, findState } from '../../../../shared/directory/states';

describe('directory States', () => {
  it('lists the 193 Member States and the 2 observer States, once each', () => {
    expect(DIRECTORY_STATES).toHaveLength(195);
    expect(new Set(DIRECTORY_STATES.map((s) => s.code)).size).toBe(195);
    expect(new Set(DIRECTORY_STATES.map((s) => s.alpha2)).size).toBe(195);
    expect(
      DIRECTORY_STATES.filter((s) => s.observer)
        .map((s) => s.code)
        .sort(),
    ).toEqual(['PSE', 'VAT']);
    for (const s of DIRECTORY_STATES) expect(s.code).toMatch(/^[A-Z]{3}$/);
  });

  it('puts States in their UN regional groups', () => {
    const count = (g: string) => DIRECTORY_STATES.filter((s) => s.group === g && !s.observer).length;
    expect(count('african')).toBe(54);
    expect(count('easternEuropean')).toBe(23);
    expect(count('latinAmericanCaribbean')).toBe(33);
    expect(findState('FRA')?.group).toBe('westernEuropeanOthers');
    expect(findState('CHN')?.group).toBe('asiaPacific');
  });

  it('names every State by its UN short name in each of the six languages', () => {
    for (const s of DIRECTORY_STATES) {
      for (const language of UN_LANGUAGES) {
        const name = stateName(s.code, language);
        expect(name, `${s.code} in ${language}`).not.toBe(s.code);
        expect(name.trim(), `${s.code} in ${language}`).toBe(name);
        // No CLDR-style shorthands ("Congo - Brazzaville", "St. Lucia", "Bosnia & Herzegovina").
        expect(name, `${s.code} in ${language}`).not.toMatch(/ - [A-Z]|&|\bSt\.|（/);
      }
    }
    // Names unique within a language: two States never read the same.
    for (const language of UN_LANGUAGES) {
      expect(new Set(DIRECTORY_STATES.map((s) => stateName(s.code, language))).size, language).toBe(195);
    }
  });

  it('names an unspecified State in words in every language, never by its placeholder code', () => {
    for (const language of UN_LANGUAGES) {
      const name = stateName(UNKNOWN_STATE, language);
      expect(name).not.toContain(UNKNOWN_STATE);
      expect(name.length).toBeGreaterThan(3);
    }
    expect(stateName(UNKNOWN_STATE, 'fr')).toBe('État non précisé');
  });

  it('uses the names the UN uses, not the everyday ones', () => {
    expect(stateName('RUS', 'en')).toBe('Russian Federation');
    expect(stateName('PRK', 'en')).toBe("Democratic People's Republic of Korea");
    expect(stateName('COG', 'en')).toBe('Congo');
    expect(stateName('COD', 'en')).toBe('Democratic Republic of the Congo');
    expect(stateName('VAT', 'en')).toBe('Holy See');
    expect(stateName('TUR', 'en')).toBe('Türkiye');
    expect(stateName('MDA', 'en')).toBe('Republic of Moldova');
    expect(stateName('BOL', 'en')).toBe('Bolivia (Plurinational State of)');
    expect(stateName('IRN', 'en')).toBe('Iran (Islamic Republic of)');
    expect(stateName('PSE', 'en')).toBe('State of Palestine');
    expect(stateName('RUS', 'fr')).toBe('Fédération de Russie');
    expect(stateName('VAT', 'es')).toBe('Santa Sede');
    expect(stateName('RUS', 'ru')).toBe('Российская Федерация');
    expect(stateName('SYR', 'ar')).toBe('الجمهورية العربية السورية');
    expect(stateName('KOR', 'zh')).toBe('大韩民国');
    expect(stateName('CIV', 'zh')).toBe('科特迪瓦');
    // A regional variant of a UI language reads the same names.
    expect(stateName('RUS', 'fr-CH')).toBe('Fédération de Russie');
  });

  it('finds a State by its UN name and by its everyday name in any language', () => {
    const text = stateSearchText('TUR');
    expect(text).toContain('Türkiye');
    expect(text).toContain('Турция');
    expect(stateSearchText('RUS')).toContain('Russia ');
    expect(stateSearchText('PRK')).toContain('North Korea');
  });
});
