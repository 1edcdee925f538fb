import unStateNames from '../../resources/states/un-state-names.json' with { type: 'json' };
import { UN_LANGUAGES, isUnLanguage, type UnLanguage } from '../i18n/languages';
import { DIRECTORY_STATES, findState } from './states';

/**
 * State names are the UN's own short names in the six official languages ("Russian Federation",
 * "Democratic People's Republic of Korea", "Congo", "Holy See", "Türkiye", "Bolivia (Plurinational
 * State of)"), from resources/states/un-state-names.json (source: UNTERM, see README). CLDR's forms
 * ("Russia", "Congo - Brazzaville", "Vatican City") are not how the UN or a ministry names a State.
 * A UI language outside the six falls back to the platform's CLDR name, then to the code.
 */
type UnNames = Record<UnLanguage, string>;
const UN_NAMES: Readonly<Record<string, UnNames | undefined>> = unStateNames.states satisfies Record<
  string,
  UnNames
>;

const displayNames = new Map<string, Intl.DisplayNames>();

function displayNamesFor(language: string): Intl.DisplayNames {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  return names;
}

/**
 * The code a case carries when the user did not name the other State (ISO 3166-1 reserves "ZZZ" for
 * user-assigned use; here it means "unknown"). It is never shown as a code.
 */
export const UNKNOWN_STATE = 'ZZZ';
const UNKNOWN_STATE_NAMES: UnNames = {
  ar: 'دولة غير محددة',
  en: 'State not specified',
  es: 'Estado no especificado',
  fr: 'État non précisé',
  ru: 'государство не указано',
  zh: '未指明国家',
};

/** The UN short name of a State in a UI language ("fr", "fr-CH" and "fr_FR" read the same names). */
export function stateName(code: string, language: string): string {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
  if (code === UNKNOWN_STATE) return UNKNOWN_STATE_NAMES[isUnLanguage(base) ? base : 'en'];
  const unName = isUnLanguage(base) ? UN_NAMES[code]?.[base] : undefined;
  if (unName) return unName;
  const state = findState(code);
  if (!state) return code;
  return displayNamesFor(language).of(state.alpha2) ?? code;
}

const allNamesCache = new Map<string, string>();

/** The State's names in the six UN languages plus its codes, one string: what search matches a State by. */
export function stateSearchText(code: string): string {
  let text = allNamesCache.get(code);
  if (text === undefined) {
    const state = findState(code);
    // The UN names plus the everyday CLDR ones, so "Russia", "Turkey" or "North Korea" still find the State.
    const unNames = UN_LANGUAGES.map((language: UnLanguage) => stateName(code, language));
    const everyday = state
      ? UN_LANGUAGES.map((language) => displayNamesFor(language).of(state.alpha2) ?? '')
      : [];
    text = [code, state?.alpha2 ?? '', ...unNames, ...everyday].join(' ');
    allNamesCache.set(code, text);
  }
  return text;
}

/** Compares State codes by their name in a language (for sorted lists). */
/**
 * One collator per language, made once: creating an Intl.Collator costs far more than a comparison,
 * and a sort of 10,000 entries that made one per comparison took seconds (issue 14).
 */
const collators = new Map<string, Intl.Collator>();

function collatorFor(language: string): Intl.Collator {
  let collator = collators.get(language);
  if (!collator) {
    collator = new Intl.Collator(language);
    collators.set(language, collator);
  }
  return collator;
}

export function compareStatesByName(language: string): (a: string, b: string) => number {
  const collator = collatorFor(language);
  return (a, b) => collator.compare(stateName(a, language), stateName(b, language));
}

const ranks = new Map<string, ReadonlyMap<string, number>>();

/**
 * Every State's place in the list sorted by name in a language (computed once per language), so
 * that sorting thousands of entries by State compares numbers, not names.
 */
export function stateRanks(language: string): ReadonlyMap<string, number> {
  let rank = ranks.get(language);
  if (!rank) {
    const sorted = DIRECTORY_STATES.map((state) => state.code).sort(compareStatesByName(language));
    rank = new Map(sorted.map((code, i) => [code, i]));
    ranks.set(language, rank);
  }
  return rank;
}
