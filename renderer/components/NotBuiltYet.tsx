import { useTranslation } from 'react-i18next';

/** What an area says until its issue lands: plainly, nothing pretends to work. */
export function NotBuiltYet({ area }: { area: string }) {
  const { t } = useTranslation('common');
  return (
    <section className="area" aria-labelledby={`${area}-title`}>
      <h2 id={`${area}-title`}>{t(`nav.${area}`)}</h2>
      <p className="notice" role="status">
        {t('notBuiltYet')}
      </p>
    </section>
  );
}
