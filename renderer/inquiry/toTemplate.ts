import type { z } from 'zod';
import { isUnLanguage, type UnLanguage } from '../../shared/i18n/languages';
import {
  buildTemplate,
  ChannelSchema,
  IncidentStatusSchema,
  NatureSchema,
  parseIndicators,
  SectorSchema,
  ThirdPartySharingSchema,
  TlpSchema,
  UrgencySchema,
  type InquiryTemplate,
} from '../../shared/templates';
import type { InquiryDraft } from './draft';

const opt = (text: string) => (text.trim() ? text.trim() : undefined);
const pick = <T>(schema: z.ZodType<T>, value: string): T | undefined => {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : undefined;
};

/** The form's datetime-local value is entered in UTC (the label says so). */
function utcIso(local: string): string | undefined {
  if (!local) return undefined;
  const ms = Date.parse(`${local.length === 16 ? `${local}:00` : local}Z`);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}

/** Turns the draft into a template v1; throws the zod error if the sender identity is incomplete. */
export function draftToTemplate(draft: InquiryDraft, language: UnLanguage): InquiryTemplate {
  const sectors = draft.sectors.map((s) => pick(SectorSchema, s)).filter((s) => s !== undefined);
  const incident = {
    summary: opt(draft.summary),
    firstObservedAt: utcIso(draft.firstObservedAt),
    status: pick(IncidentStatusSchema, draft.incidentStatus),
    sectors: sectors.length ? sectors : undefined,
    impact: opt(draft.impact),
  };
  const contact = { email: opt(draft.email), phone: opt(draft.phone), other: opt(draft.contactOther) };
  const channel = {
    preferred: pick(ChannelSchema, draft.channel),
    details: opt(draft.channelDetails),
    leadAgency: opt(draft.leadAgency),
  };
  const { indicators } = parseIndicators(draft.indicatorsText);
  const some = (o: Record<string, unknown>) => Object.values(o).some((v) => v !== undefined);
  return buildTemplate({
    id: draft.messageId,
    language: isUnLanguage(language) ? language : 'en',
    exercise: draft.exercise,
    nature: pick(NatureSchema, draft.nature) ?? 'request-information',
    sender: {
      name: draft.senderName,
      affiliation: draft.affiliation,
      title: opt(draft.senderTitle),
      role: draft.role,
      state: draft.state.trim().toUpperCase(),
    },
    ...(some(contact) ? { contact } : {}),
    ...(pick(UrgencySchema, draft.urgency) ? { urgency: pick(UrgencySchema, draft.urgency) } : {}),
    ...(opt(draft.urgencyReason) ? { urgencyReason: opt(draft.urgencyReason) } : {}),
    ...(some(incident) ? { incident } : {}),
    ...(indicators.length ? { indicators } : {}),
    ...(opt(draft.request) ? { request: opt(draft.request) } : {}),
    ...(some(channel) ? { channel } : {}),
    ...(pick(TlpSchema, draft.tlp) ? { tlp: pick(TlpSchema, draft.tlp) } : {}),
    ...(pick(ThirdPartySharingSchema, draft.thirdPartySharing)
      ? { thirdPartySharing: pick(ThirdPartySharingSchema, draft.thirdPartySharing) }
      : {}),
  });
}
