import { z } from 'zod';
import { FingerprintSchema, PocRoleSchema, StateCodeSchema } from '../directory/model';
import {
  ExercisePartySchema,
  INJECT_KINDS,
  LocalizedTextSchema,
  PlayerActionKindSchema,
} from '../training/scenario';
import { ROLE_DECISIONS } from '../training/run';
import { Base64Schema, PROTOCOL } from './protocol';

/**
 * Group exercises through the registry (issue 12, "Group mode"), still protocol `poc-registry/v2`:
 * new routes, no change to an existing one. A §13 e) of A/78/265 asks for « un exercice de
 * simulation … pour permettre aux représentant(e)s des États de simuler les aspects pratiques de la
 * participation à un répertoire d'interlocuteurs ».
 *
 * - The registry releases a scenario's injects on its timeline as exercise items, in a feed signed
 *   by the registry key (the same key the app pinned at enrolment), readable by participants only.
 * - A participant reports progress as statements signed by its enrolled key: which inject it
 *   acknowledged, which message it sent or received (ids and parties, never contents: A §7 b, the
 *   registry « n'hébergera pas d'informations confidentielles transmises ou échangées entre les
 *   interlocuteurs »). The schema is strict: a `body`, `text` or any other member is refused.
 * - A facilitator (an account holding the facilitator right) reads progress, never contents.
 */

export const EXERCISE_ROUTES = {
  list: '/v1/exercises',
  feed: '/v1/exercises/:id/feed',
  progress: '/v1/exercises/:id/progress',
} as const;

export const exercisePath = (route: string, id: string) => route.replace(':id', encodeURIComponent(id));

const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/);
export const ExerciseIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);
/** A message id as the messages carry it (hex today); never a subject or a text. */
export const ExerciseMessageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,80}$/);
/** Real time runs `speed` times faster on the scenario clock (issue 12: 1×, 10×, 60×). */
export const EXERCISE_SPEEDS = [1, 10, 60] as const;
export const ExerciseSpeedSchema = z.union([z.literal(1), z.literal(10), z.literal(60)]);

export const ExerciseParticipantSchema = z.strictObject({
  state: StateCodeSchema,
  role: PocRoleSchema,
  /** The scenario party this State and role plays. */
  party: slug,
  /** Keys of the accounts enrolled for this State and role: where exercise messages may go. */
  fingerprints: z.array(FingerprintSchema).max(50),
});
export type ExerciseParticipant = z.infer<typeof ExerciseParticipantSchema>;

/** An inject once released: non-confidential, fictional, always marked as an exercise item. */
export const ExerciseItemSchema = z.strictObject({
  exercise: z.literal(true),
  id: slug,
  /** Scenario minute (T+) it was due at. */
  at: z.number().int().min(0),
  releasedAt: z.iso.datetime(),
  kind: z.enum(INJECT_KINDS),
  from: slug.optional(),
  text: LocalizedTextSchema,
  indicators: z.array(z.string().max(500)).max(200).optional(),
});
export type ExerciseItem = z.infer<typeof ExerciseItemSchema>;

export const ExerciseFeedSchema = z.strictObject({
  protocol: z.literal(PROTOCOL),
  purpose: z.literal('exercise-feed'),
  registry: FingerprintSchema,
  exerciseId: ExerciseIdSchema,
  scenarioId: slug,
  title: LocalizedTextSchema,
  briefing: LocalizedTextSchema,
  durationMinutes: z.number().int().positive(),
  speed: ExerciseSpeedSchema,
  startedAt: z.iso.datetime(),
  stoppedAt: z.iso.datetime().nullable(),
  /** When the registry signed this feed: a feed much older than the app's clock is stale. */
  issuedAt: z.iso.datetime(),
  participants: z.array(ExerciseParticipantSchema).min(1).max(50),
  /** The scenario's fictional parties (entity names, `example` addresses): who writes as whom. */
  parties: z.array(ExercisePartySchema).max(50),
  items: z.array(ExerciseItemSchema).max(2_000),
});
export type ExerciseFeed = z.infer<typeof ExerciseFeedSchema>;
/** `feed` stays unknown until its signature over these exact members is verified. */
export const SignedExerciseFeedSchema = z.object({ feed: z.unknown(), signature: Base64Schema });

export const ExerciseSummarySchema = z.object({
  id: ExerciseIdSchema,
  scenarioId: slug,
  title: LocalizedTextSchema,
  startedAt: z.iso.datetime(),
  stoppedAt: z.iso.datetime().nullable(),
  /** The caller's part: a participant plays a party; a facilitator watches progress. */
  as: z.enum(['participant', 'facilitator']),
  party: slug.optional(),
});
export type ExerciseSummary = z.infer<typeof ExerciseSummarySchema>;
export const ExerciseListSchema = z.object({
  /** Whether the caller holds the facilitator right (the app shows the facilitator screen only then). */
  facilitator: z.boolean(),
  exercises: z.array(ExerciseSummarySchema).max(1000),
});
export type ExerciseList = z.infer<typeof ExerciseListSchema>;

// --- progress (participant → registry → facilitator) -------------------------------------------

export const ProgressEventSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('inject-acknowledged'), injectId: slug }),
  z.strictObject({
    kind: z.literal('message-sent'),
    messageId: ExerciseMessageIdSchema,
    /** The party written to. */
    to: slug,
    /** What the message was (acknowledgement, answer…), as the debrief counts it. */
    action: PlayerActionKindSchema,
    /** Acknowledgements: whether the A §10 statement was carried (yes/no, never the text). */
    statement: z.boolean().optional(),
    roleDecision: z.enum(ROLE_DECISIONS).optional(),
  }),
  z.strictObject({ kind: z.literal('message-received'), messageId: ExerciseMessageIdSchema, from: slug }),
]);
export type ProgressEvent = z.infer<typeof ProgressEventSchema>;

export const ProgressStatementSchema = z.strictObject({
  purpose: z.literal('exercise-progress'),
  registry: FingerprintSchema,
  exerciseId: ExerciseIdSchema,
  signedAt: z.iso.datetime(),
  idempotencyKey: IdempotencyKeySchema,
  event: ProgressEventSchema,
});
export type ProgressStatement = z.infer<typeof ProgressStatementSchema>;
export const ProgressRequestSchema = z.strictObject({
  statement: ProgressStatementSchema,
  signature: Base64Schema,
});
export type ProgressRequest = z.infer<typeof ProgressRequestSchema>;

/** What the registry recorded: its own receipt time and the scenario minute it fell on. */
export const ProgressReceiptSchema = z.object({ receivedAt: z.iso.datetime(), minute: z.number().min(0) });

export const ProgressRecordSchema = z.object({
  state: StateCodeSchema,
  role: PocRoleSchema,
  party: slug,
  receivedAt: z.iso.datetime(),
  minute: z.number().min(0),
  event: ProgressEventSchema,
});
export type ProgressRecord = z.infer<typeof ProgressRecordSchema>;

/** The facilitator's view: the scenario (its expected actions and debrief questions) and the events. */
export const ExerciseProgressSchema = z.object({
  exerciseId: ExerciseIdSchema,
  scenario: z.unknown(),
  speed: ExerciseSpeedSchema,
  startedAt: z.iso.datetime(),
  stoppedAt: z.iso.datetime().nullable(),
  participants: z.array(ExerciseParticipantSchema.omit({ fingerprints: true })).max(50),
  events: z.array(ProgressRecordSchema).max(100_000),
});
export type ExerciseProgress = z.infer<typeof ExerciseProgressSchema>;

/** Scenario minute at real time `nowMs` of an exercise started at `startedAtMs` at `speed`. */
export function exerciseMinute(startedAtMs: number, speed: number, nowMs: number, stoppedAtMs?: number) {
  const end = stoppedAtMs === undefined ? nowMs : Math.min(nowMs, stoppedAtMs);
  return Math.max(0, ((end - startedAtMs) / 60_000) * speed);
}
