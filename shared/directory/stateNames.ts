import { UN_LANGUAGES, type UnLanguage } from '../i18n/languages';
import { DIRECTORY_STATES, findState } from './states';

/**
 * State names come from the platform's CLDR data (Intl.DisplayNames) in the UI language, never from
 * our own lists, so every language reads the names its speakers expect ("Türkiye", "Côte d’Ivoire",
 * "科特迪瓦"). The ISO code is shown when the platform does not know a name.
 */
const displayNames = new Map<string, Intl.DisplayNames>();

function displayNamesFor(language: string): Intl.DisplayNames {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  return names;
}

export function stateName(code: string, language: string): string {
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
    text = [code, state?.alpha2 ?? '', ...UN_LANGUAGES.map((language: UnLanguage) => stateName(code, language))].join(' ');
    allNamesCache.set(code, text);
  }
  return text;
}

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

/** Compares State codes by their name in a language (for sorted lists). */
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
