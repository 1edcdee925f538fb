import i18next, { type i18n as I18n, type Resource } from 'i18next';
import { initReactI18next } from 'react-i18next';
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

export async function initI18n(language: UnLanguage): Promise<I18n> {
  const resources = bundledResources();
  const namespaces = Object.keys(resources.en ?? {});
  await i18next.use(initReactI18next).init({
    resources,
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...UN_LANGUAGES],
    ns: namespaces,
    defaultNS: 'common',
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  applyDocumentLanguage(language);
  i18next.on('languageChanged', (lng) => {
    if (isUnLanguage(lng)) applyDocumentLanguage(lng);
  });
  return i18next;
}
