import { describe, expect, it } from 'vitest';
import {
  dateTimeInputExample,
  formatDateTimeInput,
  parseDateTimeInput,
} from '../../../../shared/i18n/dateInput';
import {
  formatCountdown,
  formatList,
  languageNamer,
  formatDateTime,
  formatNumber,
  formatRelative,
  formatTime,
  utcTitle,
} from '../../../../shared/i18n/formats';
import { UN_LANGUAGES } from '../../../../shared/i18n/languages';

const AT = '2026-12-01T13:36:00Z';
const ARABIC_INDIC = /[\u0660-\u0669]/;

describe('dates and times in the UI language', () => {
  it('writes 24-hour times where the language does, 12-hour in English, always with the zone', () => {
    expect(formatDateTime(AT, 'en', 'Europe/Paris')).toMatch(/Dec 1, 2026.*2:36\sPM GMT\+1/);
    expect(formatDateTime(AT, 'fr', 'Europe/Paris')).toMatch(/1 déc\. 2026.*14:36 UTC\+1/);
    expect(formatDateTime(AT, 'es', 'Europe/Paris')).toMatch(/1 dic 2026.*14:36 CET/);
    expect(formatDateTime(AT, 'ru', 'Europe/Paris')).toMatch(/1 дек\. 2026.*14:36 GMT\+1/);
    expect(formatDateTime(AT, 'zh', 'Europe/Paris')).toMatch(/2026年12月1日.*14:36/);
    expect(formatDateTime(AT, 'ar', 'Europe/Paris')).toMatch(/ديسمبر/);
    for (const language of ['fr', 'es', 'ru', 'zh'])
      expect(formatDateTime(AT, language, 'UTC')).not.toMatch(/AM|PM|上午|下午/);
  });

  it('uses Arabic-Indic digits only where the locale calls for them', () => {
    for (const language of UN_LANGUAGES) {
      const usesArab = new Intl.NumberFormat(language).resolvedOptions().numberingSystem === 'arab';
      expect(ARABIC_INDIC.test(formatDateTime(AT, language, 'UTC')), language).toBe(usesArab);
    }
    expect(formatDateTime(AT, 'ar-EG', 'UTC')).toMatch(ARABIC_INDIC);
    expect(formatNumber(1234.5, 'ar-EG')).toMatch(ARABIC_INDIC);
  });

  it('gives the UTC form for a hover title, and times of day with their zone', () => {
    expect(utcTitle(AT, 'en')).toMatch(/1:36\sPM UTC/);
    expect(utcTitle(AT, 'fr')).toMatch(/13:36 UTC/);
    expect(formatTime(AT, 'ru', 'Asia/Tokyo')).toMatch(/22:36 GMT\+9/);
    expect(formatDateTime('not a date', 'en')).toBe('—');
  });

  it('writes numbers, relative times and countdowns in each language', () => {
    expect(formatNumber(1234567.5, 'en')).toBe('1,234,567.5');
    expect(formatNumber(1234567.5, 'fr')).toMatch(/^1\s234\s567,5$/);
    expect(formatNumber(1234567.5, 'ru')).toMatch(/^1\s234\s567,5$/);
    const now = Date.parse(AT);
    expect(formatRelative(now - 5 * 60_000, 'en', now)).toBe('5 minutes ago');
    expect(formatRelative(now - 5 * 60_000, 'fr', now)).toBe('il y a 5 minutes');
    expect(formatRelative(now - 5 * 60_000, 'zh', now)).toBe('5分钟前');
    expect(formatRelative(now + 2 * 3_600_000, 'es', now)).toBe('dentro de 2 horas');
    expect(formatCountdown((47 * 60 + 5) * 60_000 + 30_000, 'en')).toBe('47 hr 05 min');
    expect(formatCountdown(-1000, 'fr')).toMatch(/^0\sh 00\smin$/);
    for (const language of UN_LANGUAGES) expect(formatCountdown(3_600_000, language)).not.toBe('');
  });
});

describe('date fields in the UI language', () => {
  it('shows the expected format in the order the language writes dates', () => {
    expect(dateTimeInputExample('en')).toBe('12/31/2026, 14:30');
    expect(dateTimeInputExample('fr')).toBe('31/12/2026 14:30');
    expect(dateTimeInputExample('ru')).toBe('31.12.2026, 14:30');
    expect(dateTimeInputExample('zh')).toBe('2026/12/31 14:30');
  });

  it('reads back what the user types, in every language, Arabic-Indic digits included', () => {
    for (const language of UN_LANGUAGES) {
      const shown = formatDateTimeInput('2026-03-04T09:05', language);
      expect(parseDateTimeInput(shown, language), language).toBe('2026-03-04T09:05');
    }
    expect(parseDateTimeInput('04/03/2026 09:05', 'fr')).toBe('2026-03-04T09:05');
    expect(parseDateTimeInput('03/04/2026 9:05', 'en')).toBe('2026-03-04T09:05');
    expect(parseDateTimeInput('٠٤/٠٣/٢٠٢٦ ٠٩:٠٥', 'ar')).toBe('2026-03-04T09:05');
    expect(parseDateTimeInput('4.3.2026', 'ru')).toBe('2026-03-04T00:00');
    expect(parseDateTimeInput('', 'en')).toBe('');
  });

  it('reads ISO 8601 as pasted from a log in every language, whatever the local order', () => {
    for (const language of UN_LANGUAGES) {
      expect(parseDateTimeInput('2026-03-04T09:05', language), language).toBe('2026-03-04T09:05');
      expect(parseDateTimeInput('2026-03-04', language), language).toBe('2026-03-04T00:00');
    }
    expect(parseDateTimeInput('2026-02-31T10:00', 'en')).toBeNull();
  });

  it('refuses dates that do not exist', () => {
    expect(parseDateTimeInput('31/02/2026 10:00', 'fr')).toBeNull();
    expect(parseDateTimeInput('01/01/2026 24:00', 'fr')).toBeNull();
    expect(parseDateTimeInput('01/01', 'fr')).toBeNull();
  });
});

describe('lists of languages on an entry', () => {
  it('separates the items in every UN language (a Chinese "unit" list once read 法语英语)', () => {
    const name = languageNamer('zh');
    expect(formatList(['fr', 'en'].map(name), 'zh')).toBe('法语和英语');
    expect(formatList(['A', 'B', 'C'], 'ru')).toBe('A, B и C');
    expect(formatList(['A', 'B'], 'ar')).toBe('A وB');
  });

  it('shows a tag the platform cannot name as written, instead of failing the page', () => {
    expect(languageNamer('en')('fr')).toBe('French');
    expect(languageNamer('en')('not a tag!')).toBe('not a tag!');
  });
});
