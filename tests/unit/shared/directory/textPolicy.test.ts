import { describe, expect, it } from 'vitest';
import { checkEntryText, normaliseEntryText } from '../../../../shared/directory/textPolicy';

describe('directory text policy', () => {
  it.each([
    ['\u202Eevil', 'bidi-control', 'U+202E'],
    ['a\u202Ab', 'bidi-control', 'U+202A'],
    ['a\u0000b', 'control-character', 'U+0000'],
    ['a\u0085b', 'control-character', 'U+0085'],
    ['a\u007Fb', 'control-character', 'U+007F'],
    ['a\nb', 'control-character', 'U+000A'],
    ['a\uD800b', 'lone-surrogate', 'U+D800'],
    ['a\uDC00', 'lone-surrogate', 'U+DC00'],
    ['a\uFDD0', 'noncharacter', 'U+FDD0'],
    ['a\uFFFF', 'noncharacter', 'U+FFFF'],
    ['a\u{1FFFE}', 'noncharacter', 'U+1FFFE'],
    ['Cafe\u0301', 'not-normalised', 'U+0065'],
  ])('refuses %j as %s', (text, code, codePoint) => {
    expect(checkEntryText(text)).toMatchObject({ code, codePoint });
  });

  it('allows tab and newline only in multi-line fields', () => {
    expect(checkEntryText('Mon–Fri\n09:00–17:00\t(UTC+1)', { multiline: true })).toBeUndefined();
    expect(checkEntryText('line\r\nbreak', { multiline: true })).toBeUndefined();
    expect(checkEntryText('a\tb')?.code).toBe('control-character');
  });

  it('keeps isolates, directional marks and astral characters', () => {
    expect(checkEntryText('\u2067وزارة الخارجية\u2069 (MFA)\u200E \u200F 𠀀 😀')).toBeUndefined();
  });

  it('points at the first offending character', () => {
    expect(checkEntryText('ok\u202Dx\u0000')?.index).toBe(2);
  });

  it('normalises to NFC so a typed decomposed accent passes', () => {
    const typed = 'Cafe\u0301';
    expect(checkEntryText(normaliseEntryText(typed))).toBeUndefined();
    expect(normaliseEntryText(typed)).toBe('Café');
  });
});
