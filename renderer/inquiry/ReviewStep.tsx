import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { UN_LANGUAGES, type UnLanguage } from '../../shared/i18n/languages';
import {
  missingFields,
  parseIndicators,
  renderTemplateTexts,
  type InquiryTemplate,
} from '../../shared/templates';
import type { StepProps } from './InquirySteps';
import { draftToTemplate } from './toTemplate';
import { useTemplateLabels } from '../components/useTemplateLabels';
import { BidiText } from '../components/BidiText';

export function useDraftTemplate(
  draft: StepProps['draft'],
  language: UnLanguage,
): { template?: InquiryTemplate; problem?: string } {
  return useMemo(() => {
    try {
      return { template: draftToTemplate(draft, language) };
    } catch {
      return { problem: 'identity-incomplete' };
    }
  }, [draft, language]);
}

/** The review: the human-readable text in the chosen languages, and what is missing (allowed). */
export function ReviewStep({ draft, update }: StepProps) {
  const { t } = useTranslation('inquiry');
  const { labels, language } = useTemplateLabels();
  const { template } = useDraftTemplate(draft, language);
  const languages: UnLanguage[] = draft.languages.length ? draft.languages : [language];
  const invalid = parseIndicators(draft.indicatorsText).results.filter((r) => !r.ok).length;
  const toggle = (lng: UnLanguage, on: boolean) =>
    update({
      languages: on ? [...languages.filter((l) => l !== lng), lng] : languages.filter((l) => l !== lng),
    });
  if (!template)
    return (
      <p role="alert" className="error">
        {t('identityIncomplete')}
      </p>
    );
  const missing = missingFields(template);
  return (
    <>
      <fieldset className="group">
        <legend>{t('review.languages')}</legend>
        <div className="checks">
          {UN_LANGUAGES.map((lng) => (
            <label key={lng} className="check">
              <input
                type="checkbox"
                checked={languages.includes(lng)}
                onChange={(e) => toggle(lng, e.target.checked)}
              />{' '}
              {labels.languageNames[lng]}
            </label>
          ))}
        </div>
      </fieldset>
      {missing.length > 0 && (
        <div className="notice" role="status">
          <p>{t('review.missing', { count: missing.length })}</p>
          <p>{missing.map((code) => labels.fields[code]).join(' · ')}</p>
        </div>
      )}
      {invalid > 0 && (
        <p className="warning" role="alert">
          {t('indicators.invalidCount', { count: invalid })}
        </p>
      )}
      <pre className="rendered" aria-label={t('review.text')} dir="auto">
        <BidiText text={renderTemplateTexts(template, languages)} />
      </pre>
    </>
  );
}
