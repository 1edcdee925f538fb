import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { bundledResources } from '../../renderer/i18n/i18n';

/** A component rendered to HTML in one of the app's languages, with the app's own translations. */
export async function renderIn(language: string, element: ReactElement): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).init({
    resources: bundledResources(),
    lng: language,
    fallbackLng: 'en',
    interpolation: { escapeValue: false },
  });
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}
