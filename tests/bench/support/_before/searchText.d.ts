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
/** Folds one string for matching: the same function runs over entries and over what the user types. */
export declare function foldForSearch(text: string): string;
/** Tokens of a text as indexed (forQuery=false) or as searched (forQuery=true). */
export declare function searchTokens(text: string, forQuery?: boolean): string[];
