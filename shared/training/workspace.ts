import type { InquiryTemplate } from '../templates/model';
import { TrainingError } from './errors';
import type { ExerciseParty, Scenario } from './scenario';

/**
 * The exercise workspace's one rule for anything leaving it: an exercise message may only go to a
 * party of the same exercise, and it must be marked as an exercise. A real directory POC — even one
 * whose State and role match a fictional party — is refused, so a practice message can never reach
 * a real counterpart (and a real one can never be mistaken for practice).
 */
export const EXERCISE_POC_PREFIX = 'exercise:' as const;

/** The opaque POC id a party carries inside the exercise; never the id of a directory entry. */
export function exercisePocId(scenarioId: string, partyId: string): string {
  return `${EXERCISE_POC_PREFIX}${scenarioId}/${partyId}`;
}

export interface RecipientCandidate {
  /** Directory entry id or exercise POC id. */
  pocId: string;
  state: string;
  role: string;
}

export function assertExerciseRecipient(scenario: Scenario, recipient: RecipientCandidate): ExerciseParty {
  const party = scenario.parties.find((p) => exercisePocId(scenario.id, p.id) === recipient.pocId);
  if (!party || party.state !== recipient.state || party.role !== recipient.role) {
    throw new TrainingError('recipient-outside-exercise');
  }
  return party;
}

export function assertExerciseTemplate(template: Pick<InquiryTemplate, 'exercise'>): void {
  if (!template.exercise) throw new TrainingError('not-an-exercise-item');
}
