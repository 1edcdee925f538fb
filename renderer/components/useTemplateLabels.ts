import { useTranslation } from 'react-i18next';
import { isUnLanguage, type UnLanguage } from '../../shared/i18n/languages';
import { labelsFor, type TemplateLabels } from '../../shared/templates';

/** Field labels and enumerations come from the template label tables, so form and message agree. */
export function useTemplateLabels(): { labels: TemplateLabels; language: UnLanguage } {
  const { i18n } = useTranslation();
  const language = isUnLanguage(i18n.language) ? i18n.language : 'en';
  return { labels: labelsFor(language), language };
}
