import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName } from '../../../shared/directory/stateNames';
import { formatTime } from '../../../shared/i18n/formats';
import { exerciseMinute, type ExerciseProgress } from '../../../shared/registry/exercise';
import { computeDebrief, progressByParticipant, runsFromProgress } from '../../../shared/training';
import { DebriefFacts } from '../DebriefFacts';
import { DebriefPdfExport } from '../DebriefPdfExport';
import { scenarioClock, uiLanguage } from '../language';

/**
 * What the facilitator sees of an exercise: per participant, which inject each acknowledged and when
 * (scenario time, and the registry's receipt time in the device's zone, named), how many exercise
 * messages each sent and received — never what they said (the registry never has it) — and the
 * shared debrief (shared/training/debrief.ts) computed from the same progress.
 */
export function ProgressView({ progress }: { progress: ExerciseProgress }) {
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
                          time: formatTime(ack.receivedAt, i18n.language),
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
      {showDebrief && (
        <GroupDebrief scenario={scenario} runs={runs} endedAt={minute} players={progress.participants} />
      )}
    </>
  );
}

function GroupDebrief({
  scenario,
  runs,
  endedAt,
  players,
}: Pick<ReturnType<typeof runsFromProgress>, 'scenario' | 'runs'> & {
  endedAt: number;
  players: ExerciseProgress['participants'];
}) {
  const { t, i18n } = useTranslation('training');
  const { t: te } = useTranslation('exercise');
  const language = uiLanguage(i18n.language);
  const debrief = useMemo(() => {
    const computed = computeDebrief(scenario, runs, endedAt);
    const byParty = new Map(players.map((p) => [p.party, { state: p.state, role: p.role }]));
    return {
      ...computed,
      participants: computed.participants.map((p) => {
        const playedBy = byParty.get(p.participant);
        return playedBy ? { ...p, playedBy } : p;
      }),
    };
  }, [scenario, runs, endedAt, players]);

  return (
    <section aria-labelledby="group-debrief-title">
      <h4 id="group-debrief-title">{te('facilitator.debriefTitle')}</h4>
      {debrief.participants.map((p) => {
        const name = scenario.parties.find((party) => party.id === p.participant)?.name ?? p.participant;
        return (
          <section key={p.participant} aria-label={t('debrief.participantLabel', { name })}>
            <h5>
              {name} — {t(`roles.${p.role}`)}
              {p.playedBy &&
                ` — ${t('debrief.playedBy', { state: stateName(p.playedBy.state, language), role: t(`roles.${p.playedBy.role}`) })}`}
            </h5>
            <DebriefFacts p={p} language={language} />
          </section>
        );
      })}
      <DebriefPdfExport
        scenario={scenario}
        participants={debrief.participants}
        fileStem="group-exercise-debrief"
      />
    </section>
  );
}
