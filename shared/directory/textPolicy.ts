/**
 * What text may enter the directory. Entry text is shown to diplomats of every State, so characters
 * that can disguise what a reader sees are refused, not silently removed: the author must see and
 * fix them (the registry stores the exact signed bytes, so it cannot rewrite them either).
 *
 * Refused: bidirectional embeddings and overrides (U+202A–U+202E), which can reorder what is shown;
 * NUL and every other C0/C1 control (tab and newline only where a field allows several lines);
 * lone surrogates; Unicode non-characters (U+FDD0–U+FDEF and every U+xxFFFE/U+xxFFFF).
 * Kept: the isolates U+2066–U+2069 and the marks U+200E/U+200F, which mixed Arabic/Latin names need.
 * Text is expected in NFC: `normaliseEntryText` produces it, `checkEntryText` refuses anything else.
 */

export const TEXT_POLICY_CODES = [
  'bidi-control',
  'control-character',
  'lone-surrogate',
  'noncharacter',
  'not-normalised',
] as const;
export type TextPolicyCode = (typeof TEXT_POLICY_CODES)[number];

export interface TextPolicyViolation {
  code: TextPolicyCode;
  /** Index (in UTF-16 code units) of the first offending character, for pointing at it in a form. */
  index: number;
  /** The offending code point as U+XXXX, safe to show (never the raw character). */
  codePoint: string;
}

export interface TextPolicyOptions {
  /** Whether tab and line breaks are allowed (notes, office hours). */
  multiline?: boolean;
}

function hex(codePoint: number): string {
  return `U+${codePoint.toString(16).toUpperCase().padStart(4, '0')}`;
}

function classify(codePoint: number, multiline: boolean): TextPolicyCode | undefined {
  if (codePoint >= 0x202a && codePoint <= 0x202e) return 'bidi-control';
  if (codePoint === 0x09 || codePoint === 0x0a || codePoint === 0x0d)
    return multiline ? undefined : 'control-character';
  if (codePoint <= 0x1f || (codePoint >= 0x7f && codePoint <= 0x9f)) return 'control-character';
  if (codePoint >= 0xd800 && codePoint <= 0xdfff) return 'lone-surrogate';
  if (codePoint >= 0xfdd0 && codePoint <= 0xfdef) return 'noncharacter';
  if ((codePoint & 0xfffe) === 0xfffe) return 'noncharacter';
  return undefined;
}

/** The first character the policy refuses, or undefined when the text may enter the directory. */
export function checkEntryText(
  value: string,
  options: TextPolicyOptions = {},
): TextPolicyViolation | undefined {
  const multiline = options.multiline ?? false;
  for (let index = 0; index < value.length;) {
    // codePointAt pairs a valid surrogate pair; a lone surrogate comes back as itself.
    const codePoint = value.codePointAt(index) ?? 0;
    const code = classify(codePoint, multiline);
    if (code) return { code, index, codePoint: hex(codePoint) };
    index += codePoint > 0xffff ? 2 : 1;
  }
  if (value.normalize('NFC') !== value) {
    let index = 0;
    const normalised = value.normalize('NFC');
    while (index < value.length && value[index] === normalised[index]) index += 1;
    return { code: 'not-normalised', index, codePoint: hex(value.codePointAt(index) ?? 0) };
  }
  return undefined;
}

/** NFC form of what the user typed; the policy is then checked on that form. */
export function normaliseEntryText(value: string): string {
  return value.normalize('NFC');
}

/** The fields of an entry's text that may hold several lines. */
export const MULTILINE_ENTRY_FIELDS: ReadonlySet<string> = new Set(['officeHours', 'notes']);
