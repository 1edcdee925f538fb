import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  advanceModule,
  COURSE_MODULES,
  emptyModuleProgress,
  passMark,
  scoreCheck,
  type CourseModule,
} from '../../../shared/training';
import { useVaultSession } from '../../vault/session';
import { ExerciseBanner } from '../ExerciseBanner';
import { courseProgress, saveCourseProgress } from '../store';
import { PracticeTask } from './PracticeTask';

type Step = { kind: 'page'; index: number } | { kind: 'task' } | { kind: 'check' } | { kind: 'done' };

function ModuleView({ module }: { module: CourseModule }) {
  const { t } = useTranslation('training');
  const session = useVaultSession();
  const [step, setStep] = useState<Step>({ kind: 'page', index: 0 });
  const [taskDone, setTaskDone] = useState(false);
  const [answers, setAnswers] = useState<(number | undefined)[]>([]);
  const [score, setScore] = useState<number | null>(null);
  const key = `course.${module.id}`;

  const record = async (change: Parameters<typeof advanceModule>[2]) => {
    const progress = await courseProgress(session);
    const next = advanceModule(
      module,
      progress.modules[module.id] ?? emptyModuleProgress(),
      change,
      new Date(),
    );
    await saveCourseProgress(session, { modules: { ...progress.modules, [module.id]: next } });
    return next;
  };

  useEffect(() => {
    if (step.kind === 'page') void record({ pageSeen: step.index + 1 });
    // Record each screen once it is shown.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [step]);

  const submitCheck = async () => {
    const value = scoreCheck(module, answers);
    setScore(value);
    const next = await record({ score: value });
    if (next.completedAt) setStep({ kind: 'done' });
  };

  return (
    <section aria-labelledby="module-title">
      <h3 id="module-title">{t(`${key}.title`)}</h3>
      <p className="hint">{t('course.source', { source: module.source })}</p>
      {step.kind === 'page' && (
        <div className="stack">
          <p className="progress">{t('course.screenOf', { index: step.index + 1, total: module.pages })}</p>
          <p>{t(`${key}.pages.${step.index}`)}</p>
          <button
            type="button"
            onClick={() =>
              setStep(
                step.index + 1 < module.pages ? { kind: 'page', index: step.index + 1 } : { kind: 'task' },
              )
            }
          >
            {t('course.next')}
          </button>
        </div>
      )}
      {step.kind === 'task' && (
        <section aria-labelledby="task-title" className="exercise-screen stack">
          <ExerciseBanner />
          <h4 id="task-title">{t('course.practiceTitle')}</h4>
          <PracticeTask
            module={module}
            onDone={() => {
              setTaskDone(true);
              void record({ taskDone: true });
            }}
          />
          <button type="button" disabled={!taskDone} onClick={() => setStep({ kind: 'check' })}>
            {t('course.toCheck')}
          </button>
        </section>
      )}
      {step.kind === 'check' && (
        <form
          className="quiz stack"
          aria-labelledby="check-title"
          onSubmit={(event) => {
            event.preventDefault();
            void submitCheck();
          }}
        >
          <h4 id="check-title">{t('course.checkTitle')}</h4>
          {module.answers.map((_, q) => (
            <fieldset key={q}>
              <legend>{t(`${key}.questions.${q}.text`)}</legend>
              {[0, 1, 2].map((o) => (
                <label key={o} className="option">
                  <input
                    type="radio"
                    name={`q${q}`}
                    checked={answers[q] === o}
                    onChange={() => setAnswers((current) => Object.assign([...current], { [q]: o }))}
                  />
                  {t(`${key}.questions.${q}.options.${o}`)}
                </label>
              ))}
            </fieldset>
          ))}
          <button type="submit">{t('course.submitCheck')}</button>
          {score !== null && (
            <p role="status" className={score >= passMark(module) ? 'correct' : 'incorrect'}>
              {t(score >= passMark(module) ? 'course.passed' : 'course.failed', {
                score,
                total: module.answers.length,
              })}
            </p>
          )}
        </form>
      )}
      {step.kind === 'done' && (
        <div className="stack">
          <p role="status" className="correct">
            {t('course.moduleDone', { title: t(`${key}.title`) })}
          </p>
          <a href="#/training">{t('course.backToCourse')}</a>
        </div>
      )}
    </section>
  );
}

export function ModuleScreen({ moduleId }: { moduleId: string }) {
  const { t } = useTranslation('training');
  const module = COURSE_MODULES.find((m) => m.id === moduleId);
  if (!module) return <p role="alert">{t('course.unknownModule')}</p>;
  return <ModuleView key={module.id} module={module} />;
}
