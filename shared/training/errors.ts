import { CodedError } from '../errors';

/** Errors a user can meet in training; the UI shows `training:errors.<code>`. */
export const TRAINING_ERROR_CODES = [
  'not-json',
  'not-a-scenario',
  'unknown-version',
  'invalid-scenario',
  'too-large',
  'recipient-outside-exercise',
  'not-an-exercise-item',
  'run-not-found',
  /** Group mode: an exercise feed whose registry signature does not verify (or of another exercise). */
  'exercise-feed-invalid',
] as const;
export type TrainingErrorCode = (typeof TRAINING_ERROR_CODES)[number];

export class TrainingError extends CodedError<TrainingErrorCode> {
  constructor(
    code: TrainingErrorCode,
    /** For logs and tests: the failing path or the version met (never personal data). */
    readonly detail?: string,
  ) {
    super(code, detail ? `${code}: ${detail}` : code);
  }
}
