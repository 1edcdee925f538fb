import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName } from '../../../shared/directory/stateNames';
import { formatTime } from '../../../shared/i18n/formats';
import type { ExerciseFeed, ExerciseItem } from '../../../shared/registry/exercise';
import { useVaultSession } from '../../vault/session';
import { ExerciseBanner } from '../ExerciseBanner';
import { scenarioClock, uiLanguage } from '../language';
import { GroupCompose, GroupReceive } from './GroupMessages';
import { groupErrorText } from './groupErrors';
import { reportProgress, type GroupRecord } from './groupClient';
import { useExerciseFeed } from './useExerciseFeed';

/**
 * A participant's exercise screen (#/training/group/<id>): the injects the registry released so far,
 * each marked EXERCISE, acknowledged one by one (the acknowledgement, not its contents, goes to the
 * facilitator); exercise messages to and from the other participants.
 */
export function GroupRunScreen({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation('exercise');
  const { feed, record, error, setRecord } = useExerciseFeed(exerciseId);
  return (
    <section className="exercise-screen" aria-labelledby="group-run-title">
      <ExerciseBanner />
      {!feed ? (
        <>
          <h3 id="group-run-title">{t('run.loading')}</h3>
          {error ? <p role="alert">{groupErrorText(t, error)}</p> : null}
        </>
      ) : (
        <GroupRunView
          feed={feed}
          record={record ?? { reports: [], received: [] }}
          error={error}
          setRecord={setRecord}
        />
      )}
    </section>
  );
}

function GroupRunView({
  feed,
  record,
  error,
  setRecord,
}: {
  feed: ExerciseFeed;
  record: GroupRecord;
  error: unknown;
  setRecord: (record: GroupRecord) => void;
}) {
  const { t, i18n } = useTranslation('exercise');
  const language = uiLanguage(i18n.language);
  const session = useVaultSession();
  const [actionError, setActionError] = useState<string | null>(null);
  const acknowledged = new Map(
    record.reports.flatMap((r) =>
      r.event.kind === 'inject-acknowledged' ? [[r.event.injectId, r] as const] : [],
    ),
  );

  const acknowledge = async (item: ExerciseItem) => {
    setActionError(null);
    try {
      setRecord(
        await reportProgress(session, feed.exerciseId, { kind: 'inject-acknowledged', injectId: item.id }),
      );
    } catch (e) {
      setActionError(groupErrorText(t, e));
    }
  };

  return (
    <>
      <h3 id="group-run-title">{feed.title[language]}</h3>
      <p>{feed.briefing[language]}</p>
      <p>
        {feed.stoppedAt
          ? t('run.stopped')
          : t('run.running', { speed: feed.speed, released: feed.items.length })}
      </p>
      <h4>{t('run.participantsTitle')}</h4>
      <ul aria-label={t('run.participantsTitle')}>
        {feed.participants.map((p) => (
          <li key={p.party}>
            {t('run.participant', {
              state: stateName(p.state, language),
              role: t(`roles.${p.role}`),
              party: feed.parties.find((party) => party.id === p.party)?.name ?? p.party,
            })}
          </li>
        ))}
      </ul>
      {error ? <p role="alert">{groupErrorText(t, error)}</p> : null}
      <h4 id="group-injects-title">{t('run.injectsTitle')}</h4>
      <ol className="exercise-injects" aria-labelledby="group-injects-title">
        {feed.items.map((item) => {
          const ack = acknowledged.get(item.id);
          return (
            <li key={item.id}>
              <article aria-label={t('run.injectLabel', { clock: scenarioClock(item.at) })}>
                <p className="exercise-flag">{t('run.flag')}</p>
                <p>
                  <strong>{scenarioClock(item.at)}</strong> — {t(`kinds.${item.kind}`)}
                </p>
                <p>{item.text[language]}</p>
                {item.indicators?.length ? (
                  <ul aria-label={t('run.indicators')}>
                    {item.indicators.map((indicator) => (
                      <li key={indicator}>
                        <code dir="ltr">{indicator}</code>
                      </li>
                    ))}
                  </ul>
                ) : null}
                {ack ? (
                  <p role="status">
                    {ack.reportedAt
                      ? t('run.acknowledged', { at: formatTime(ack.reportedAt, i18n.language) })
                      : t('run.acknowledgedPending')}
                  </p>
                ) : (
                  <button
                    type="button"
                    disabled={Boolean(feed.stoppedAt)}
                    onClick={() => void acknowledge(item)}
                  >
                    {t('run.acknowledge')}
                  </button>
                )}
              </article>
            </li>
          );
        })}
      </ol>
      {actionError && <p role="alert">{actionError}</p>}
      <GroupCompose feed={feed} onReported={setRecord} />
      <GroupReceive feed={feed} record={record} onReported={setRecord} />
    </>
  );
}
