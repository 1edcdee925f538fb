/**
 * Search normalisation for the six UN languages' scripts, so that what a POC types finds what an
 * entry says however either was written:
 * - every script: Unicode compatibility forms folded (NFKD: full-width Latin, ligatures), case folded,
 *   combining marks dropped (Latin/Cyrillic diacritics: Côte → cote, Türkiye → turkiye, ё → е);
 * - Latin letters that are not "letter + mark" in Unicode: ß ss, æ ae, œ oe, ø o, ł l, đ d, ı i, þ th;
 * - Arabic: harakat and other marks dropped (a mark in Unicode), tatweel dropped, alef forms (أ إ آ ٱ)
 *   to ا, ى to ي, ة to ه, hamza carriers to their base letter; Arabic-Indic digits to 0–9;
 * - Chinese: no word spaces, so runs of Han characters are indexed as single characters and
 *   bigrams (a query is split the same way);
 * - telephone numbers: digit groups separated by spaces, dots, dashes or brackets are joined, so
 *   "+33 6 12" and "+33612…" meet.
 */

const LATIN_SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', ı: 'i', þ: 'th', ð: 'd', ħ: 'h' };
const ARABIC_LETTERS: Record<string, string> = { ٱ: 'ا', ى: 'ي', ة: 'ه', ی: 'ي', ک: 'ك' };
const ARABIC_INDIC_ZERO = 0x0660;
const PERSIAN_ZERO = 0x06f0;

/** Anything but printable ASCII and ordinary whitespace sends a string down the full folding path. */
const NON_ASCII = /[^\t\n\r -~]/;
const DIGIT_GROUPS = /(\d)[\s().\-–]+(?=\d)/g;

/** Folds one string for matching: the same function runs over entries and over what the user types. */
export function foldForSearch(text: string): string {
  // Fast path for plain ASCII (most e-mails, phones, English text): nothing to decompose or map.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(DIGIT_GROUPS, '$1');
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(/\p{M}+/gu, '')
    .replace(/\u0640/g, '') // tatweel
    .replace(/[ßæœøłđıþðħ]/g, (c) => LATIN_SPECIAL[c] ?? c)
    .replace(/[ٱىةیک]/g, (c) => ARABIC_LETTERS[c] ?? c)
    .replace(/[\u0660-\u0669]/g, (c) => String(c.charCodeAt(0) - ARABIC_INDIC_ZERO))
    .replace(/[\u06f0-\u06f9]/g, (c) => String(c.charCodeAt(0) - PERSIAN_ZERO))
    .replace(DIGIT_GROUPS, '$1');
}

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]+/gu;

/** Splits a run of Han characters into single characters and bigrams. */
function hanTokens(run: string, out: string[], forQuery: boolean): void {
  const chars = [...run];
  if (forQuery) {
    // A query "应急技" must match entries containing it: bigrams (or the one character) all required.
    if (chars.length === 1) out.push(run);
    for (let i = 0; i + 1 < chars.length; i++) out.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
    return;
  }
  for (let i = 0; i < chars.length; i++) {
    out.push(chars[i] ?? '');
    if (i + 1 < chars.length) out.push(`${chars[i] ?? ''}${chars[i + 1] ?? ''}`);
  }
}

/** Splits a mixed word into Han runs and other runs ("cert中心" → "cert", 中心). */
function splitScripts(word: string, out: string[], forQuery: boolean): void {
  if (!HAN.test(word)) {
    out.push(word);
    // Arabic definite article: "الحداد" is also found by "حداد".
    if (!forQuery && word.startsWith('ال') && word.length > 4) out.push(word.slice(2));
    return;
  }
  let run = '';
  let runIsHan = false;
  const flush = () => {
    if (!run) return;
    if (runIsHan) hanTokens(run, out, forQuery);
    else out.push(run);
    run = '';
  };
  for (const char of word) {
    const isHan = HAN.test(char);
    if (isHan !== runIsHan) flush();
    runIsHan = isHan;
    run += char;
  }
  flush();
}

/** Tokens of a text as indexed (forQuery=false) or as searched (forQuery=true). */
export function searchTokens(text: string, forQuery = false): string[] {
  const out: string[] = [];
  for (const match of foldForSearch(text).matchAll(WORD)) splitScripts(match[0], out, forQuery);
  return out;
}
