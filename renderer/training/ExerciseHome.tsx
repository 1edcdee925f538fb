import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { newTemplateId } from '../../shared/templates';
import {
  COMPRESSIONS,
  partyOf,
  scenarioMinutes,
  startRun,
  type Compression,
  type RunState,
} from '../../shared/training';
import { navigate } from '../navigation/navigation';
import { useVaultSession } from '../vault/session';
import { ExerciseBanner } from './ExerciseBanner';
import { scenarioClock, uiLanguage } from './language';
import { ScenarioImport } from './ScenarioImport';
import { countExerciseItems, deleteExerciseWorkspace, listRuns, saveRun } from './store';
import { knownScenarios, useTrainingData, type KnownScenario } from './useTraining';

function ScenarioCard({ known }: { known: KnownScenario }) {
  const { t, i18n } = useTranslation('training');
  const session = useVaultSession();
  const language = uiLanguage(i18n.language);
  const { scenario, imported } = known;
  const [compression, setCompression] = useState<Compression>(60);
  const compressionId = useId();
  const player = partyOf(scenario, scenario.player);
  const titleId = `scenario-${scenario.id}`;

  const start = async () => {
    const run = startRun(scenario, { id: `run-${newTemplateId()}`, compression, now: Date.now() });
    await saveRun(session, run);
    navigate('training', `run/${run.id}`);
  };

  return (
    <li className="training-card" aria-labelledby={titleId}>
      <h4 id={titleId}>{scenario.title[language]}</h4>
      {imported && (
        <p className={`signature ${imported.signature}`}>
          {t(`signature.${imported.signature}`, { author: imported.author ?? '—' })}
        </p>
      )}
      <p>{scenario.briefing[language]}</p>
      <p>
        {t('home.youPlay', { name: player?.name ?? '', role: t(`roles.${player?.role ?? 'technical'}`) })}
      </p>
      <div className="row">
        <label htmlFor={compressionId}>{t('run.compression')}</label>
        <select
          id={compressionId}
          value={compression}
          onChange={(e) => setCompression(COMPRESSIONS.find((c) => String(c) === e.target.value) ?? 60)}
        >
          {COMPRESSIONS.map((c) => (
            <option key={c} value={c}>
              {t('run.factor', { factor: c })}
            </option>
          ))}
        </select>
        <button
          type="button"
          onClick={() => void start()}
          aria-label={t('home.startLabel', { title: scenario.title[language] })}
        >
          {t('home.start')}
        </button>
      </div>
    </li>
  );
}

function RunList({ runs, scenarios }: { runs: RunState[]; scenarios: KnownScenario[] }) {
  const { t, i18n } = useTranslation('training');
  const language = uiLanguage(i18n.language);
  if (!runs.length) return <p>{t('home.noRuns')}</p>;
  return (
    <ul className="run-list" aria-label={t('home.runsLabel')}>
      {runs.map((run) => {
        const scenario = scenarios.find((k) => k.scenario.id === run.scenarioId)?.scenario;
        const title = scenario?.title[language] ?? run.scenarioId;
        const state = run.finished ? 'finished' : run.resumedAt === null ? 'paused' : 'running';
        return (
          <li key={run.id}>
            <strong>{title}</strong> — {t(`home.state.${state}`)}
            {scenario ? ` — ${scenarioClock(scenarioMinutes(scenario, run, run.savedAt))}` : ''}{' '}
            {!run.finished && (
              <button type="button" onClick={() => navigate('training', `run/${run.id}`)}>
                {t('home.continue')}
              </button>
            )}{' '}
            <button type="button" onClick={() => navigate('training', `debrief/${run.id}`)}>
              {t('home.debrief')}
            </button>
          </li>
        );
      })}
    </ul>
  );
}

function DeleteWorkspace() {
  const { t } = useTranslation('training');
  const session = useVaultSession();
  const [pending, setPending] = useState<number | null>(null);
  const [done, setDone] = useState<string | null>(null);
  return (
    <section className="training-card stack" aria-labelledby="delete-title">
      <h3 id="delete-title">{t('delete.title')}</h3>
      <p>{t('delete.hint')}</p>
      {pending === null ? (
        <button type="button" onClick={() => void countExerciseItems(session).then(setPending)}>
          {t('delete.button')}
        </button>
      ) : (
        <div role="alertdialog" aria-label={t('delete.confirmLabel')} className="confirm">
          <p>{t('delete.confirm', { count: pending })}</p>
          <button
            type="button"
            className="danger"
            onClick={() =>
              void deleteExerciseWorkspace(session).then((count) => {
                setPending(null);
                setDone(t('delete.done', { count }));
              })
            }
          >
            {t('delete.yes')}
          </button>{' '}
          <button type="button" onClick={() => setPending(null)}>
            {t('delete.cancel')}
          </button>
        </div>
      )}
      {done && <p role="status">{done}</p>}
    </section>
  );
}

/** The exercises home: scenarios to start, runs to continue or debrief, imports, and clean-up. */
export function ExerciseHome() {
  const { t } = useTranslation('training');
  const scenarios = useTrainingData(knownScenarios);
  const runs = useTrainingData(listRuns);
  return (
    <section aria-labelledby="exercises-title" className="exercise-screen">
      <ExerciseBanner />
      <h3 id="exercises-title">{t('home.exercisesTitle')}</h3>
      <p>{t('home.exercisesIntro')}</p>
      <h4>{t('home.runsTitle')}</h4>
      <RunList runs={runs.data ?? []} scenarios={scenarios.data ?? []} />
      <h4>{t('home.scenariosTitle')}</h4>
      <ul className="scenario-list" aria-label={t('home.scenariosLabel')}>
        {(scenarios.data ?? []).map((known) => (
          <ScenarioCard key={`${known.builtin ? 'b' : 'i'}-${known.scenario.id}`} known={known} />
        ))}
      </ul>
      <ScenarioImport />
      <DeleteWorkspace />
    </section>
  );
}
