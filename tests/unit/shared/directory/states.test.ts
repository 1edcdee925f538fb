import { describe, expect, it } from 'vitest';
import { stateName, stateSearchText } from '../../../../shared/directory/stateNames';
import { DIRECTORY_STATES, findState } from '../../../../shared/directory/states';

describe('directory States', () => {
  it('lists the 193 Member States and the 2 observer States, once each', () => {
    expect(DIRECTORY_STATES).toHaveLength(195);
    expect(new Set(DIRECTORY_STATES.map((s) => s.code)).size).toBe(195);
    expect(new Set(DIRECTORY_STATES.map((s) => s.alpha2)).size).toBe(195);
    expect(DIRECTORY_STATES.filter((s) => s.observer).map((s) => s.code).sort()).toEqual(['PSE', 'VAT']);
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

  it('names every State in the six UN languages from the platform', () => {
    for (const s of DIRECTORY_STATES) {
      for (const language of ['ar', 'zh', 'en', 'fr', 'ru', 'es']) expect(stateName(s.code, language)).not.toBe(s.code);
    }
    expect(stateName('CIV', 'fr')).toMatch(/^Côte d.Ivoire$/);
    expect(stateName('CIV', 'zh')).toBe('科特迪瓦');
    expect(stateSearchText('TUR')).toContain('Турция');
  });
});
