import { z } from 'zod';
import {
  EntryIdSchema,
  FingerprintSchema,
  PocRoleSchema,
  PointOfContactSchema,
  StateCodeSchema,
} from '../directory/model';
import { REGISTRY_ERROR_CODES } from './errors';

/**
 * The central registry protocol, version 2 (ARCHITECTURE.md, "The central registry protocol").
 * v2 (issues 9 and 14): statements name the registry and their signing time; key proof of
 * possession; the feed is a signed head plus immutable signed chunks (feed.ts), servable by mirrors.
 * One set of zod schemas for the reference server (registry/) and the sync engine (shared/sync);
 * the server also publishes them as an OpenAPI document (openapi.ts).
 *
 * Signed objects (directory pages from the registry, statements from a POC) travel as
 * `{ <object>, signature }` where `signature` is a base64 binary OpenPGP detached signature over
 * the canonical JSON (canonicalJson.ts) of the object exactly as it was received.
 */

export const PROTOCOL = 'poc-registry/v2' as const;
/** A sequence number of the change feed: 0 means "nothing applied yet". */
export const SequenceSchema = z.number().int().nonnegative();
export const Base64Schema = z
  .string()
  .max(16 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const TokenSchema = z.string().regex(/^[A-Za-z0-9_-]{32,128}$/);
const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
const OpaqueIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const ArmoredPublicKeySchema = z
  .string()
  .max(64 * 1024)
  .includes('BEGIN PGP PUBLIC KEY BLOCK');

export const ErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(REGISTRY_ERROR_CODES),
    message: z.string().max(1000),
    /** Particulars a client can translate, e.g. { field: 'text.entity', policy: 'bidi-control' }. */
    detail: z.record(z.string().max(64), z.string().max(200)).optional(),
  }),
});
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

// --- registry identity and health ------------------------------------------------------------

export const RegistryInfoSchema = z.object({
  /** Checked by the client before anything else: another version is a typed `protocol-mismatch`. */
  protocol: z.literal(PROTOCOL),
  name: z.string().max(200),
  fingerprint: FingerprintSchema,
  publicKey: ArmoredPublicKeySchema,
});
export type RegistryInfo = z.infer<typeof RegistryInfoSchema>;

export const HealthSchema = z.object({
  status: z.literal('ok'),
  head: SequenceSchema,
  time: z.iso.datetime(),
});

// --- directory change feed -------------------------------------------------------------------

/**
 * A put may come from a POC's edit (revision + 1) or from the registry itself: a ping answered within
 * 48 hours sets `lastPingConfirmedAt` on the answering POC's entries with a new seq and the same
 * revision (A §8). Clients apply every put as given.
 */
export const EntryChangeSchema = z.discriminatedUnion('op', [
  z.object({ seq: z.number().int().positive(), op: z.literal('put'), entry: PointOfContactSchema }),
  z.object({ seq: z.number().int().positive(), op: z.literal('delete'), id: EntryIdSchema }),
]);
export type EntryChange = z.infer<typeof EntryChangeSchema>;

// --- enrolment -------------------------------------------------------------------------------

/** A one-time code issued through the Permanent Mission (A §7 c): letters, digits and dashes. */
export const EnrolmentCodeSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z0-9-]{8,64}$/, 'an enrolment code');

export const EnrolRequestSchema = z.object({ code: EnrolmentCodeSchema, publicKey: ArmoredPublicKeySchema });
export const EnrolResponseSchema = z.object({
  accountId: OpaqueIdSchema,
  state: StateCodeSchema,
  role: PocRoleSchema,
  fingerprint: FingerprintSchema,
  registry: FingerprintSchema,
});
export type EnrolResponse = z.infer<typeof EnrolResponseSchema>;

// --- sessions --------------------------------------------------------------------------------

export const ChallengeRequestSchema = z.object({ accountId: OpaqueIdSchema });
export const ChallengeSchema = z.object({
  challengeId: OpaqueIdSchema,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/),
  expiresAt: z.iso.datetime(),
});
export type Challenge = z.infer<typeof ChallengeSchema>;

/** What the POC signs to open a session: binds the registry so a signature cannot be relayed. */
export const SessionStatementSchema = z.strictObject({
  purpose: z.literal('session'),
  registry: FingerprintSchema,
  challengeId: OpaqueIdSchema,
  nonce: z.string().regex(/^[A-Za-z0-9_-]{32,128}$/),
});
export type SessionStatement = z.infer<typeof SessionStatementSchema>;
export const SessionRequestSchema = z.strictObject({
  statement: SessionStatementSchema,
  signature: Base64Schema,
  /**
   * The signer's key as it is now, sent only after the registry refused the signature: a key renewed
   * after the registry's copy expired. The registry merges it into its copy (registry/context.ts
   * mergeRenewedAccountKey) and verifies with that.
   */
  renewedKey: ArmoredPublicKeySchema.optional(),
});
export const SessionSchema = z.object({ token: TokenSchema, expiresAt: z.iso.datetime() });
export type Session = z.infer<typeof SessionSchema>;

// --- own entries (A §7 d) --------------------------------------------------------------------

/** How long a signed statement stays good, and how far ahead of the registry's clock it may be dated. */
export const STATEMENT_MAX_AGE_MS = 30 * 24 * 3600_000;
export const STATEMENT_MAX_FUTURE_MS = 10 * 60_000;

/**
 * An edit of an own entry. It names the registry it is for and when it was signed, so it cannot be
 * replayed to another registry, nor later than STATEMENT_MAX_AGE_MS (the outbox can wait offline for
 * days; a conflict re-signs). Strict: a member the schema does not know is refused, never trimmed,
 * because the registry keeps the exact signed bytes as evidence.
 */
export const EntryUpdateStatementSchema = z.strictObject({
  purpose: z.literal('entry-update'),
  registry: FingerprintSchema,
  signedAt: z.iso.datetime(),
  entry: PointOfContactSchema,
  /** The revision the edit was based on; 0 creates a new entry. */
  baseRevision: z.number().int().nonnegative(),
  idempotencyKey: IdempotencyKeySchema,
});
export type EntryUpdateStatement = z.infer<typeof EntryUpdateStatementSchema>;
export const EntryUpdateRequestSchema = z.strictObject({
  statement: EntryUpdateStatementSchema,
  signature: Base64Schema,
  /**
   * Proof of possession: a signature over the same canonical statement by the key the entry
   * publishes (`entry.openpgp`), required when that key is not the account's own enrolled key.
   */
  keyProof: Base64Schema.optional(),
});
export type EntryUpdateRequest = z.infer<typeof EntryUpdateRequestSchema>;
export const EntryUpdateResponseSchema = z.object({
  entry: PointOfContactSchema,
  seq: z.number().int().positive(),
});
/** 409 body: the registry's current version, so the app can show both and let the user choose. */
export const EntryConflictSchema = ErrorBodySchema.extend({ current: PointOfContactSchema });

// --- ping tests (A §8) -----------------------------------------------------------------------

export const PingSchema = z.object({
  id: OpaqueIdSchema,
  campaignId: OpaqueIdSchema,
  sentAt: z.iso.datetime(),
  deadline: z.iso.datetime(),
  answeredAt: z.iso.datetime().optional(),
  late: z.boolean().optional(),
});
export type Ping = z.infer<typeof PingSchema>;
export const PingListSchema = z.object({ pings: z.array(PingSchema).max(1000) });

export const PingAckStatementSchema = z.strictObject({
  purpose: z.literal('ping-ack'),
  registry: FingerprintSchema,
  pingId: OpaqueIdSchema,
  /** When the POC clicked "confirm", by their clock; the registry records its own receipt time too. */
  acknowledgedAt: z.iso.datetime(),
  idempotencyKey: IdempotencyKeySchema,
});
export type PingAckStatement = z.infer<typeof PingAckStatementSchema>;
export const PingAckRequestSchema = z.strictObject({
  statement: PingAckStatementSchema,
  signature: Base64Schema,
});
export type PingAckRequest = z.infer<typeof PingAckRequestSchema>;
export const PingAckResponseSchema = z.object({ ping: PingSchema });

// --- the account's own rights ----------------------------------------------------------------

/**
 * What the caller's account may do (GET /v1/account), so the app offers only what the registry will
 * accept. Added to protocol v2 without a version change: a registry that predates it answers 404,
 * and the app then keeps what it knew. The rights are granted by the registry manager with the
 * enrolment code (A §7 c: « les États peuvent demander au Bureau des affaires de désarmement, par
 * l'intermédiaire de leur mission permanente à New York, des identifiants de connexion »).
 */
export const AccountRightsSchema = z.object({
  state: StateCodeSchema,
  role: PocRoleSchema,
  /** How many new entries of its State and role this account may still create (0: the manager creates them). */
  mayCreate: z.number().int().nonnegative(),
  /** May read the progress of group exercises (issue 12). */
  facilitator: z.boolean(),
});
export type AccountRights = z.infer<typeof AccountRightsSchema>;

/** Every route of the protocol (paths keep their /v1 prefix; the version is `PROTOCOL`), for the OpenAPI document and for the client's paths. */
export const ROUTES = {
  info: '/v1/registry',
  health: '/v1/health',
  openapi: '/v1/openapi.json',
  enrol: '/v1/enrol',
  challenge: '/v1/session/challenge',
  session: '/v1/session',
  /** Ends the caller's session at once (the app calls it on lock and on quit). */
  logout: '/v1/session/logout',
  /** The caller's own account and rights (AccountRightsSchema). */
  account: '/v1/account',
  entry: '/v1/entries/:id',
  pings: '/v1/pings',
  pingAck: '/v1/pings/:id/ack',
} as const;
