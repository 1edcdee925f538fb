import { z } from 'zod';
import { PocRoleSchema, StateCodeSchema } from '../directory/model';
import { UN_LANGUAGES } from '../i18n/languages';
import { IndicatorSchema } from './indicatorModel';

/**
 * Standard template, version 1 (A §10 b):
 * « Ces modèles standardisés peuvent préciser les types d'informations à fournir au moment de
 *   communiquer, y compris les données techniques et la nature de la demande, tout en restant
 *   suffisamment souples pour permettre la communication, même s'il manque des informations »
 *
 * So only the sender's identity and the nature of the communication are required; every other part
 * is optional and, when absent, is shown as missing (see missingFields), never invented.
 * Field names and enumeration values are language-neutral codes; labels live in ./labels/.
 */
export const TEMPLATE_SCHEMA = 'un-poc-directory/template' as const;
export const TEMPLATE_VERSION = 1 as const;

export const NATURES = [
  'request-information',
  'request-action',
  'notification-activity',
  'acknowledgement',
  'response',
  'communication-check',
] as const;
export const NatureSchema = z.enum(NATURES);
export type Nature = z.infer<typeof NatureSchema>;

/** Appendix, inquiry step 3: « Si tel est le cas, indiquez que votre demande est urgente. » */
export const URGENCIES = ['routine', 'urgent'] as const;
export const UrgencySchema = z.enum(URGENCIES);
export type Urgency = z.infer<typeof UrgencySchema>;

export const INCIDENT_STATUSES = ['ongoing', 'contained', 'resolved', 'unknown'] as const;
export const IncidentStatusSchema = z.enum(INCIDENT_STATUSES);

export const SECTORS = [
  'health',
  'energy',
  'maritime',
  'aviation',
  'finance',
  'telecommunications',
  'government',
  'elections',
  'water',
  'other',
] as const;
export const SectorSchema = z.enum(SECTORS);
export type Sector = z.infer<typeof SectorSchema>;

/** FIRST Traffic Light Protocol 2.0. */
export const TLP_LABELS = ['CLEAR', 'GREEN', 'AMBER', 'AMBER+STRICT', 'RED'] as const;
export const TlpSchema = z.enum(TLP_LABELS);
export type Tlp = z.infer<typeof TlpSchema>;

/** A §11: sharing with third parties only with the consent of all parties. */
export const THIRD_PARTY_SHARING = ['not-allowed', 'ask-first', 'allowed'] as const;
export const ThirdPartySharingSchema = z.enum(THIRD_PARTY_SHARING);

export const CHANNELS = [
  'openpgp-email',
  'telephone',
  'video-call',
  'diplomatic-note',
  'secure-portal',
  'other',
] as const;
export const ChannelSchema = z.enum(CHANNELS);
export type Channel = z.infer<typeof ChannelSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

/** Appendix, inquiry step 1: « indiquez votre nom et votre affiliation ». */
export const SenderSchema = z.object({
  name: text(200),
  affiliation: text(300),
  title: text(200).optional(),
  role: PocRoleSchema,
  state: StateCodeSchema,
});
export type Sender = z.infer<typeof SenderSchema>;

export const ContactSchema = z.object({
  email: z.email().max(254).optional(),
  phone: text(40).optional(),
  other: text(500).optional(),
});

export const IncidentSchema = z.object({
  summary: text(10_000).optional(),
  firstObservedAt: z.iso.datetime({ offset: false }).optional(),
  status: IncidentStatusSchema.optional(),
  sectors: z.array(SectorSchema).max(SECTORS.length).optional(),
  impact: text(5_000).optional(),
});

export const ChannelAgreementSchema = z.object({
  preferred: ChannelSchema.optional(),
  details: text(500).optional(),
  leadAgency: text(300).optional(),
});

/** The A §10 statement every acknowledgement carries (rendered from the label tables). */
export const A10_STATEMENT = 'A10-acknowledgement-not-agreement-not-attribution' as const;

export const InquiryTemplateSchema = z
  .object({
    schema: z.literal(TEMPLATE_SCHEMA),
    version: z.literal(TEMPLATE_VERSION),
    id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    createdAt: z.iso.datetime(),
    /** Language the free-text fields are written in. */
    language: z.enum(UN_LANGUAGES),
    exercise: z.boolean().default(false),
    nature: NatureSchema,
    sender: SenderSchema,
    contact: ContactSchema.optional(),
    urgency: UrgencySchema.optional(),
    urgencyReason: text(1_000).optional(),
    incident: IncidentSchema.optional(),
    indicators: z.array(IndicatorSchema).max(5_000).optional(),
    request: text(10_000).optional(),
    channel: ChannelAgreementSchema.optional(),
    tlp: TlpSchema.optional(),
    thirdPartySharing: ThirdPartySharingSchema.optional(),
    /** Ids of earlier messages this one answers or follows. */
    references: z
      .array(z.string().regex(/^[A-Za-z0-9_-]{8,64}$/))
      .max(100)
      .optional(),
    /** Responses: estimated time until a fuller answer, in hours (appendix, response step 2). */
    estimatedResponseHours: z
      .number()
      .int()
      .positive()
      .max(24 * 365)
      .optional(),
    /** Responses: the answer itself (appendix, response step 1). */
    answer: text(20_000).optional(),
    statement: z.literal(A10_STATEMENT).optional(),
  })
  .superRefine((value, ctx) => {
    if (value.nature === 'acknowledgement' && value.statement !== A10_STATEMENT) {
      ctx.addIssue({
        code: 'custom',
        path: ['statement'],
        message: 'an acknowledgement carries the A §10 statement',
      });
    }
  });
export type InquiryTemplate = z.infer<typeof InquiryTemplateSchema>;
export type InquiryTemplateInput = z.input<typeof InquiryTemplateSchema>;

/** Language-neutral codes of every field, in display order. Labels: labels/<lng>.ts `fields`. */
export const FIELD_CODES = [
  'nature',
  'sender.name',
  'sender.title',
  'sender.affiliation',
  'sender.role',
  'sender.state',
  'contact.email',
  'contact.phone',
  'contact.other',
  'urgency',
  'urgencyReason',
  'incident.summary',
  'incident.firstObservedAt',
  'incident.status',
  'incident.sectors',
  'incident.impact',
  'indicators',
  'request',
  'channel.preferred',
  'channel.details',
  'channel.leadAgency',
  'tlp',
  'thirdPartySharing',
  'references',
  'estimatedResponseHours',
  'answer',
] as const;
export type FieldCode = (typeof FIELD_CODES)[number];

/** Fields that make sense for each nature; the others are neither asked for nor shown as missing. */
const RESPONSE_FIELDS: readonly FieldCode[] = ['references', 'estimatedResponseHours', 'answer'];
const INQUIRY_ONLY: readonly FieldCode[] = ['estimatedResponseHours', 'answer'];

export function fieldsFor(nature: Nature): readonly FieldCode[] {
  if (nature === 'acknowledgement' || nature === 'response') {
    const base: FieldCode[] = [
      'nature',
      'sender.name',
      'sender.title',
      'sender.affiliation',
      'sender.role',
      'sender.state',
    ];
    return [
      ...base,
      'contact.email',
      'contact.phone',
      'channel.preferred',
      'channel.leadAgency',
      'tlp',
      ...RESPONSE_FIELDS,
    ];
  }
  if (nature === 'communication-check') {
    return [
      'nature',
      'sender.name',
      'sender.title',
      'sender.affiliation',
      'sender.role',
      'sender.state',
      'contact.email',
      'contact.phone',
    ];
  }
  return FIELD_CODES.filter((code) => !INQUIRY_ONLY.includes(code));
}

/** Reads a field by its code; undefined or an empty list counts as missing. */
export function fieldValue(template: InquiryTemplate, code: FieldCode): unknown {
  const [head, tail] = code.split('.') as [string, string | undefined];
  const record = template as unknown as Record<string, unknown>;
  const top = record[head];
  if (tail === undefined) return top;
  if (top === null || typeof top !== 'object') return undefined;
  return (top as Record<string, unknown>)[tail];
}

/** The fields this template's nature asks for that are not given (shown as "not given", never invented). */
export function missingFields(template: InquiryTemplate): FieldCode[] {
  return fieldsFor(template.nature).filter((code) => {
    const value = fieldValue(template, code);
    return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
  });
}
