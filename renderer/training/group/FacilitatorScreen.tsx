import { useCallback, useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName } from '../../../shared/directory/stateNames';
import { exerciseMinute, type ExerciseProgress } from '../../../shared/registry/exercise';
import { computeDebrief, progressByParticipant, runsFromProgress } from '../../../shared/training';
import { useHost } from '../../host/HostContext';
import { useVaultSession } from '../../vault/session';
import { saveDebriefPdf } from '../debriefPdf';
import { DebriefFacts } from '../DebriefFacts';
import { ExerciseBanner } from '../ExerciseBanner';
import { scenarioClock, uiLanguage } from '../language';
import { groupErrorText } from './groupErrors';
import { loadExerciseProgress } from './groupClient';
import { POLL_MS } from './useExerciseFeed';

/**
 * The facilitator's screen (#/training/facilitate/<id>), for an account holding the facilitator
 * right: per participant, which inject each acknowledged and when, and how many exercise messages
 * each sent and received — never what they said (the registry never has it). The debrief is the
 * shared one (shared/training/debrief.ts), computed from the same progress.
 */
export function FacilitatorScreen({ exerciseId }: { exerciseId: string }) {
  const { t } = useTranslation('exercise');
  const session = useVaultSession();
  const [progress, setProgress] = useState<ExerciseProgress | null>(null);
  const [error, setError] = useState<unknown>(null);

  const poll = useCallback(async () => {
    try {
      setProgress(await loadExerciseProgress(session, exerciseId));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [session, exerciseId]);
  useEffect(() => {
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll]);

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

function ProgressView({ progress }: { progress: ExerciseProgress }) {
  const { t, i18n } = useTranslation('exercise');
  const language = uiLanguage(i18n.language);
  const [showDebrief, setShowDebrief] = useState(false);
  const { scenario, runs } = useMemo(() => runsFromProgress(progress), [progress]);
  const rows = useMemo(() => progressByParticipant(progress), [progress]);
  const minute = Math.min(
    scenario.durationMinutes,
    exerciseMinute(
      Date.parse(progress.startedAt),
      progress.speed,
      Date.now(),
      progress.stoppedAt ? Date.parse(progress.stoppedAt) : undefined,
    ),
  );
  const released = scenario.injects.filter((i) => i.at <= minute);

  return (
    <>
      <h3 id="facilitator-title">{t('facilitator.title', { title: scenario.title[language] })}</h3>
      <p>
        {progress.stoppedAt ? t('run.stopped') : t('facilitator.clock', { clock: scenarioClock(minute) })}
      </p>
      <p>{t('facilitator.noContents')}</p>
      <table className="debrief-table" aria-label={t('facilitator.tableLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('facilitator.participant')}</th>
            {released.map((inject) => (
              <th scope="col" key={inject.id}>
                {t('facilitator.injectColumn', {
                  clock: scenarioClock(inject.at),
                  kind: t(`kinds.${inject.kind}`),
                })}
              </th>
            ))}
            <th scope="col">{t('facilitator.sent')}</th>
            <th scope="col">{t('facilitator.received')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.party}>
              <th scope="row">
                {t('run.participant', {
                  state: stateName(row.state, language),
                  role: t(`roles.${row.role}`),
                  party: scenario.parties.find((p) => p.id === row.party)?.name ?? row.party,
                })}
              </th>
              {released.map((inject) => {
                const ack = row.acknowledged.get(inject.id);
                return (
                  <td key={inject.id}>
                    {ack
                      ? t('facilitator.acknowledgedAt', {
                          clock: scenarioClock(ack.minute),
                          time: new Date(ack.receivedAt).toLocaleTimeString(language),
                        })
                      : t('facilitator.notAcknowledged')}
                  </td>
                );
              })}
              <td>{row.sent}</td>
              <td>{row.received}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <button type="button" aria-expanded={showDebrief} onClick={() => setShowDebrief((v) => !v)}>
        {t('facilitator.openDebrief')}
      </button>
      {showDebrief && <GroupDebrief scenario={scenario} runs={runs} endedAt={minute} />}
    </>
  );
}

function GroupDebrief({
  scenario,
  runs,
  endedAt,
}: Pick<ReturnType<typeof runsFromProgress>, 'scenario' | 'runs'> & { endedAt: number }) {
  const { t, i18n } = useTranslation('training');
  const { t: te } = useTranslation('exercise');
  const language = uiLanguage(i18n.language);
  const host = useHost();
  const [saved, setSaved] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const debrief = useMemo(() => computeDebrief(scenario, runs, endedAt), [scenario, runs, endedAt]);

  const exportPdf = async () => {
    setBusy(true);
    setSaved(null);
    try {
      const saved = await saveDebriefPdf(host, {
        scenario,
        participants: debrief.participants,
        t,
        language,
        fileStem: 'group-exercise-debrief',
      });
      if (saved) setSaved(t('debrief.pdfSaved'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="group-debrief-title">
      <h4 id="group-debrief-title">{te('facilitator.debriefTitle')}</h4>
      {debrief.participants.map((p) => {
        const name = scenario.parties.find((party) => party.id === p.participant)?.name ?? p.participant;
        return (
          <section key={p.participant} aria-label={t('debrief.participantLabel', { name })}>
            <h5>
              {name} — {t(`roles.${p.role}`)}
            </h5>
            <DebriefFacts p={p} language={language} />
          </section>
        );
      })}
      <button type="button" disabled={busy} onClick={() => void exportPdf()}>
        {t('debrief.exportPdf')}
      </button>
      {saved && <p role="status">{saved}</p>}
    </section>
  );
}
