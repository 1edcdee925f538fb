import {
  buildAcknowledgement,
  buildTemplate,
  newTemplateId,
  type InquiryTemplate,
  type Nature,
  type Sender,
} from '../../shared/templates';
import { A10_STATEMENT } from '../../shared/templates';
import type { UnLanguage } from '../../shared/i18n/languages';
import type { ExerciseParty, PlayerActionKind } from '../../shared/training';

/**
 * The standard template (shared/templates, A §10 b) an exercise action produces — the same model and
 * rendering as a real message, always marked `exercise: true`. The sender is the exercise party
 * played (its fictional entity), never the user's own name.
 */
const NATURE: Record<PlayerActionKind, Nature> = {
  inquiry: 'request-information',
  acknowledge: 'acknowledgement',
  answer: 'response',
  'ping-reply': 'communication-check',
  'follow-up': 'request-information',
  handover: 'notification-activity',
};

export function exerciseTemplate(
  kind: PlayerActionKind,
  self: ExerciseParty,
  text: string,
  language: UnLanguage,
  indicators?: InquiryTemplate['indicators'],
): InquiryTemplate {
  const sender: Sender = { name: self.name, affiliation: self.name, role: self.role, state: self.state };
  const body = text.trim();
  if (kind === 'acknowledge') {
    // Appendix, response step 2 — buildAcknowledgement always adds the A §10 statement.
    return buildAcknowledgement({ id: newTemplateId(), exercise: true }, sender, language, {
      estimatedResponseHours: 2,
    });
  }
  return buildTemplate({
    language,
    exercise: true,
    nature: NATURE[kind],
    sender,
    ...(kind === 'answer' ? { answer: body || '—' } : body ? { request: body } : {}),
    ...(indicators?.length ? { indicators } : {}),
  });
}

export const carriesStatement = (template: InquiryTemplate): boolean => template.statement === A10_STATEMENT;
