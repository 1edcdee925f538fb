import type { PointOfContact } from '../../shared/directory/model';
import { UNKNOWN_STATE } from '../../shared/directory/stateNames';
import { entryLabel, handoverEvent, type CaseEventBody, type Party } from '../../shared/cases';
import type { UnLanguage } from '../../shared/i18n/languages';
import type { InquiryTemplate } from '../../shared/templates';
import { loadOwnIdentity } from '../messaging/ownIdentity';
import { sealOutgoing } from '../outgoing/pipeline';
import { openCase } from '../cases/store';
import type { VaultSession } from '../vault/session';
import type { InquiryDraft } from './draft';

export interface SendOutcome {
  caseId: string;
  /** The id inside the message: the reference the review screen showed. */
  messageId: string;
  /** True when the message was signed and encrypted; it then waits in the hand-over step. */
  sealed: boolean;
  /** Why it could not be sealed, as a translation key of the `inquiry` namespace. */
  notSealedReason?: 'no-identity' | 'no-recipient-key';
  /** Who the matter was handed to (A §9), when it was. */
  handedOverTo?: string;
}

/**
 * Seals the inquiry through the outgoing pipeline when an own OpenPGP identity and the recipient's
 * key exist (it then waits, "prepared", for the user's hand-over), and in every case opens a case
 * recording the message. The draft is deleted in the same batch as the case is opened.
 */
export async function sendInquiry(options: {
  session: VaultSession;
  draft: InquiryDraft;
  template: InquiryTemplate;
  text: string;
  language: UnLanguage;
  recipient: PointOfContact | undefined;
  /** A §9: the inquiry goes to the own State's POC of the other role instead, recorded in the case. */
  handover?: { to: PointOfContact; note: string };
}): Promise<SendOutcome> {
  const { session, draft, template, text, handover } = options;
  const intended = options.recipient;
  /** Who the sealed message is addressed to: the colleague taking the matter over, or the recipient. */
  const recipient = handover?.to ?? intended;
  const self: Party = {
    state: template.sender.state,
    role: template.sender.role,
    label: template.sender.affiliation,
  };
  const counterpart: Party = intended
    ? { state: intended.state, role: intended.role, pocId: intended.id, label: entryLabel(intended) }
    : { state: draft.recipientState.trim().toUpperCase() || UNKNOWN_STATE, role: draft.recipientRole };
  const at = template.createdAt;
  const identity = await loadOwnIdentity(session);
  const sealable = Boolean(identity && recipient?.openpgp);

  const events: CaseEventBody[] = [
    {
      kind: 'opened',
      at,
      subject: (template.incident?.summary ?? template.request ?? template.id).slice(0, 120),
      origin: 'outgoing',
      self,
      counterpart,
      exercise: template.exercise,
    },
  ];
  if (handover) events.push(handoverEvent({ at, self, to: handover.to, note: handover.note }));
  else if (counterpart.role !== self.role)
    events.push({ kind: 'cross-role-confirmed', at, recipient: counterpart });
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
    ...(sealable && identity ? { signerFingerprint: identity.fingerprint } : {}),
  });
  const log = async () =>
    (await openCase(session, events, [{ collection: 'drafts', id: draft.id, delete: true }])).id;
  const base = { messageId: template.id, ...(handover ? { handedOverTo: entryLabel(handover.to) } : {}) };

  const notSealedReason: SendOutcome['notSealedReason'] = !identity
    ? 'no-identity'
    : !recipient?.openpgp
      ? 'no-recipient-key'
      : undefined;
  if (notSealedReason || !recipient)
    return {
      ...base,
      caseId: await log(),
      sealed: false,
      notSealedReason: notSealedReason ?? 'no-recipient-key',
    };
  let caseId = '';
  await sealOutgoing(
    session,
    {
      id: template.id,
      kind: 'inquiry',
      text,
      structured: template,
      language: template.language,
      at,
      recipients: [recipient],
    },
    async () => (caseId = await log()),
  );
  return { ...base, caseId, sealed: true };
}
