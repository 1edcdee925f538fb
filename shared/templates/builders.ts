import type { UnLanguage } from '../i18n/languages';
import {
  A10_STATEMENT,
  InquiryTemplateSchema,
  TEMPLATE_SCHEMA,
  TEMPLATE_VERSION,
  type InquiryTemplate,
  type InquiryTemplateInput,
  type Sender,
} from './model';

/** A random opaque id (identifies nothing; safe to use as a record id). */
export function newTemplateId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

type Body = Omit<InquiryTemplateInput, 'schema' | 'version' | 'id' | 'createdAt'> & {
  id?: string;
  createdAt?: string;
};

/** Validates and completes a template; throws the zod error when something given is invalid. */
export function buildTemplate(body: Body, now: Date = new Date()): InquiryTemplate {
  return InquiryTemplateSchema.parse({
    ...body,
    schema: TEMPLATE_SCHEMA,
    version: TEMPLATE_VERSION,
    id: body.id ?? newTemplateId(),
    createdAt: body.createdAt ?? now.toISOString(),
  });
}

/**
 * Appendix, response step 2: « Informez l'interlocuteur que vous examinerez l'incident … Indiquez le
 * délai de réponse estimé, le cas échéant ». Always carries the A §10 statement.
 */
export function buildAcknowledgement(
  inquiry: Pick<InquiryTemplate, 'id' | 'exercise' | 'tlp'>,
  sender: Sender,
  language: UnLanguage,
  options: { estimatedResponseHours?: number; channel?: InquiryTemplate['channel']; now?: Date } = {},
): InquiryTemplate {
  return buildTemplate(
    {
      language,
      exercise: inquiry.exercise,
      nature: 'acknowledgement',
      sender,
      references: [inquiry.id],
      ...(inquiry.tlp ? { tlp: inquiry.tlp } : {}),
      ...(options.estimatedResponseHours ? { estimatedResponseHours: options.estimatedResponseHours } : {}),
      ...(options.channel ? { channel: options.channel } : {}),
      statement: A10_STATEMENT,
    },
    options.now,
  );
}
