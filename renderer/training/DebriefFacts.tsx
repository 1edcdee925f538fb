import { useTranslation } from 'react-i18next';
import type { ParticipantDebrief } from '../../shared/training';
import type { UnLanguage } from '../../shared/i18n/languages';
import { scenarioClock } from './language';

/**
 * One participant's debrief facts and expected actions (A §13 e exercises): the same on the solo
 * debrief and on the facilitator's group debrief.
 */
export function DebriefFacts({ p, language }: { p: ParticipantDebrief; language: UnLanguage }) {
  const { t } = useTranslation('training');
  const minutes = (value: number | null) =>
    value === null ? '—' : t('debrief.minutes', { count: Math.round(value) });
  // A median of nothing is said in words: a dash here once read "Median …: — — Median …: —".
  const median = (value: number | null) => (value === null ? t('debrief.noMedian') : minutes(value));
  const clock = (at: number | null) => (at === null ? '—' : scenarioClock(at));
  return (
    <>
      <ul className="debrief-facts">
        <li>{t('debrief.summary', { onTime: p.onTime, late: p.late, missed: p.missed })}</li>
        <li>
          {t('debrief.medianAck')}: {median(p.medianMinutesTo.acknowledge)}
        </li>
        <li>
          {t('debrief.medianAnswer')}: {median(p.medianMinutesTo.answer)}
        </li>
        <li>
          {t('debrief.statement', {
            withStatement: p.acknowledgements.withStatement,
            total: p.acknowledgements.total,
          })}
        </li>
        <li>
          {t('debrief.pings', {
            answered: p.pings.answered,
            expected: p.pings.expected,
            onTime: p.pings.onTime,
          })}
        </li>
      </ul>
      {!p.scripted && <p>{t('debrief.unscripted')}</p>}
      <table className="debrief-table" aria-label={t('debrief.actionsTitle')}>
        <thead>
          <tr>
            <th scope="col">{t('debrief.action')}</th>
            <th scope="col">{t('debrief.opened')}</th>
            <th scope="col">{t('debrief.deadline')}</th>
            <th scope="col">{t('debrief.done')}</th>
            <th scope="col">{t('debrief.took')}</th>
            <th scope="col">{t('debrief.result')}</th>
          </tr>
        </thead>
        <tbody>
          {p.lines.map((line) => (
            <tr key={line.expectedId} className={line.status}>
              <td>{line.label[language]}</td>
              <td>{clock(line.opensAt)}</td>
              <td>{clock(line.dueAt)}</td>
              <td>{clock(line.doneAt)}</td>
              <td>{minutes(line.tookMinutes)}</td>
              <td>{t(`status.${line.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
