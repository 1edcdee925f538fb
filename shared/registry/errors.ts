import { CodedError } from '../errors';

/**
 * Stable error codes of the registry protocol (v2). The server answers every failure as
 * `{ error: { code, message } }`; the client maps a code to translated text (namespace `sync`,
 * key `errors.<code>`) that says what to do next. Codes never change meaning once shipped.
 */
export const REGISTRY_ERROR_CODES = [
  'bad-request',
  'payload-too-large',
  'rate-limited',
  'timeout',
  'unauthorized',
  'token-expired',
  'challenge-invalid',
  'code-invalid',
  'code-expired',
  'code-used',
  'account-revoked',
  'forbidden-state',
  /** The entry belongs to the caller's State but to the other role (issue 9 §1). */
  'forbidden-role',
  /** Creating an entry needs a right granted with the enrolment code (`--may-create N`). */
  'create-not-allowed',
  /** The OpenPGP key being published is already in another entry (any State). */
  'fingerprint-in-use',
  /** The update publishes a key without a valid signature by that key (proof of possession). */
  'key-proof-invalid',
  /** Entry text the directory's text policy refuses (shared/directory/textPolicy.ts); `detail` names it. */
  'text-refused',
  /** A signed statement names another registry than this one. */
  'wrong-registry',
  /** A signed statement is too old (or dated in the future) to be accepted now: a replay. */
  'statement-expired',
  /** A request carries members the protocol does not know: refused, never trimmed. */
  'unknown-member',
  'unsupported-media-type',
  'uri-too-long',
  'not-found',
  'conflict',
  'signature-invalid',
  /** The client asked for changes after a sequence the registry never reached: a rollback. */
  'ahead-of-registry',
  /** Issue 12: reading exercise progress needs the facilitator right (`issue-code --facilitator`). */
  'not-facilitator',
  /** Issue 12: the caller's State and role are not among the exercise's participants. */
  'not-participant',
  /** Issue 12: the exercise was stopped; it takes no more progress. */
  'exercise-stopped',
  'internal',
] as const;
export type RegistryErrorCode = (typeof REGISTRY_ERROR_CODES)[number];

export function isRegistryErrorCode(value: unknown): value is RegistryErrorCode {
  return typeof value === 'string' && (REGISTRY_ERROR_CODES as readonly string[]).includes(value);
}

/** HTTP status the server uses for each code. */
export const REGISTRY_ERROR_STATUS: Record<RegistryErrorCode, number> = {
  'bad-request': 400,
  'payload-too-large': 413,
  'rate-limited': 429,
  timeout: 408,
  unauthorized: 401,
  'token-expired': 401,
  'challenge-invalid': 401,
  'code-invalid': 403,
  'code-expired': 403,
  'code-used': 403,
  'account-revoked': 403,
  'forbidden-state': 403,
  'forbidden-role': 403,
  'create-not-allowed': 403,
  'fingerprint-in-use': 409,
  'key-proof-invalid': 400,
  'text-refused': 400,
  'wrong-registry': 403,
  'statement-expired': 403,
  'unknown-member': 400,
  'unsupported-media-type': 415,
  'uri-too-long': 414,
  'not-found': 404,
  conflict: 409,
  'signature-invalid': 400,
  'ahead-of-registry': 409,
  'not-facilitator': 403,
  'not-participant': 403,
  'exercise-stopped': 409,
  internal: 500,
};

/** A failure the registry reported, with its stable code. */
export class RegistryError extends CodedError<RegistryErrorCode> {
  constructor(
    code: RegistryErrorCode,
    message: string = code,
    readonly status: number = REGISTRY_ERROR_STATUS[code],
    /** Machine-readable particulars (e.g. which field and which text policy), safe to show. */
    readonly detail?: Record<string, string>,
  ) {
    super(code, message);
  }
}
