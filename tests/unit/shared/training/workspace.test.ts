import { describe, expect, it } from 'vitest';
import { buildTemplate } from '../../../../shared/templates';
import {
  assertExerciseRecipient,
  assertExerciseTemplate,
  builtinScenario,
  exercisePocId,
  TrainingError,
  type Scenario,
} from '../../../../shared/training';

const scenario = builtinScenario('ransomware-port') as Scenario;

describe('the exercise workspace boundary', () => {
  it('lets an exercise message go to a party of the same exercise', () => {
    const party = assertExerciseRecipient(scenario, {
      pocId: exercisePocId(scenario.id, 'xbb-tech'),
      state: 'XBB',
      role: 'technical',
    });
    expect(party.name).toContain('CSIRT-BO');
  });

  it('never lets it go to a directory POC outside the exercise, even one with the same State and role', () => {
    for (const recipient of [
      { pocId: 'poc-8f3a2b1c9d', state: 'XBB', role: 'technical' },
      { pocId: exercisePocId('data-leak', 'xbb-tech'), state: 'XBB', role: 'technical' },
      { pocId: exercisePocId(scenario.id, 'xbb-tech'), state: 'XBB', role: 'diplomatic' },
    ]) {
      expect(() => assertExerciseRecipient(scenario, recipient)).toThrow(TrainingError);
      try {
        assertExerciseRecipient(scenario, recipient);
      } catch (error) {
        expect((error as TrainingError).code).toBe('recipient-outside-exercise');
      }
    }
  });

  it('refuses a template not marked as an exercise', () => {
    const sender = {
      name: 'Fictional analyst',
      affiliation: 'CERT-AL (fictional)',
      role: 'technical',
      state: 'XAA',
    } as const;
    const real = buildTemplate({ language: 'en', nature: 'request-information', sender });
    expect(() => assertExerciseTemplate(real)).toThrow(
      expect.objectContaining({ code: 'not-an-exercise-item' }),
    );
    expect(() => assertExerciseTemplate({ ...real, exercise: true })).not.toThrow();
  });
});
