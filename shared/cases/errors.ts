import { CodedError } from '../errors';

/** Errors a user can meet in the exchange log; the UI shows `cases:errors.<code>`. */
export const CASE_ERROR_CODES = [
  'consent-missing',
  'chain-broken',
  'case-not-found',
  'not-a-case',
  'handover-not-allowed',
] as const;
export type CaseErrorCode = (typeof CASE_ERROR_CODES)[number];

export class CaseError extends CodedError<CaseErrorCode> {
  constructor(
    code: CaseErrorCode,
    readonly detail?: string,
  ) {
    super(code, detail ? `${code}: ${detail}` : code);
  }
}
