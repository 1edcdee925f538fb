import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { i18nOptions, isolatingFormatter } from '../../../../renderer/i18n/i18n';
import { FSI, PDI } from '../../../../shared/i18n/bidi';
import { debriefLines } from '../../../../renderer/training/debriefText';
import { builtinScenario, computeDebrief, runsFromProgress } from '../../../../shared/training';
import type { ExerciseProgress } from '../../../../shared/registry/exercise';

/** A fictional group exercise: France plays the scenario's own part (Aldoria), Germany plays Borealis. */
const progress: ExerciseProgress = {
  exerciseId: 'exercise-fictional-0002',
  scenario: builtinScenario('ransomware-port'),
  speed: 60,
  startedAt: '2026-12-01T06:00:00.000Z',
  stoppedAt: '2026-12-01T06:04:00.000Z',
  participants: [
    { state: 'FRA', role: 'technical', party: 'xaa-tech' },
    { state: 'DEU', role: 'technical', party: 'xbb-tech' },
  ],
  events: [],
};

async function lines(language: 'en' | 'ar'): Promise<string[]> {
  const i18n = createInstance();
  await i18n.use(isolatingFormatter).init(i18nOptions(language));
  const { scenario, runs } = runsFromProgress(progress);
  const debrief = computeDebrief(scenario, runs, 240);
  const players = new Map(progress.participants.map((p) => [p.party, { state: p.state, role: p.role }]));
  const participants = debrief.participants.map((p) => ({ ...p, playedBy: players.get(p.participant) }));
  return debriefLines(scenario, participants, i18n.getFixedT(language, 'training'), language);
}

describe('the group debrief as text (the PDF)', () => {
  it('names who played each part, and says when a part is not judged on the scenario actions', async () => {
    const en = await lines('en');
    const france = en.find((l) => l.startsWith('Participant: CERT-AL'));
    const germany = en.find((l) => l.startsWith('Participant: CSIRT-BO'));
    expect(france).toMatch(/— played by France \(technical POC\)$/);
    expect(germany).toMatch(/— played by Germany \(technical POC\)$/);
    expect(en.filter((l) => l.includes('measured on its ping tests only'))).toHaveLength(1);

    const ar = await lines('ar');
    expect(ar.some((l) => l.includes(`يؤدي الدور: ${FSI}فرنسا${PDI}`))).toBe(true);
    expect(ar.filter((l) => l.includes('اختبارات الاتصال'))).toHaveLength(1);
  });

  it('says in words when there is no median yet, one figure per line', async () => {
    const en = await lines('en');
    // Nothing was done in this exercise: no time to take a median of.
    expect(en.filter((l) => l === 'Median time to acknowledge: none done yet')).toHaveLength(2);
    expect(en.filter((l) => l === 'Median time to answer: none done yet')).toHaveLength(2);
    expect(en.some((l) => l.includes('— —'))).toBe(false);
  });
});
