import type { TFunction } from 'i18next';
import { stateName } from '../../shared/directory/stateNames';
import type { UnLanguage } from '../../shared/i18n/languages';
import { partyOf, type ParticipantDebrief, type Scenario } from '../../shared/training';
import { scenarioClock } from './language';

/** The debrief as text lines, for the PDF (the screen shows the same facts as tables). */
export function debriefLines(
  scenario: Scenario,
  participants: readonly ParticipantDebrief[],
  t: TFunction,
  language: UnLanguage,
): string[] {
  const median = (value: number | null) =>
    value === null ? t('debrief.noMedian') : t('debrief.minutes', { count: Math.round(value) });
  const lines: string[] = [
    t('exercise.banner'),
    '',
    `${t('debrief.scenario')}: ${scenario.title[language]}`,
    '',
  ];
  for (const p of participants) {
    const party = partyOf(scenario, p.participant);
    const playedBy = p.playedBy
      ? ` — ${t('debrief.playedBy', { state: stateName(p.playedBy.state, language), role: t(`roles.${p.playedBy.role}`) })}`
      : '';
    lines.push(
      `${t('debrief.participant')}: ${party?.name ?? p.participant} (${p.state}, ${t(`roles.${p.role}`)})${playedBy}`,
    );
    lines.push(t('debrief.summary', { onTime: p.onTime, late: p.late, missed: p.missed }));
    lines.push(
      `${t('debrief.medianAck')}: ${median(p.medianMinutesTo.acknowledge)}`,
      `${t('debrief.medianAnswer')}: ${median(p.medianMinutesTo.answer)}`,
    );
    lines.push(
      t('debrief.statement', {
        withStatement: p.acknowledgements.withStatement,
        total: p.acknowledgements.total,
      }),
    );
    lines.push(
      t('debrief.pings', { answered: p.pings.answered, expected: p.pings.expected, onTime: p.pings.onTime }),
      '',
    );
    lines.push(t('debrief.actionsTitle'));
    if (!p.scripted) lines.push(t('debrief.unscripted'));
    for (const line of p.lines) {
      const when = line.doneAt === null ? t('debrief.notDone') : scenarioClock(line.doneAt);
      lines.push(
        `• ${line.label[language]} — ${t(`status.${line.status}`)} — ${t('debrief.opened')} ${line.opensAt === null ? '—' : scenarioClock(line.opensAt)}, ${t('debrief.deadline')} ${line.dueAt === null ? '—' : scenarioClock(line.dueAt)}, ${t('debrief.done')} ${when}`,
      );
    }
    lines.push('', t('debrief.roleTitle'));
    if (!p.roleDecisions.length) lines.push(t('debrief.none'));
    for (const d of p.roleDecisions)
      lines.push(
        `• ${scenarioClock(d.at)} — ${partyOf(scenario, d.to)?.name ?? d.to} — ${t(`decision.${d.decision}`)}`,
      );
    if (p.answers.length) lines.push('', t('debrief.questionsTitle'));
    for (const q of p.answers) lines.push(`• ${q.question[language]}`, `  ${q.note || t('debrief.noNote')}`);
    lines.push('');
  }
  lines.push(t('exercise.banner'));
  return lines;
}
