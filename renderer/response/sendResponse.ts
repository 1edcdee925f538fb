import type { CaseEventBody, CaseRecord, Party } from '../../shared/cases';
import type { UnLanguage } from '../../shared/i18n/languages';
import { renderTemplateTexts, type InquiryTemplate } from '../../shared/templates';
import { getEntry, listEntriesOfState } from '../directory/store';
import type { PointOfContact } from '../../shared/directory/model';
import { loadOwnIdentity } from '../messaging/ownIdentity';
import { sealOutgoing } from '../outgoing/pipeline';
import type { VaultSession } from '../vault/session';

/** Without a directory id for the other party: its State's one entry of that role that has a key, if only one has. */
async function onlyKeyedEntry(session: VaultSession, party: Party): Promise<PointOfContact | undefined> {
  const { entries } = await listEntriesOfState(session, party.state);
  const keyed = entries.filter((entry) => entry.role === party.role && entry.openpgp);
  return keyed.length === 1 ? keyed[0] : undefined;
}

/** The text the other side reads: the UI language, and English (once) for a reader of any language. */
export function responseText(template: InquiryTemplate, language: UnLanguage): string {
  return renderTemplateTexts(template, language === 'en' ? ['en'] : [language, 'en']);
}

/**
 * Sends an acknowledgement or a response through the outgoing pipeline: sealed with OpenPGP when an
 * own identity and the counterpart's key exist (then waiting, "prepared", for the hand-over step),
 * and always recorded in the case. The template is the one the user reviewed: same id, same text.
 */
export async function sendResponse(options: {
  session: VaultSession;
  record: CaseRecord;
  /** Appends to the case's log (the case page passes it, so this folder does not import cases/). */
  append: (bodies: CaseEventBody[]) => Promise<unknown>;
  counterpart: Party;
  self: Party;
  template: InquiryTemplate;
  language: UnLanguage;
}): Promise<{ sealed: boolean; messageId: string }> {
  const { session, record, append, counterpart, self, template, language } = options;
  const text = responseText(template, language);
  const identity = await loadOwnIdentity(session);
  const entry =
    (counterpart.pocId ? await getEntry(session, counterpart.pocId) : undefined) ??
    (await onlyKeyedEntry(session, counterpart));
  const sealable = Boolean(identity && entry?.openpgp);
  const log = async () => {
    await append([
      {
        kind: 'message',
        at: template.createdAt,
        direction: 'out',
        messageId: template.id,
        nature: template.nature,
        ...(template.tlp ? { tlp: template.tlp } : {}),
        ...(template.estimatedResponseHours
          ? { estimatedResponseHours: template.estimatedResponseHours }
          : {}),
        structured: template,
        text,
        textLanguage: language,
        from: self,
        ...(sealable && identity ? { signerFingerprint: identity.fingerprint } : {}),
      },
    ]);
    return record.id;
  };
  if (!identity || !entry?.openpgp) {
    await log();
    return { sealed: false, messageId: template.id };
  }
  await sealOutgoing(
    session,
    {
      id: template.id,
      kind: template.nature,
      text,
      structured: template,
      language,
      at: template.createdAt,
      recipients: [entry],
      ...(template.references?.[0] ? { inReplyTo: template.references[0] } : {}),
    },
    log,
  );
  return { sealed: true, messageId: template.id };
}
