import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { UN_LANGUAGES, isUnLanguage } from '../../shared/i18n/languages';
import { useUpdateSettings } from '../host/useSettings';

/** Each language is named in itself, so a user lost in a foreign UI can still find their own. */
const ENDONYMS: Record<(typeof UN_LANGUAGES)[number], string> = {
  ar: 'العربية',
  zh: '中文',
  en: 'English',
  fr: 'Français',
  ru: 'Русский',
  es: 'Español',
};

export function LanguageSelect({ compact = false }: { compact?: boolean }) {
  const { t, i18n } = useTranslation('common');
  const update = useUpdateSettings();
  const id = useId();
  return (
    <div className={compact ? 'language-select compact' : 'language-select field'}>
      <label htmlFor={id}>{t('settings.language')}</label>
      <select
        id={id}
        value={i18n.language}
        onChange={(event) => {
          const language = event.target.value;
          if (!isUnLanguage(language)) return;
          void i18n.changeLanguage(language);
          update.mutate({ language });
        }}
      >
        {UN_LANGUAGES.map((code) => (
          <option key={code} value={code} lang={code}>
            {ENDONYMS[code]}
          </option>
        ))}
      </select>
    </div>
  );
}
