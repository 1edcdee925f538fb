import i18next, { type FormatterModule, type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isolateValue } from '../../shared/i18n/bidi';
import { UN_LANGUAGES, directionOf, isUnLanguage, type UnLanguage } from '../../shared/i18n/languages';

/**
 * Every namespace file under resources/locales/<lng>/<ns>.json is bundled; English is the source
 * locale and tests/unit/i18n proves every other locale has every key, translated.
 */
const files = import.meta.glob<Record<string, unknown>>('../../resources/locales/*/*.json', {
  eager: true,
  import: 'default',
});

export function bundledResources(): Resource {
  const resources: Resource = {};
  for (const [path, data] of Object.entries(files)) {
    const match = /\/locales\/([a-z]{2})\/([A-Za-z0-9_-]+)\.json$/.exec(path);
    if (!match) continue;
    const [, lng = '', ns = ''] = match;
    resources[lng] = { ...resources[lng], [ns]: data };
  }
  return resources;
}

export function applyDocumentLanguage(language: UnLanguage): void {
  document.documentElement.lang = language;
  document.documentElement.dir = directionOf(language);
}

/**
 * Every value interpolated into a sentence ({{name}}) passes here (alwaysFormat): it is isolated
 * from the sentence's direction (shared/i18n/bidi.ts), so a phone number or a Latin name starting
 * with a number or ending in a full stop stays whole in an Arabic sentence. The locales use no named formats ({{x, number}}); dates and
 * numbers are formatted by shared/i18n/formats.ts before they reach a sentence.
 */
export const isolatingFormatter: FormatterModule = {
  type: 'formatter',
  init: () => undefined,
  add: () => undefined,
  addCached: () => undefined,
  format: (value: unknown, _format, lng) =>
    isolateValue(value, directionOf(lng && isUnLanguage(lng) ? lng : 'en')) as string,
};

/** The options every i18next instance of the app (and of its rendering tests) starts with. */
export function i18nOptions(language: string, resources: Resource = bundledResources()) {
  return {
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UN_LANGUAGES],
    ns: Object.keys(resources.en ?? {}),
    defaultNS: 'common',
    interpolation: { escapeValue: false, alwaysFormat: true },
    returnNull: false,
  };
}

export async function initI18n(language: UnLanguage): Promise<I18n> {
  await i18next.use(initReactI18next).use(isolatingFormatter).init(i18nOptions(language));
  applyDocumentLanguage(language);
  i18next.on('languageChanged', (lng) => {
    if (isUnLanguage(lng)) applyDocumentLanguage(lng);
  });
  return i18next;
}
