import { useTranslation } from 'react-i18next';

/** The EXERCISE mark on every exercise screen (issue 12: "marked EXERCISE on every screen"). */
export function ExerciseBanner() {
  const { t } = useTranslation('training');
  return (
    <p className="exercise-banner" role="note" aria-label={t('exercise.bannerLabel')}>
      {t('exercise.banner')}
    </p>
  );
}
