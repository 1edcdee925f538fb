import type { PointOfContact } from '../../shared/directory/model';
import { entryLabel, handoverEvent, type CaseEventBody, type Party } from '../../shared/cases';
import { bytesToBase64 } from '../../shared/encoding/base64';
import type { UnLanguage } from '../../shared/i18n/languages';
import { composeMessage, sealMessage } from '../../shared/messages';
import type { HostClient } from '../../shared/host/client';
import { newTemplateId, type InquiryTemplate } from '../../shared/templates';
import { loadOwnIdentity, loadOwnSigningKey } from '../identity/ownIdentity';
import { parseKeyCached } from '../messages/keyring';
import { storeMessage } from '../messages/messageStore';
import { openCase } from '../cases/store';
import type { VaultSession } from '../vault/session';
import type { InquiryDraft } from './draft';

export interface SendOutcome {
  caseId: string;
  /** True when the message was signed, encrypted and saved as a .asc file. */
  sealed: boolean;
  /** Why it could not be sealed, as a translation key of the `inquiry` namespace. */
  notSealedReason?: 'no-identity' | 'no-recipient-key';
  /** Who the matter was handed to (A §9), when it was. */
  handedOverTo?: string;
}

/**
 * Signs and encrypts the inquiry through the messaging layer when an own OpenPGP identity and the
 * recipient's key exist, saves it as an .asc file (the name reveals nothing), and in every case opens
 * a case recording the message as sent or as prepared. The draft is deleted in the same batch.
 */
export async function sendInquiry(options: {
  session: VaultSession;
  host: HostClient;
  draft: InquiryDraft;
  template: InquiryTemplate;
  text: string;
  language: UnLanguage;
  recipient: PointOfContact | undefined;
  /** A §9: the inquiry goes to the own State's POC of the other role instead, recorded in the case. */
  handover?: { to: PointOfContact; note: string };
}): Promise<SendOutcome> {
  const { session, host, draft, template, text, handover } = options;
  const intended = options.recipient;
  /** Who the sealed message is addressed to: the colleague taking the matter over, or the recipient. */
  const recipient = handover?.to ?? intended;
  const self: Party = { state: template.sender.state, role: template.sender.role, label: template.sender.affiliation };
  const counterpart: Party = intended
    ? { state: intended.state, role: intended.role, pocId: intended.id, label: entryLabel(intended) }
    : { state: draft.recipientState.trim().toUpperCase() || 'ZZZ', role: draft.recipientRole };
  const at = template.createdAt;

  let sealed = false;
  let notSealedReason: SendOutcome['notSealedReason'];
  const identity = await loadOwnIdentity(session);
  const signingKey = identity ? await loadOwnSigningKey(session) : null;
  const recipientKey = recipient?.openpgp ? await parseKeyCached(recipient.openpgp.publicKey) : null;
  if (!identity || !signingKey) notSealedReason = 'no-identity';
  else if (!recipient?.openpgp || !recipientKey) notSealedReason = 'no-recipient-key';
  else {
    const { mime, payload } = composeMessage({
      text,
      structured: template,
      kind: 'inquiry',
      language: template.language,
      sender: { fingerprint: identity.fingerprint, state: self.state, role: self.role },
      recipients: [{ fingerprint: recipient.openpgp.fingerprint, pocId: recipient.id, state: recipient.state, role: recipient.role }],
      id: template.id,
    });
    const armored = await sealMessage({ mime, recipientKeys: [recipientKey], senderKey: signingKey });
    await host.call('files.save', { suggestedName: `message-${newTemplateId().slice(0, 8)}.asc`, mimeType: 'application/pgp-encrypted', bytes: bytesToBase64(new TextEncoder().encode(armored)) });
    await storeMessage(session, { id: payload.id, direction: 'out', conversationIds: [], at, text, payload, armored }, [{ pocId: recipient.id, state: recipient.state, role: recipient.role }]);
    sealed = true;
  }

  const events: CaseEventBody[] = [
    { kind: 'opened', at, subject: (template.incident?.summary ?? template.request ?? template.id).slice(0, 120), origin: 'outgoing', self, counterpart, exercise: template.exercise },
  ];
  if (handover) events.push(handoverEvent({ at, self, to: handover.to, note: handover.note }));
  else if (counterpart.role !== self.role) events.push({ kind: 'cross-role-confirmed', at, recipient: counterpart });
  events.push({
    kind: 'message',
    at,
    direction: 'out',
    messageId: template.id,
    nature: template.nature,
    ...(template.urgency ? { urgency: template.urgency } : {}),
    ...(template.tlp ? { tlp: template.tlp } : {}),
    structured: template,
    text,
    textLanguage: template.language,
    from: self,
  });
  const record = await openCase(session, events, [{ collection: 'drafts', id: draft.id, delete: true }]);
  return { caseId: record.id, sealed, ...(notSealedReason ? { notSealedReason } : {}), ...(handover ? { handedOverTo: entryLabel(handover.to) } : {}) };
}
