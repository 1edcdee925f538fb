import { z } from 'zod';
import { FingerprintSchema, PocRoleSchema, PointOfContactSchema, StateCodeSchema } from '../directory/model';
import { EntryUpdateRequestSchema, PingAckRequestSchema } from '../registry/protocol';
import { EntryWithdrawRequestSchema } from '../registry/withdraw';

/** What the app remembers about its registry; stored encrypted (vault collection 'sync', id 'state'). */
export const SyncStateSchema = z.object({
  registryUrl: z.url({ protocol: /^https?$/ }),
  /** Pinned at enrolment after the user compared it with what the Permanent Mission received. */
  registryFingerprint: FingerprintSchema,
  registryPublicKey: z.string().max(64 * 1024),
  accountId: z.string(),
  state: StateCodeSchema,
  role: PocRoleSchema,
  ownFingerprint: FingerprintSchema,
  enrolledAt: z.iso.datetime(),
  /** Highest sequence applied; the next pull starts after it. */
  lastSeq: z.number().int().nonnegative(),
  /** Highest head any verified page announced: a page announcing less is a rollback. */
  knownHead: z.number().int().nonnegative(),
  /** When the registry signed the newest feed head accepted: the directory is current as of then. */
  lastIssuedAt: z.iso.datetime().optional(),
  /** Issue 14: a static mirror of the feed to read from (read-only; the outbox still goes to the registry). */
  mirrorUrl: z.url({ protocol: /^https?$/ }).optional(),
  /** Issue 9 §3: how old a signed feed may be before it is refused as stale (default 24 h). */
  maxFeedAgeHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90)
    .optional(),
  lastSyncAt: z.iso.datetime().optional(),
  /**
   * The account's rights as the registry last stated them (GET /v1/account), refreshed on every
   * sync; offline, the app goes by these. Absent until the registry has said (or if it predates the route).
   */
  rights: z
    .object({
      /** New entries this account may still create (granted with the enrolment code). */
      mayCreate: z.number().int().nonnegative(),
      facilitator: z.boolean(),
      checkedAt: z.iso.datetime(),
    })
    .optional(),
  /** Consecutive failed sync attempts, for the backoff. */
  failures: z.number().int().nonnegative().default(0),
  lastError: z
    .object({
      code: z.string(),
      message: z.string(),
      at: z.iso.datetime(),
      nextRetryAt: z.iso.datetime().optional(),
    })
    .optional(),
});
export type SyncState = z.infer<typeof SyncStateSchema>;

const OutboxBase = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  createdAt: z.iso.datetime(),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: z.iso.datetime(),
  /** waiting: will be sent; conflict: needs the user's choice; rejected: the registry refused it. */
  status: z.enum(['waiting', 'conflict', 'rejected']),
  /** `detail`: what the registry named (e.g. the field and text policy of a refused text), to translate. */
  lastError: z
    .object({ code: z.string(), message: z.string(), detail: z.record(z.string(), z.string()).optional() })
    .optional(),
});

/** A durable outbox item (vault collection 'outbox'): signed when queued, so it can wait for days. */
export const OutboxItemSchema = z.discriminatedUnion('kind', [
  OutboxBase.extend({
    kind: z.literal('entry-update'),
    request: EntryUpdateRequestSchema,
    /** The registry's version when it refused ours as a conflict. */
    theirs: PointOfContactSchema.optional(),
  }),
  OutboxBase.extend({ kind: z.literal('ping-ack'), request: PingAckRequestSchema }),
  OutboxBase.extend({ kind: z.literal('entry-withdraw'), request: EntryWithdrawRequestSchema }),
]);
export type OutboxItem = z.infer<typeof OutboxItemSchema>;
