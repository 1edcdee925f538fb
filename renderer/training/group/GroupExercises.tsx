import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ExerciseList } from '../../../shared/registry/exercise';
import { useVaultSession } from '../../vault/session';
import { uiLanguage } from '../language';
import { groupErrorText } from './groupErrors';
import { listExercises } from './groupClient';

/**
 * Exercises with other States, started by a facilitator on the registry (issue 12, group mode): the
 * ones this State and role take part in, and — only for an account holding the facilitator right —
 * every exercise, to follow its progress.
 */
export function GroupExercises() {
  const { t, i18n } = useTranslation('exercise');
  const language = uiLanguage(i18n.language);
  const session = useVaultSession();
  const [list, setList] = useState<ExerciseList | null | undefined>(undefined);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  const refresh = useCallback(async () => {
    setBusy(true);
    try {
      setList(await listExercises(session));
      setError(null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }, [session]);
  useEffect(() => void refresh(), [refresh]);

  const participating = list?.exercises.filter((e) => e.as === 'participant') ?? [];
  return (
    <section aria-labelledby="group-exercises-title">
      <h3 id="group-exercises-title">{t('home.title')}</h3>
      <p>{t('home.intro')}</p>
      {list === null && <p>{t('home.notEnrolled')}</p>}
      {error ? <p role="alert">{groupErrorText(t, error)}</p> : null}
      {list && (
        <>
          {participating.length === 0 ? (
            <p>{t('home.none')}</p>
          ) : (
            <ul aria-label={t('home.listLabel')}>
              {participating.map((e) => (
                <li key={e.id}>
                  <a href={`#/training/group/${e.id}`}>{t('home.open', { title: e.title[language] })}</a>{' '}
                  {e.stoppedAt ? t('home.stopped') : null}
                </li>
              ))}
            </ul>
          )}
          {list.facilitator && (
            <>
              <h4>{t('home.facilitatorTitle')}</h4>
              <ul aria-label={t('home.facilitatorListLabel')}>
                {list.exercises.map((e) => (
                  <li key={e.id}>
                    <a href={`#/training/facilitate/${e.id}`}>
                      {t('home.follow', { title: e.title[language] })}
                    </a>{' '}
                    {e.stoppedAt ? t('home.stopped') : null}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      )}
      <button type="button" disabled={busy} onClick={() => void refresh()}>
        {t('home.refresh')}
      </button>
    </section>
  );
}
