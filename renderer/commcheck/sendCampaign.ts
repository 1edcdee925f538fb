import {
  CHECK_KIND,
  buildCheckTemplate,
  type Campaign,
  type CampaignScope,
  type CheckRecord,
  type CheckSkip,
} from '../../shared/commcheck';
import { entryLabel } from '../../shared/cases/handover';
import type { PointOfContact } from '../../shared/directory/model';
import type { UnLanguage } from '../../shared/i18n/languages';
import { MessageError } from '../../shared/messages/errors';
import { newMessageId } from '../../shared/messages/payload';
import { renderTemplateTexts } from '../../shared/templates/render';
import type { Sender } from '../../shared/templates/model';
import { sealOutgoingMany, type OutgoingMessage } from '../outgoing/pipeline';
import type { VaultSession } from '../vault/session';
import { saveCampaign } from './store';

export interface CampaignSender {
  sender: Sender;
  email?: string;
  phone?: string;
}

/** The check messages of a campaign, one per POC, each with its own id (prepared, not sealed). */
export function prepareChecks(
  recipients: readonly PointOfContact[],
  from: CampaignSender,
  language: UnLanguage,
  now: Date,
): OutgoingMessage[] {
  const contact = {
    ...(from.email ? { email: from.email } : {}),
    ...(from.phone ? { phone: from.phone } : {}),
  };
  return recipients.map((entry) => {
    const id = newMessageId();
    const template = buildCheckTemplate(id, from.sender, language, contact, now);
    return {
      id,
      kind: CHECK_KIND,
      // The sender's language and English, so a person with plain gpg reads it too.
      text: renderTemplateTexts(template, [language, 'en']),
      structured: template,
      language,
      at: now.toISOString(),
      recipients: [entry],
    };
  });
}

/**
 * Prepares and seals a campaign of communication checks through the one outgoing pipeline (each
 * check waits "prepared" for its hand-over), then records the campaign: the checks sealed, and the
 * POCs that could not be sealed to (no key, key changed) with the reason.
 */
export async function sendCampaign(options: {
  session: VaultSession;
  recipients: readonly PointOfContact[];
  scope: CampaignScope;
  from: CampaignSender;
  language: UnLanguage;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
}): Promise<Campaign> {
  const now = options.now ?? new Date();
  const messages = prepareChecks(options.recipients, options.from, options.language, now);
  const results = await sealOutgoingMany(options.session, messages, options.onProgress);
  const checks: CheckRecord[] = [];
  const skipped: CheckSkip[] = [];
  results.forEach((result, index) => {
    const entry = options.recipients[index];
    if (!entry) return;
    const who = {
      pocId: entry.id,
      state: entry.state,
      role: entry.role,
      label: entryLabel(entry).slice(0, 300),
    };
    if (result.ok && entry.openpgp) {
      checks.push({
        id: result.sealed.id,
        ...who,
        fingerprint: entry.openpgp.fingerprint,
        sealedAt: now.toISOString(),
      });
    } else {
      const code =
        !result.ok && result.error instanceof MessageError ? result.error.code : 'recipient-without-key';
      skipped.push({ ...who, code });
    }
  });
  const campaign: Campaign = {
    id: `campaign-${newMessageId()}`,
    createdAt: now.toISOString(),
    scope: options.scope,
    checks,
    skipped,
  };
  await saveCampaign(options.session, campaign);
  return campaign;
}
