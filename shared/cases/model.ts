import { z } from 'zod';
import { PocRoleSchema, StateCodeSchema } from '../directory/model';
import { InquiryTemplateSchema, NatureSchema, TlpSchema, UrgencySchema } from '../templates/model';
import { UN_LANGUAGES } from '../i18n/languages';

/**
 * The exchange log. A §11: « Ils sont encouragés à conserver une trace de toutes les informations
 * échangées. » Every case is a hash chain of events (chain.ts): each event holds the SHA-256 of the
 * one before, so an edited, removed or reordered event is found, and reported — never repaired.
 */

export const CASE_STATUSES = ['open', 'awaiting-reply', 'acknowledged', 'answered', 'closed'] as const;
export const CaseStatusSchema = z.enum(CASE_STATUSES);
export type CaseStatus = z.infer<typeof CaseStatusSchema>;

/** A party to the exchange: a State's POC of one role. "self" is the own State's POC. */
export const PartySchema = z.object({
  state: StateCodeSchema,
  role: PocRoleSchema,
  /** Directory entry id, when known. */
  pocId: z.string().max(64).optional(),
  /** How the user refers to them (entity name), shown in the case. */
  label: z.string().max(300).optional(),
});
export type Party = z.infer<typeof PartySchema>;

export function partyKey(party: Pick<Party, 'state' | 'role'>): string {
  return `${party.state}/${party.role}`;
}

const at = z.iso.datetime();
const id = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);

export const CaseEventBodySchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('opened'),
    at,
    subject: z.string().trim().min(1).max(300),
    origin: z.enum(['outgoing', 'incoming']),
    self: PartySchema,
    counterpart: PartySchema,
    exercise: z.boolean(),
  }),
  z.object({
    kind: z.literal('message'),
    at,
    direction: z.enum(['out', 'in']),
    messageId: id,
    nature: NatureSchema,
    urgency: UrgencySchema.optional(),
    tlp: TlpSchema.optional(),
    /** Response time the sender estimated (acknowledgements), in hours. */
    estimatedResponseHours: z.number().int().positive().optional(),
    /** The structured template as sent or received (absent when it failed its schema). */
    structured: InquiryTemplateSchema.optional(),
    /** The raw JSON part kept when it could not be read (unknown version, invalid). */
    rawStructured: z.string().max(2_000_000).optional(),
    /** The human-readable text as sent or received. */
    text: z.string().max(2_000_000),
    textLanguage: z.enum(UN_LANGUAGES).optional(),
    from: PartySchema,
    /**
     * The fingerprint of the key that signed it: the own key for a sealed outgoing message, the
     * verified directory signer for an incoming one (only verified senders enter a case). Absent on
     * a message recorded without OpenPGP, and in records older than issue 10.
     */
    signerFingerprint: z
      .string()
      .regex(/^[0-9A-F]{40,64}$/)
      .optional(),
  }),
  z.object({
    kind: z.literal('status'),
    at,
    status: CaseStatusSchema,
    reason: z.string().max(2_000).optional(),
  }),
  z.object({ kind: z.literal('note'), at, text: z.string().trim().min(1).max(20_000) }),
  z.object({
    kind: z.literal('deadline'),
    at,
    dueAt: at,
    reason: z.string().max(2_000).optional(),
    /** Who owes the next step by then; absent in older records (read as "we do"). */
    owedBy: z.enum(['self', 'counterpart']).optional(),
  }),
  z.object({
    kind: z.literal('consent'),
    at,
    party: PartySchema,
    /** A §11: consent to share this case's information with a third party. */
    granted: z.boolean(),
    thirdParty: z.string().max(300).optional(),
    /** Where the consent was given (e.g. a message reference). */
    evidence: z.string().max(2_000).optional(),
    /** A §11 evidence (issue 10): the received message that carried the consent, and who signed it. */
    evidenceMessageId: id.optional(),
    evidenceSignerFingerprint: z
      .string()
      .regex(/^[0-9A-F]{40,64}$/)
      .optional(),
  }),
  z.object({
    kind: z.literal('handover'),
    at,
    /** A §9 role rule: the matter handed to the own State's POC of the other role. */
    toRole: PocRoleSchema,
    toPocId: z.string().max(64).optional(),
    /** The own State's POC of the other role who takes the matter over (chosen from the directory). */
    to: PartySchema.optional(),
    note: z.string().max(2_000).optional(),
  }),
  z.object({
    kind: z.literal('cross-role-confirmed'),
    at,
    recipient: PartySchema,
    note: z.string().max(2_000).optional(),
  }),
  z.object({
    kind: z.literal('exported'),
    at,
    format: z.enum(['pdf', 'json']),
    audience: z.enum(['own-records', 'third-party']),
    thirdParty: z.string().max(300).optional(),
  }),
]);
export type CaseEventBody = z.infer<typeof CaseEventBodySchema>;
export type CaseEventKind = CaseEventBody['kind'];

const hash = z.string().regex(/^[0-9a-f]{64}$/);

export const ChainedEventSchema = z.object({
  seq: z.number().int().nonnegative(),
  prevHash: hash,
  hash,
  body: CaseEventBodySchema,
});
export type ChainedEvent = z.infer<typeof ChainedEventSchema>;

/**
 * One case as stored (encrypted) in vault collection 'cases'. `head` repeats the last event's seq
 * and hash so that a removed last event is noticed too.
 */
export const CaseRecordSchema = z.object({
  id,
  events: z.array(ChainedEventSchema),
  head: z.object({ seq: z.number().int().nonnegative(), hash }).nullable(),
});
export type CaseRecord = z.infer<typeof CaseRecordSchema>;

export const GENESIS_HASH = '0'.repeat(64);
