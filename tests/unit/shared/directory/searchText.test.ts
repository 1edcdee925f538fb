import { describe, expect, it } from 'vitest';
import { foldForSearch, searchTokens } from '../../../../shared/directory/searchText';

describe('search folding', () => {
  it('ignores case and Latin diacritics', () => {
    expect(searchTokens('Côte d’Ivoire')).toEqual(searchTokens('cote d ivoire', true));
    expect(foldForSearch('Türkiye')).toBe('turkiye');
    expect(foldForSearch('ÉLODIE Straße Łódź Ærø')).toBe('elodie strasse lodz aero');
  });

  it('folds Cyrillic ё and case', () => {
    expect(foldForSearch('Белозёрова')).toBe(foldForSearch('БЕЛОЗЕРОВА'));
  });

  it('drops Arabic harakat, shadda and tatweel and unifies alef forms', () => {
    expect(foldForSearch('مُحَمَّد')).toBe('محمد');
    expect(foldForSearch('نــور')).toBe('نور');
    expect(foldForSearch('أحمد إبراهيم آمنة ٱلله')).toBe('احمد ابراهيم امنه الله');
    expect(foldForSearch('مصطفى')).toBe('مصطفي');
    expect(foldForSearch('٠١٢٣')).toBe('0123');
  });

  it('finds an Arabic word without its definite article', () => {
    expect(searchTokens('الحدّاد')).toContain('حداد');
  });

  it('splits Chinese into characters and bigrams, and a query into bigrams', () => {
    expect(searchTokens('应急中心')).toEqual(['应', '应急', '急', '急中', '中', '中心', '心']);
    expect(searchTokens('应急中心', true)).toEqual(['应急', '急中', '中心']);
    expect(searchTokens('应', true)).toEqual(['应']);
    expect(searchTokens('CERT中心')).toEqual(['cert', '中', '中心', '心']);
  });

  it('joins digit groups of telephone numbers and folds full-width forms', () => {
    expect(searchTokens('+33 (0)6 12-34.56 78')).toEqual(['330612345678']);
    expect(foldForSearch('ＣＥＲＴ')).toBe('cert');
  });
});
