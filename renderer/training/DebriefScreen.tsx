import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  computeDebrief,
  partyOf,
  scenarioMinutes,
  type RunState,
  type Scenario,
} from '../../shared/training';
import { DebriefFacts } from './DebriefFacts';
import { DebriefPdfExport } from './DebriefPdfExport';
import { ExerciseBanner } from './ExerciseBanner';
import { scenarioClock, uiLanguage } from './language';
import { useRun } from './useRun';

function DebriefView({
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
  const end = scenarioMinutes(scenario, run, run.savedAt);
  const debrief = useMemo(() => computeDebrief(scenario, [run], end), [scenario, run, end]);
  const [notes, setNotes] = useState<Record<string, string>>(run.notes);

  const saveNote = async (id: string, value: string) => {
    const next = { ...notes, [id]: value };
    setNotes(next);
    await update({ ...run, notes: next });
  };

  return (
    <section className="exercise-screen" aria-labelledby="debrief-title">
      <ExerciseBanner />
      <h3 id="debrief-title">{t('debrief.title', { title: scenario.title[language] })}</h3>
      <p>{t('debrief.endedAt', { clock: scenarioClock(end) })}</p>
      {debrief.participants.map((p) => (
        <section
          key={p.participant}
          aria-label={t('debrief.participantLabel', {
            name: partyOf(scenario, p.participant)?.name ?? p.participant,
          })}
        >
          <h4>
            {partyOf(scenario, p.participant)?.name} — {t(`roles.${p.role}`)}
          </h4>
          <DebriefFacts p={p} language={language} />
          <h5>{t('debrief.roleTitle')}</h5>
          {p.roleDecisions.length === 0 ? (
            <p>{t('debrief.none')}</p>
          ) : (
            <ul aria-label={t('debrief.roleTitle')}>
              {p.roleDecisions.map((d, i) => (
                <li key={i}>
                  {scenarioClock(d.at)} — {partyOf(scenario, d.to)?.name ?? d.to} —{' '}
                  {t(`decision.${d.decision}`)}
                </li>
              ))}
            </ul>
          )}
          <h5>{t('debrief.questionsTitle')}</h5>
          {p.answers.map((q) => (
            <label key={q.questionId} className="field">
              {q.question[language]}
              <textarea
                rows={3}
                dir="auto"
                autoComplete="off"
                value={notes[q.questionId] ?? ''}
                onChange={(e) => void saveNote(q.questionId, e.target.value)}
              />
            </label>
          ))}
        </section>
      ))}
      <DebriefPdfExport scenario={scenario} participants={debrief.participants} fileStem="exercise-debrief" />
    </section>
  );
}

export function DebriefScreen({ runId }: { runId: string }) {
  const { t } = useTranslation('training');
  const { state, update } = useRun(runId);
  if (state === null) return <p role="status">{t('loading')}</p>;
  if (state === 'missing') return <p role="alert">{t('errors.run-not-found')}</p>;
  return <DebriefView scenario={state.scenario} run={state.run} update={update} />;
}
