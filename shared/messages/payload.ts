import { z } from 'zod';
import { EntryIdSchema, FingerprintSchema, PocRoleSchema, StateCodeSchema } from '../directory/model';
import { UN_LANGUAGES } from '../i18n/languages';

export const POC_MESSAGE_SCHEMA = 'poc-message';
export const POC_MESSAGE_VERSION = 1;

export const MessagePartySchema = z.object({
  fingerprint: FingerprintSchema,
  pocId: EntryIdSchema.optional(),
  state: StateCodeSchema.optional(),
  role: PocRoleSchema.optional(),
});
export type MessageParty = z.infer<typeof MessagePartySchema>;

/**
 * The structured JSON part inside every message. `body` is opaque here: the templates (issue 6) put
 * their template object in it; `kind` tells them which (e.g. 'note', 'inquiry', 'response').
 */
export const PocMessagePayloadSchema = z.object({
  schema: z.literal(POC_MESSAGE_SCHEMA),
  version: z.literal(POC_MESSAGE_VERSION),
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  createdAt: z.iso.datetime(),
  language: z.enum(UN_LANGUAGES),
  kind: z.string().regex(/^[a-z0-9-]{1,40}$/),
  subject: z.string().max(300).optional(),
  sender: MessagePartySchema,
  recipients: z.array(MessagePartySchema).max(100),
  inReplyTo: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .optional(),
  body: z.unknown(),
});
export type PocMessagePayload = z.infer<typeof PocMessagePayloadSchema>;

/** Just enough to tell "a poc-message of a version I do not know" from "not a poc-message". */
export const PayloadEnvelopeSchema = z.object({
  schema: z.literal(POC_MESSAGE_SCHEMA),
  version: z.number().int(),
});

export function newMessageId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
