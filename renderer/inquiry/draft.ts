import { z } from 'zod';
import { UN_LANGUAGES } from '../../shared/i18n/languages';
import { PocRoleSchema } from '../../shared/directory/model';
import { newTemplateId } from '../../shared/templates';
import type { SealedBatch, VaultSession } from '../vault/session';

/**
 * The wizard's state, saved encrypted (vault collection 'drafts') on every change, so a crash or a
 * closed window loses nothing. Everything is optional text: a draft may be incomplete in any way.
 */
export const InquiryDraftSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  /**
   * The reference of the message this draft becomes, fixed while it is written: the review screen
   * shows it, and it is the id actually sent, logged and seen by the other side (issue 10).
   */
  messageId: z
    .string()
    .regex(/^[A-Za-z0-9_-]{8,64}$/)
    .default(() => newTemplateId()),
  step: z.number().int().min(0).max(5).default(0),
  updatedAt: z.iso.datetime(),
  exercise: z.boolean().default(false),
  senderName: z.string().default(''),
  senderTitle: z.string().default(''),
  affiliation: z.string().default(''),
  state: z.string().default(''),
  role: PocRoleSchema.default('technical'),
  recipientIds: z.array(z.string()).default([]),
  recipientState: z.string().default(''),
  recipientRole: PocRoleSchema.default('technical'),
  crossRoleConfirmed: z.boolean().default(false),
  /** A §9: instead of sending across roles, the own State's POC of the other role takes the matter. */
  handoverToId: z.string().default(''),
  handoverNote: z.string().default(''),
  nature: z.string().default('request-information'),
  summary: z.string().default(''),
  firstObservedAt: z.string().default(''),
  incidentStatus: z.string().default(''),
  sectors: z.array(z.string()).default([]),
  impact: z.string().default(''),
  indicatorsText: z.string().default(''),
  request: z.string().default(''),
  urgency: z.string().default(''),
  urgencyReason: z.string().default(''),
  email: z.string().default(''),
  phone: z.string().default(''),
  contactOther: z.string().default(''),
  channel: z.string().default(''),
  channelDetails: z.string().default(''),
  /** A §12 a: 'global' or 'regional:<directory id>' (renderer/regional). */
  directoryChannel: z.string().default('global'),
  leadAgency: z.string().default(''),
  tlp: z.string().default(''),
  thirdPartySharing: z.string().default(''),
  languages: z.array(z.enum(UN_LANGUAGES)).default([]),
});
export type InquiryDraft = z.infer<typeof InquiryDraftSchema>;

export const CURRENT_DRAFT_ID = 'inquiry-current';

export function draftsOf(session: VaultSession) {
  return session.collection('drafts', InquiryDraftSchema);
}

/**
 * The draft's write, encrypted now with the key of the moment: the wizard seals each change as it is
 * made and writes them in turn, so a lock right after a burst of typing loses no keystroke (the
 * queued writes need no key). Same record as draftsOf(session).put.
 */
export function sealDraft(session: VaultSession, draft: InquiryDraft): Promise<SealedBatch> {
  return session.sealBatch([
    { collection: 'drafts', id: draft.id, value: draft, index: { updatedAt: draft.updatedAt } },
  ]);
}
