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
 *   "+33 6 12" and "+33612…" meet; a stored number is also indexed by every run of its last
 *   4 or more digits (`appendPhoneTokens`), so a caller ID without country code finds it.
 */

/** Characters that are not "letter + mark" in Unicode, mapped in one pass (Latin letters, Arabic letter forms, digits). */
const MAPPED: Record<string, string> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ı: 'i',
  þ: 'th',
  ð: 'd',
  ħ: 'h',
  ٱ: 'ا',
  ى: 'ي',
  ة: 'ه',
  ی: 'ي',
  ک: 'ك',
};
for (let digit = 0; digit < 10; digit++) {
  MAPPED[String.fromCharCode(0x0660 + digit)] = String(digit); // Arabic-Indic
  MAPPED[String.fromCharCode(0x06f0 + digit)] = String(digit); // Extended Arabic-Indic (Persian)
}
const MAPPED_CHARS = /[ßæœøłđıþðħٱىةیک\u0660-\u0669\u06f0-\u06f9]/g;
/** Combining marks (diacritics, harakat) and the Arabic tatweel: dropped. */
const MARKS = /[\p{M}\u0640]+/gu;

/** Anything but printable ASCII and ordinary whitespace sends a string down the full folding path. */
const NON_ASCII = /[^\t\n\r -~]/;
const DIGIT_GROUPS = /(\d)[\s().\-–]+(?=\d)/g;

/** Folds one string for matching: the same function runs over entries and over what the user types. */
export function foldForSearch(text: string): string {
  // Fast path for plain ASCII (most e-mails, phones, English text): nothing to decompose or map.
  if (!NON_ASCII.test(text)) return text.toLowerCase().replace(DIGIT_GROUPS, '$1');
  // One pass per kind of work (decompose, lower-case, drop marks, map the rest) instead of one per
  // character class: the directory's 10,000-entry load folds every text field of every entry.
  return text
    .normalize('NFKD')
    .toLowerCase()
    .replace(MARKS, '')
    .replace(MAPPED_CHARS, (c) => MAPPED[c] ?? c)
    .replace(DIGIT_GROUPS, '$1');
}

const HAN = /\p{Script=Han}/u;
const NON_WORD = /[^\p{L}\p{N}]+/u;

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

function pushWord(word: string, out: string[], forQuery: boolean): void {
  out.push(word);
  // Arabic definite article: "الحداد" is also found by "حداد".
  if (!forQuery && word.length > 4 && word.startsWith('ال')) out.push(word.slice(2));
}

/** Splits a mixed word into Han runs and other runs ("cert中心" → "cert", 中心). */
function splitScripts(word: string, out: string[], forQuery: boolean): void {
  if (!HAN.test(word)) {
    pushWord(word, out, forQuery);
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

/**
 * Appends the tokens of a text to `out`, as indexed (forQuery=false) or as searched (forQuery=true).
 * Words are the maximal runs of letters and digits (Unicode L and N) of the folded text; only a text
 * that contains Han is split by script. (A hand-written scan with slice() was faster still, but
 * left Chromium's heap at ~150 MB right after a GC on the 10,000-entry load instead of ~54 MB, so
 * split() it is; tests/bench/directory.bench.ts measures both figures.)
 */
export function appendSearchTokens(text: string, out: string[], forQuery = false): void {
  const folded = foldForSearch(text);
  const hasHan = HAN.test(folded);
  for (const word of folded.split(NON_WORD)) {
    if (word === '') continue;
    if (hasHan) splitScripts(word, out, forQuery);
    else pushWord(word, out, forQuery);
  }
}

/** Tokens of a text as indexed (forQuery=false) or as searched (forQuery=true). */
export function searchTokens(text: string, forQuery = false): string[] {
  const out: string[] = [];
  appendSearchTokens(text, out, forQuery);
  return out;
}

/** Marks the index words that are a number's inner digit runs, so only a query of ≥ 4 digits meets them. */
export const PHONE_RUN_MARK = '~';
/** The shortest digit run that finds a number from its middle: fewer digits would match nearly every number. */
export const PHONE_RUN_MIN = 4;

/**
 * The index words of one stored E.164 number: its digits (found by any prefix: "+33 6…", "336…"),
 * and, marked, each of its suffixes of at least 4 digits. A query that is any run of ≥ 4 digits of
 * the number is a prefix of one of those suffixes: "612345705", "2345705" and "1234" all find
 * +33 6 12 34 57 05 (phone.ts turns "06 12 34 57 05" into such a run by dropping the trunk "0").
 */
export function appendPhoneTokens(e164: string, out: string[]): void {
  const digits = e164.replace(/\D/g, '');
  if (!digits) return;
  out.push(digits);
  for (let start = 1; digits.length - start >= PHONE_RUN_MIN; start++)
    out.push(PHONE_RUN_MARK + digits.slice(start));
}
