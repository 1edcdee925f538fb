import { CodedError } from '../errors';
import type { PointOfContact } from '../directory/model';
import type { RegistryErrorCode } from '../registry/errors';

/**
 * What can go wrong while syncing, by stable code. The UI shows `sync:errors.<code>`, which says
 * what happened and what to do next. Registry-side codes (shared/registry/errors.ts) pass through.
 */
export const SYNC_ERROR_CODES = [
  /** The registry did not answer (no link, DNS, refused, reset): the app stays fully usable. */
  'offline',
  /** The registry answered too slowly. */
  'timeout',
  /** A page's signature does not verify, or its bytes were altered: nothing was applied. */
  'tampered',
  /** A page was signed by a key other than the one pinned at enrolment. */
  'wrong-key',
  /** The registry offered an older state than the one already applied. */
  'rollback',
  /** A page that answers an earlier request, or an old page, was offered again. */
  'replay',
  /** The answer is not what protocol v1 says. */
  'invalid-response',
  'not-enrolled',
  /** The registry shown at enrolment differs from the one that answered the enrolment. */
  'registry-changed',
] as const;
export type SyncErrorCode = (typeof SYNC_ERROR_CODES)[number];
export type SyncFailureCode = SyncErrorCode | RegistryErrorCode;

export class SyncError extends CodedError<SyncErrorCode> {}

/** The registry refused an own-entry update: somebody changed it first. */
export class EntryConflict extends Error {
  constructor(readonly current: PointOfContact) {
    super('conflict');
    this.name = 'EntryConflict';
  }
}

/** Failures worth retrying later with backoff (as opposed to refusals that need a person). */
export function isTransient(code: SyncFailureCode): boolean {
  return code === 'offline' || code === 'timeout' || code === 'rate-limited' || code === 'internal';
}
