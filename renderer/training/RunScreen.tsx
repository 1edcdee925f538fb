import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  COMPRESSIONS,
  expectedProgress,
  finishRun,
  indexScenario,
  nextEventAt,
  partyOf,
  pauseRun,
  resumeRun,
  scenarioMinutes,
  setCompression,
  skipTo,
  timelineAt,
  type RunState,
  type Scenario,
  type TimelineEvent,
} from '../../shared/training';
import { navigate } from '../navigation/navigation';
import { ActionForm, type ActionPreset } from './ActionForm';
import { ExerciseBanner } from './ExerciseBanner';
import { scenarioClock, uiLanguage } from './language';
import { useRun } from './useRun';
import { useTicker } from './useTraining';

function EventItem({
  event,
  scenario,
  onAct,
}: {
  event: TimelineEvent;
  scenario: Scenario;
  onAct: (preset: ActionPreset) => void;
}) {
  const { t, i18n } = useTranslation('training');
  const language = uiLanguage(i18n.language);
  const from = event.kind === 'inject' ? event.inject.from : event.step.party;
  const fromName = from ? partyOf(scenario, from)?.name : undefined;
  const kindLabel = event.kind === 'inject' ? t(`inject.${event.inject.kind}`) : t(`move.${event.step.does}`);
  const text = event.kind === 'inject' ? event.inject.text[language] : event.step.text[language];
  const isMessage =
    (event.kind === 'inject' && event.inject.kind === 'message') || event.kind === 'counterpart';
  return (
    <li className={`event ${event.kind}`}>
      <p>
        <strong>{scenarioClock(event.at)}</strong> — {kindLabel}
        {fromName ? ` — ${fromName}` : ''}
      </p>
      <p>{text}</p>
      {event.kind === 'inject' && event.inject.indicators && (
        <ul aria-label={t('run.indicators')}>
          {event.inject.indicators.map((indicator) => (
            <li key={indicator}>
              <code dir="ltr">{indicator}</code>
            </li>
          ))}
        </ul>
      )}
      <div className="row">
        {isMessage && from && (
          <>
            <button type="button" onClick={() => onAct({ kind: 'acknowledge', to: from })}>
              {t('actions.acknowledge')}
            </button>
            <button type="button" onClick={() => onAct({ kind: 'answer', to: from })}>
              {t('actions.answer')}
            </button>
          </>
        )}
        {event.kind === 'inject' && event.inject.kind === 'ping' && (
          <button type="button" onClick={() => onAct({ kind: 'ping-reply', to: '' })}>
            {t('actions.ping-reply')}
          </button>
        )}
      </div>
    </li>
  );
}

function RunView({
  scenario,
  run,
  update,
}: {
  scenario: Scenario;
  run: RunState;
  update: (run: RunState) => Promise<void>;
}) {
  const { t, i18n } = useTranslation('training');
  const language = uiLanguage(i18n.language);
  const now = useTicker(run.resumedAt !== null);
  const index = useMemo(() => indexScenario(scenario), [scenario]);
  const minute = scenarioMinutes(scenario, run, now);
  const events = timelineAt(index, run.actions, minute);
  const tasks = expectedProgress(index, run.actions, minute).filter((p) => p.status !== 'not-open');
  const next = nextEventAt(index, run.actions, minute);
  const [preset, setPreset] = useState<ActionPreset | null>(null);
  const compressionId = useId();
  const ended = minute >= scenario.durationMinutes;
  const paused = run.resumedAt === null;

  const finish = async () => {
    await update(finishRun(scenario, run, Date.now()));
    navigate('training', `debrief/${run.id}`);
  };

  return (
    <section className="exercise-screen" aria-labelledby="run-title">
      <ExerciseBanner />
      <h3 id="run-title">{scenario.title[language]}</h3>
      <details>
        <summary>{t('run.briefing')}</summary>
        <p>{scenario.briefing[language]}</p>
      </details>
      <div className="run-controls row">
        <span role="timer" aria-label={t('run.clock')} className="clock">
          {scenarioClock(minute)}
        </span>
        <span role="status">{ended ? t('run.ended') : paused ? t('run.paused') : t('run.running')}</span>
        <label htmlFor={compressionId}>{t('run.compression')}</label>
        <select
          id={compressionId}
          value={run.compression}
          onChange={(e) =>
            void update(
              setCompression(
                scenario,
                run,
                COMPRESSIONS.find((c) => String(c) === e.target.value) ?? 1,
                Date.now(),
              ),
            )
          }
        >
          {COMPRESSIONS.map((c) => (
            <option key={c} value={c}>
              {t('run.factor', { factor: c })}
            </option>
          ))}
        </select>
        {paused ? (
          <button type="button" disabled={ended} onClick={() => void update(resumeRun(run, Date.now()))}>
            {t('run.resume')}
          </button>
        ) : (
          <button type="button" onClick={() => void update(pauseRun(scenario, run, Date.now()))}>
            {t('run.pause')}
          </button>
        )}
        <button
          type="button"
          disabled={next === null || ended}
          onClick={() => next !== null && void update(skipTo(scenario, run, next, Date.now()))}
        >
          {t('run.skip')}
        </button>
        <button type="button" onClick={() => void finish()}>
          {t('run.finish')}
        </button>
      </div>
      {next !== null && !ended && <p className="hint">{t('run.nextAt', { clock: scenarioClock(next) })}</p>}
      <div className="run-columns">
        <section aria-labelledby="timeline-title">
          <h4 id="timeline-title">{t('run.timeline')}</h4>
          <ol className="exercise-timeline" aria-labelledby="timeline-title">
            {events.map((event) => (
              <EventItem
                key={`${event.kind}-${event.kind === 'inject' ? event.inject.id : event.step.id}`}
                event={event}
                scenario={scenario}
                onAct={setPreset}
              />
            ))}
          </ol>
        </section>
        <section aria-labelledby="tasks-title">
          <h4 id="tasks-title">{t('run.tasks')}</h4>
          {tasks.length === 0 ? (
            <p>{t('run.noTasks')}</p>
          ) : (
            <ul className="tasks" aria-labelledby="tasks-title">
              {tasks.map((task) => (
                <li key={task.action.id} className={`task ${task.status}`}>
                  {task.action.label[language]} — {t(`status.${task.status}`)} —{' '}
                  {t('run.due', { clock: scenarioClock(task.dueAt ?? 0) })}
                </li>
              ))}
            </ul>
          )}
          <ActionForm scenario={scenario} run={run} preset={preset} onDone={update} />
        </section>
      </div>
    </section>
  );
}

export function RunScreen({ runId }: { runId: string }) {
  const { t } = useTranslation('training');
  const { state, update } = useRun(runId);
  if (state === null) return <p role="status">{t('loading')}</p>;
  if (state === 'missing') return <p role="alert">{t('errors.run-not-found')}</p>;
  return <RunView scenario={state.scenario} run={state.run} update={update} />;
}
