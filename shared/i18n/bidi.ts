import type { TextDirection } from './languages';

/**
 * Values put into a translated sentence (a name, a team, an address, a file name) are isolated
 * from it with FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE (UAX #9, the marks W3C recommends for
 * inserted text): each value then takes its own direction from its first letter and does not pull
 * the sentence's punctuation or numbers into its own. Without them an Arabic sentence shows the
 * phone number "+33 1 23 45 67 89" as "89 67 45 23 1 33+", "24/7 Example Watch" as "Example Watch
 * 24/7" and "Example Corp." as ".Example Corp"; an English sentence quoting an Arabic name that ends
 * in a digit or a full stop is broken the same way the other way round.
 *
 * Only where it matters: every value in a right-to-left sentence, and in a left-to-right sentence
 * only a value holding right-to-left letters (a Latin name in an English sentence reads the same
 * with or without the marks). Numbers are left alone: the algorithm already keeps them whole.
 */
export const FSI = '\u2068';
export const PDI = '\u2069';

/** Letters of the scripts written right to left (strong R and AL characters). */
export const RTL_LETTER = /[\p{Script=Arabic}\p{Script=Hebrew}\p{Script=Syriac}\p{Script=Thaana}]/u;

/** LRI, RLI, FSI or PDI: invisible, never drawn, never measured. */
export function isIsolateMark(char: string | undefined): boolean {
  return char !== undefined && char >= '\u2066' && char <= PDI;
}

export function isolateValue(value: unknown, sentence: TextDirection): unknown {
  if (typeof value !== 'string' || value === '' || value.startsWith(FSI)) return value;
  if (sentence === 'ltr' && !RTL_LETTER.test(value)) return value;
  return `${FSI}${value}${PDI}`;
}
