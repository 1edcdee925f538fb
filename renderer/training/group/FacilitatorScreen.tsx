import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useVaultSession } from '../../vault/session';
import { ExerciseBanner } from '../ExerciseBanner';
import { exerciseProgressQuery } from './exercisePolling';
import { ProgressView } from './FacilitatorProgress';
import { groupErrorText } from './groupErrors';
import { loadExerciseProgress } from './groupClient';

/**
 * The facilitator's screen (#/training/facilitate/<id>), for an account holding the facilitator
 * right: the exercise's progress, polled from the registry while the exercise runs.
 */
export function FacilitatorScreen({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation('exercise');
  const session = useVaultSession();
  const { data: progress, error } = useQuery(
    exerciseProgressQuery(exerciseId, () => loadExerciseProgress(session, exerciseId)),
  );

  return (
    <section className="exercise-screen" aria-labelledby="facilitator-title">
      <ExerciseBanner />
      {error ? <p role="alert">{groupErrorText(t, error)}</p> : null}
      {progress ? (
        <ProgressView progress={progress} />
      ) : (
        <h3 id="facilitator-title">{t('facilitator.loading')}</h3>
      )}
    </section>
  );
}
