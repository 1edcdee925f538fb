import { describe, expect, it } from 'vitest';
import { builtinScenario, computeDebrief, type RunState, type Scenario } from '../../../../shared/training';

const scenario = builtinScenario('ddos-portals') as Scenario;

const run = (
  participant: string,
  actions: RunState['actions'],
  notes: Record<string, string> = {},
): RunState => ({
  id: `run-${participant}`,
  scenarioId: scenario.id,
  participant,
  compression: 60,
  elapsedMinutes: 240,
  resumedAt: null,
  savedAt: 0,
  actions,
  notes,
  finished: true,
});

describe('the debrief', () => {
  it('reports per participant times against deadlines, the A §10 statement, pings, role decisions and notes', () => {
    const diligent = run(
      'xcc-tech',
      [
        {
          id: 'action-00000001',
          kind: 'inquiry',
          to: 'xaa-tech',
          at: 20,
          roleDecision: 'same-role',
          toRole: 'technical',
        },
        { id: 'action-00000002', kind: 'acknowledge', to: 'xbb-tech', at: 70, statement: true },
        { id: 'action-00000003', kind: 'answer', to: 'xbb-tech', at: 100 },
        { id: 'action-00000004', kind: 'follow-up', to: 'xaa-tech', at: 130 },
        { id: 'action-00000005', kind: 'ping-reply', to: '', at: 185 },
      ],
      { 'q-consent': 'Only with the consent of Aldoria (A §11).' },
    );
    const careless = run('xcc-tech', [
      { id: 'action-00000011', kind: 'acknowledge', to: 'xbb-tech', at: 95, statement: false },
      { id: 'action-00000012', kind: 'acknowledge', to: 'xbb-tech', at: 96, statement: true },
    ]);
    const [a, b] = computeDebrief(scenario, [diligent, careless], 240).participants;
    expect(a).toMatchObject({ state: 'XCC', role: 'technical', onTime: 5, late: 0, missed: 0 });
    expect(a?.medianMinutesTo).toEqual({ acknowledge: 10, answer: 40 });
    expect(a?.acknowledgements).toEqual({ total: 1, withStatement: 1 });
    expect(a?.pings).toEqual({ expected: 1, answered: 1, onTime: 1 });
    expect(a?.roleDecisions).toEqual([
      { to: 'xaa-tech', toRole: 'technical', decision: 'same-role', at: 20 },
    ]);
    expect(a?.answers.find((q) => q.questionId === 'q-consent')?.note).toContain('consent of Aldoria');

    expect(b?.lines.find((l) => l.expectedId === 'e-ack-neighbour')).toMatchObject({
      status: 'late',
      tookMinutes: 35,
    });
    expect(b?.acknowledgements).toEqual({ total: 2, withStatement: 1 });
    expect(b?.pings).toEqual({ expected: 1, answered: 0, onTime: 0 });
    expect(b?.lines.find((l) => l.expectedId === 'e-follow-up')?.status).toBe('missed');
    expect(b).toMatchObject({ onTime: 0, late: 1, missed: 3 });
    // The ping's deadline is exactly the end of the scenario: still open, not yet missed.
    expect(b?.lines.find((l) => l.expectedId === 'e-ping')).toMatchObject({ status: 'open', dueAt: 240 });
  });

  it('judges only the part the scenario was written for; another party is measured on its ping tests only', () => {
    // A group exercise: a participant plays Borealis (xbb-tech), for whom the scenario sets no actions.
    expect(scenario.player).toBe('xcc-tech');
    const other = run('xbb-tech', [
      { id: 'action-00000021', kind: 'answer', to: 'xcc-tech', at: 50, roleDecision: 'same-role' },
      { id: 'action-00000022', kind: 'ping-reply', to: '', at: 185 },
    ]);
    const player = run('xcc-tech', []);
    const [b, c] = computeDebrief(scenario, [other, player], 240).participants;
    expect(b?.scripted).toBe(false);
    expect(b?.lines.map((l) => l.kind)).toEqual(['ping-reply']);
    expect(b).toMatchObject({ onTime: 1, late: 0, missed: 0 });
    expect(b?.pings).toEqual({ expected: 1, answered: 1, onTime: 1 });
    expect(b?.roleDecisions).toEqual([{ to: 'xcc-tech', toRole: undefined, decision: 'same-role', at: 50 }]);
    expect(b?.answers).toEqual([]); // the questions, too, are written for the scripted part
    // The player's part keeps every expected action, done or not.
    expect(c?.scripted).toBe(true);
    expect(c?.lines.length).toBeGreaterThan(1);
    expect(c?.missed).toBeGreaterThan(0);
  });
});
