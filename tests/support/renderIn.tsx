import type { ReactElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { createInstance } from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { i18nOptions, isolatingFormatter } from '../../renderer/i18n/i18n';

/** A component rendered to HTML in one of the app's languages, with the app's own translations. */
export async function renderIn(language: string, element: ReactElement): Promise<string> {
  const i18n = createInstance();
  await i18n.use(initReactI18next).use(isolatingFormatter).init(i18nOptions(language));
  return renderToStaticMarkup(<I18nextProvider i18n={i18n}>{element}</I18nextProvider>);
}
