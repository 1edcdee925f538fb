import unStateNames from '../../resources/states/un-state-names.json' with { type: 'json' };
import { UN_LANGUAGES, isUnLanguage, type UnLanguage } from '../i18n/languages';
import { findState } from './states';

/**
 * State names are the UN's own short names in the six official languages ("Russian Federation",
 * "Democratic People's Republic of Korea", "Congo", "Holy See", "Türkiye", "Bolivia (Plurinational
 * State of)"), from resources/states/un-state-names.json (source: UNTERM, see README). CLDR's forms
 * ("Russia", "Congo - Brazzaville", "Vatican City") are not how the UN or a ministry names a State.
 * A UI language outside the six falls back to the platform's CLDR name, then to the code.
 */
type UnNames = Record<UnLanguage, string>;
const UN_NAMES: Readonly<Record<string, UnNames | undefined>> = unStateNames.states satisfies Record<string, UnNames>;

const displayNames = new Map<string, Intl.DisplayNames>();

function displayNamesFor(language: string): Intl.DisplayNames {
  let names = displayNames.get(language);
  if (!names) {
    names = new Intl.DisplayNames([language], { type: 'region', fallback: 'code' });
    displayNames.set(language, names);
  }
  return names;
}

/** The UN short name of a State in a UI language ("fr", "fr-CH" and "fr_FR" read the same names). */
export function stateName(code: string, language: string): string {
  const base = language.toLowerCase().split(/[-_]/)[0] ?? '';
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
    const everyday = state ? UN_LANGUAGES.map((language) => displayNamesFor(language).of(state.alpha2) ?? '') : [];
    text = [code, state?.alpha2 ?? '', ...unNames, ...everyday].join(' ');
    allNamesCache.set(code, text);
  }
  return text;
}

/** Compares State codes by their name in a language (for sorted lists). */
export function compareStatesByName(language: string): (a: string, b: string) => number {
  const collator = new Intl.Collator(language);
  return (a, b) => collator.compare(stateName(a, language), stateName(b, language));
}
