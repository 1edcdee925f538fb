import { describe, expect, it } from 'vitest';
import {
  builtinScenario,
  progressReport,
  ProgressReportSchema,
  type RunState,
  type Scenario,
} from '../../../../shared/training';

const scenario = builtinScenario('ddos-portals') as Scenario;
const run: RunState = {
  id: 'run-group0001',
  scenarioId: scenario.id,
  participant: 'xcc-tech',
  compression: 60,
  elapsedMinutes: 100,
  resumedAt: null,
  savedAt: 0,
  actions: [
    {
      id: 'action-g0000001',
      kind: 'inquiry',
      to: 'xaa-tech',
      at: 20,
      roleDecision: 'same-role',
      toRole: 'technical',
      messageId: 'a1b2c3d4e5f60708',
    },
    {
      id: 'action-g0000002',
      kind: 'acknowledge',
      to: 'xbb-tech',
      at: 70,
      statement: true,
      messageId: 'b1b2c3d4e5f60708',
    },
  ],
  notes: { 'q-consent': 'SECRET NOTE: only with Aldoria’s consent' },
  finished: false,
};

describe('group-mode progress for the facilitator', () => {
  it('says what was done and when, never what was said', () => {
    const report = progressReport(scenario, 'exercise-0001', run, 100);
    expect(report).toEqual({
      exerciseId: 'exercise-0001',
      participant: { state: 'XCC', role: 'technical' },
      at: 100,
      steps: [
        { kind: 'inquiry', expectedId: 'e-inquiry', at: 20 },
        { kind: 'acknowledge', expectedId: 'e-ack-neighbour', at: 70, statement: true },
      ],
    });
    const wire = JSON.stringify(report);
    for (const secret of ['SECRET', 'a1b2c3d4', 'xaa-tech', 'xbb-tech', 'q-consent'])
      expect(wire).not.toContain(secret);
  });

  it('refuses a report carrying anything more, such as message text', () => {
    const report = progressReport(scenario, 'exercise-0001', run, 100);
    const leaky = { ...report, steps: [{ ...report.steps[0], text: 'the inquiry body' }] };
    expect(ProgressReportSchema.safeParse(leaky).success).toBe(false);
    expect(ProgressReportSchema.safeParse({ ...report, notes: run.notes }).success).toBe(false);
  });
});
