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
  /** The answer is not what the protocol says. */
  'invalid-response',
  'not-enrolled',
  /** The registry shown at enrolment differs from the one that answered the enrolment. */
  'registry-changed',
  /** The registry speaks another protocol version than this app (issue 14 bumped it to v2). */
  'protocol-mismatch',
  /**
   * Issue 9 §3: the newest signed feed is older than the freshness bound by this device's clock, so
   * somebody may be replaying an old feed (or the registry stopped signing): the last good copy is kept.
   */
  'stale-feed',
  /** The feed is dated far ahead of this device's clock: refused like a stale one. */
  'feed-from-future',
  /** An answer larger than the client reads before parsing (issue 9 §6). */
  'response-too-large',
  /** A file chosen for "Update from a file" or an outbox file is not one this app can use. */
  'bad-file',
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
