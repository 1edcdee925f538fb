import { createSeededRandom } from './seededRandom';
import { getExampleNumber, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import examples from 'libphonenumber-js/examples.mobile.json';
import keyPoolJson from '../../../resources/demo/keys.json' with { type: 'json' };
import type { UnLanguage } from '../../i18n/languages';
import { PointOfContactSchema, type EntryText, type PointOfContact, type PocRole } from '../model';
import { DIRECTORY_STATES, type DirectoryState, type RegionalGroup } from '../states';
import { DemoKeyPoolSchema, type DemoKey } from './keyPool';
import { DEMO_LANGUAGE_OF_STATE, DEMO_TIME_ZONES, VOCABULARY, type DemoVocabulary } from './vocabulary';
import { englishParallelTo } from './englishVocabulary';

/**
 * A clearly FICTIONAL directory: every State of the directory (when size allows), 1–6 POCs each,
 * both roles, entries in all six UN languages (A §7 a iv: « Chaque entrée dans le répertoire peut
 * être présentée dans n'importe quelle langue officielle de l'ONU ; en outre, la présentation d'une
 * traduction anglaise non officielle est encouragée »), some with English translations, invented
 * names, `example` domains, real-format OpenPGP public keys from a small pregenerated pool.
 * Deterministic for a given seed and `now`.
 */
/** The seed the app's "Load the fictional demo directory" button uses (tests rely on it). */
export const DEMO_DIRECTORY_SEED = 20240501;

export interface DemoDirectoryOptions {
  seed: number;
  /** Total entries. Unset: 1–6 per State (about 700). Set: spread over every State (size ≥ 195). */
  size?: number;
  /** Reference time for update and ping-confirmation dates (some entries come out stale). */
  now?: Date;
}

type Random = () => number;
const pick = <T>(random: Random, list: readonly T[]): T => {
  const value = list[Math.floor(random() * list.length)];
  if (value === undefined) throw new Error('pick from an empty list');
  return value;
};

const ID_ALPHABET = 'abcdefghijklmnopqrstuvwxyz0123456789';
function opaqueId(random: Random): string {
  let id = 'demo-';
  for (let i = 0; i < 16; i++) id += ID_ALPHABET[Math.floor(random() * ID_ALPHABET.length)] ?? 'x';
  return id;
}

let cachedKeys: readonly DemoKey[] | null = null;
function demoKeys(): readonly DemoKey[] {
  cachedKeys ??= DemoKeyPoolSchema.parse(keyPoolJson).keys;
  return cachedKeys;
}

function demoPhone(random: Random, state: DirectoryState): string {
  const example = getExampleNumber(state.alpha2 as CountryCode, examples);
  if (!example) return `+999${String(Math.floor(random() * 1e7)).padStart(7, '0')}`;
  const digits = example.number;
  for (let attempt = 0; attempt < 5; attempt++) {
    const varied = digits.slice(0, -3) + String(Math.floor(random() * 1000)).padStart(3, '0');
    if (parsePhoneNumberFromString(varied)?.isValid()) return varied;
  }
  return digits;
}

const REGIONAL_BY_GROUP: Record<RegionalGroup, readonly PointOfContact['regionalDirectories'][number][]> = {
  african: ['AU', 'OIC'],
  asiaPacific: ['ARF', 'OIC', 'SCO'],
  easternEuropean: ['OSCE', 'CSTO', 'EU'],
  latinAmericanCaribbean: ['OAS'],
  westernEuropeanOthers: ['OSCE', 'EU'],
};

function textFor(vocabulary: DemoVocabulary, role: PocRole, picks: number[], withPerson: boolean): EntryText {
  const at = <T>(list: readonly T[], i: number): T => list[(picks[i] ?? 0) % list.length] as T;
  const entity = `${at(role === 'technical' ? vocabulary.technical : vocabulary.diplomatic, 0)} ${vocabulary.marker}`;
  const text: EntryText = { entity, officeHours: at(vocabulary.officeHours, 4) };
  if (withPerson) {
    text.personName = `${at(vocabulary.givenNames, 1)} ${at(vocabulary.familyNames, 2)}`;
    text.personTitle = at(role === 'technical' ? vocabulary.technicalTitles : vocabulary.diplomaticTitles, 3);
  }
  if ((picks[5] ?? 0) % 3 === 0) text.notes = at(vocabulary.notes, 6);
  return text;
}

function entryFor(
  random: Random,
  state: DirectoryState,
  role: PocRole,
  index: number,
  now: number,
): PointOfContact {
  const home = DEMO_LANGUAGE_OF_STATE.get(state.code) ?? 'en';
  const language: UnLanguage = index > 0 && random() < 0.3 ? 'en' : home;
  const kind = random() < 0.5 ? 'representative' : 'entity';
  const picks = Array.from({ length: 7 }, () => Math.floor(random() * 1000));
  const text = textFor(VOCABULARY[language], role, picks, kind === 'representative');
  const english =
    language !== 'en' && random() < 0.6
      ? textFor(englishParallelTo(language), role, picks, kind === 'representative')
      : undefined;
  // A translation keeps the person: Latin-script names as written, other scripts left untranslated.
  if (english) {
    if (text.personName && (language === 'fr' || language === 'es')) english.personName = text.personName;
    else delete english.personName;
  }
  const lower = state.code.toLowerCase();
  const box =
    role === 'technical'
      ? pick(random, ['cert', 'csirt', 'soc', 'incident'])
      : pick(random, ['cyber', 'policy', 'mfa', 'envoy']);
  const key = random() < 0.85 ? pick(random, demoKeys()) : undefined;
  const day = 24 * 60 * 60 * 1000;
  const updatedAt = new Date(
    now - Math.floor(random() * 700) * day - Math.floor(random() * day),
  ).toISOString();
  const pinged = random() < 0.9 ? new Date(now - Math.floor(random() * 300) * day).toISOString() : undefined;
  const groupDirectories = REGIONAL_BY_GROUP[state.group];
  const regional = groupDirectories.filter(() => random() < 0.5);
  const timeZone = DEMO_TIME_ZONES[state.code];
  return PointOfContactSchema.parse({
    id: opaqueId(random),
    state: state.code,
    role,
    kind,
    language,
    text,
    ...(english ? { english } : {}),
    phones:
      random() < 0.3 ? [demoPhone(random, state), demoPhone(random, state)] : [demoPhone(random, state)],
    emails: [`${box}${index > 1 ? index : ''}@${lower}.example`],
    workingLanguages: language === 'en' ? ['en'] : [language, 'en'],
    ...(key ? { openpgp: key } : {}),
    ...(timeZone ? { timeZone } : {}),
    regionalDirectories: regional,
    ...(pinged ? { lastPingConfirmedAt: pinged } : {}),
    revision: 1 + Math.floor(random() * 5),
    updatedAt,
  });
}

/** How many POCs each State gets: 1–6 at random, or `size` spread evenly (remainder at random). */
function countsPerState(random: Random, size: number | undefined): number[] {
  const n = DIRECTORY_STATES.length;
  if (size === undefined) return DIRECTORY_STATES.map(() => 1 + Math.floor(random() * 6));
  const base = Math.floor(size / n);
  const counts = DIRECTORY_STATES.map(() => base);
  for (let extra = size - base * n; extra > 0; extra--) {
    const i = base === 0 ? size - extra : Math.floor(random() * n);
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

export function generateDemoDirectory(options: DemoDirectoryOptions): PointOfContact[] {
  const random = createSeededRandom(options.seed);
  const now = (options.now ?? new Date()).getTime();
  const counts = countsPerState(random, options.size);
  const entries: PointOfContact[] = [];
  DIRECTORY_STATES.forEach((state, s) => {
    const count = counts[s] ?? 0;
    const firstRole: PocRole = random() < 0.5 ? 'technical' : 'diplomatic';
    for (let i = 0; i < count; i++) {
      // Alternating roles: every State with two or more POCs has both.
      const role: PocRole = i % 2 === 0 ? firstRole : firstRole === 'technical' ? 'diplomatic' : 'technical';
      entries.push(entryFor(random, state, role, i, now));
    }
  });
  return entries;
}
