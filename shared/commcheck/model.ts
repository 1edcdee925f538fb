import { z } from 'zod';
import { EntryIdSchema, FingerprintSchema, PocRoleSchema, StateCodeSchema } from '../directory/model';
import { REGIONAL_GROUPS } from '../directory/states';

/**
 * Communication checks between POCs (Annex B, CBM 1 c i; issue 13). Beyond the registry's own
 * six-monthly pings (A §8), a POC checks that a channel to another POC works: a signed and encrypted
 * check goes out through the one outgoing pipeline, the other app answers it in one click with a
 * signed reply carrying the check's id, and the reply marks the entry "channel verified" only when
 * its signature verified against the very key the check was sealed to.
 *
 * The check itself is a template of nature 'communication-check' (shared/templates) in a message of
 * kind CHECK_KIND; the reply is a message of kind CHECK_REPLY_KIND whose body is CheckReplyBody and
 * whose inReplyTo is the check id (both must agree).
 */
export const CHECK_KIND = 'communication-check' as const;
export const CHECK_REPLY_KIND = 'check-reply' as const;
export const CHECK_REPLY_SCHEMA = 'un-poc-directory/check-reply' as const;
export const CHECK_REPLY_VERSION = 1 as const;

/** A §8 gives pings 48 hours (« répondre dans un délai de 48 heures »); checks are followed up after the same. */
export const FOLLOW_UP_HOURS = 48;

const MessageIdSchema = z.string().regex(/^[A-Za-z0-9_-]{8,64}$/);
const at = z.iso.datetime();

export const CheckReplyBodySchema = z
  .object({
    schema: z.literal(CHECK_REPLY_SCHEMA),
    version: z.literal(CHECK_REPLY_VERSION),
    /** The id of the check answered (the message id of the check). */
    checkId: MessageIdSchema,
    /** When the answering app read the check. */
    receivedAt: at,
  })
  .strict();
export type CheckReplyBody = z.infer<typeof CheckReplyBodySchema>;

/** Which POCs a campaign went to. */
export const CampaignScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('list') }),
  z.object({ kind: z.literal('regional'), directoryId: z.string().max(64), name: z.string().max(200) }),
  z.object({ kind: z.literal('un-group'), group: z.enum(REGIONAL_GROUPS) }),
]);
export type CampaignScope = z.infer<typeof CampaignScopeSchema>;

/** A reply that verified against the check's key (the only kind recorded on a check). */
export const VerifiedReplySchema = z.object({
  messageId: MessageIdSchema,
  /** The reply's OpenPGP signature time; null when the signature carried none. */
  signedAt: at.nullable(),
  receivedAt: at,
  signerFingerprint: FingerprintSchema,
});
export type VerifiedReply = z.infer<typeof VerifiedReplySchema>;

export const CheckRecordSchema = z.object({
  /** The check's message id (inside the message; the reply carries it). */
  id: MessageIdSchema,
  pocId: EntryIdSchema,
  state: StateCodeSchema,
  role: PocRoleSchema,
  /** The entry's display label when the check was sent (entity or person). */
  label: z.string().max(300),
  /** The key the check was sealed to: only a reply signed by it verifies the channel. */
  fingerprint: FingerprintSchema,
  sealedAt: at,
  reply: VerifiedReplySchema.optional(),
});
export type CheckRecord = z.infer<typeof CheckRecordSchema>;

/** A POC that could not be sent a check (no key, key changed), so the report names it. */
export const CheckSkipSchema = z.object({
  pocId: EntryIdSchema,
  state: StateCodeSchema,
  role: PocRoleSchema,
  label: z.string().max(300),
  code: z.string().max(64),
});
export type CheckSkip = z.infer<typeof CheckSkipSchema>;

export const CampaignSchema = z.object({
  id: z.string().regex(/^campaign-[a-z0-9]{8,64}$/),
  createdAt: at,
  scope: CampaignScopeSchema,
  checks: z.array(CheckRecordSchema).max(5_000),
  skipped: z.array(CheckSkipSchema).max(5_000).default([]),
});
export type Campaign = z.infer<typeof CampaignSchema>;

/** A check received from another POC, and the reply sent to it (the receiving side's record). */
export const IncomingCheckSchema = z.object({
  checkId: MessageIdSchema,
  fromPocId: EntryIdSchema,
  fromFingerprint: FingerprintSchema,
  receivedAt: at,
  replyId: MessageIdSchema.optional(),
  repliedAt: at.optional(),
});
export type IncomingCheck = z.infer<typeof IncomingCheckSchema>;
