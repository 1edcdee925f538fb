import {
  CHECK_REPLY_KIND,
  buildCheckReplyBody,
  isCheckReply,
  matchReply,
  recogniseCheck,
  withReply,
  type ReadFacts,
  type ReplyOutcome,
} from '../../shared/commcheck';
import type { UnLanguage } from '../../shared/i18n/languages';
import { MessageError } from '../../shared/messages/errors';
import { newMessageId } from '../../shared/messages/payload';
import { getEntry } from '../directory/store';
import { markAcknowledged, sealOutgoing } from '../outgoing/pipeline';
import type { VaultSession } from '../vault/session';
import { getIncomingCheck, listCampaigns, saveCampaign, saveIncomingCheck } from './store';

/** Checks and check replies are channel tests, not incidents: they never open or join a case. */
export function isCommCheckMessage(read: ReadFacts): boolean {
  return recogniseCheck(read) !== null || isCheckReply(read.payload);
}

export type FiledCheck =
  | { kind: 'check'; checkId: string; answerable: boolean; repliedAt?: string; replyId?: string }
  | { kind: 'reply'; outcome: ReplyOutcome['outcome'] };

/**
 * Files a message just read and stored by the receive flow, when it is a check or a check reply.
 * A check from a verified sender is kept in the inbox so it can be answered in one click; a reply
 * that verified against the key its check was sealed to is recorded on the check (channel verified,
 * round-trip) and marks the check message acknowledged. Anything else changes nothing.
 */
export async function fileCommCheck(
  session: VaultSession,
  read: ReadFacts,
  receivedAt: string,
): Promise<FiledCheck | null> {
  const check = recogniseCheck(read);
  if (check) {
    if (!check.sender) return { kind: 'check', checkId: check.checkId, answerable: false };
    const earlier = await getIncomingCheck(session, check.checkId);
    if (!earlier) {
      await saveIncomingCheck(session, {
        checkId: check.checkId,
        fromPocId: check.sender.pocId,
        fromFingerprint: check.sender.fingerprint,
        receivedAt,
      });
    }
    return {
      kind: 'check',
      checkId: check.checkId,
      answerable: true,
      ...(earlier?.repliedAt ? { repliedAt: earlier.repliedAt } : {}),
      ...(earlier?.replyId ? { replyId: earlier.replyId } : {}),
    };
  }
  if (!isCheckReply(read.payload)) return null;
  const outcome = matchReply(await listCampaigns(session), read, receivedAt);
  if (outcome.outcome === 'verified') {
    const campaign = (await listCampaigns(session)).find((c) => c.id === outcome.campaignId);
    if (campaign) await saveCampaign(session, withReply(campaign, outcome.check.id, outcome.reply));
    await markAcknowledged(session, [outcome.check.id], outcome.reply.messageId, receivedAt);
  }
  return { kind: 'reply', outcome: outcome.outcome };
}

/**
 * The one-click answer: a signed reply carrying the check id, sealed to the check's sender (as the
 * directory gives them now, and only if that is still the key that signed the check) through the
 * outgoing pipeline; it then waits for its hand-over like any message. Returns the reply id.
 */
export async function answerCheck(
  session: VaultSession,
  checkId: string,
  language: UnLanguage,
  texts: { text: string },
  now = new Date(),
): Promise<string> {
  const incoming = await getIncomingCheck(session, checkId);
  if (!incoming) throw new MessageError('no-recipients');
  if (incoming.replyId) return incoming.replyId;
  const entry = await getEntry(session, incoming.fromPocId);
  if (!entry?.openpgp) throw new MessageError('recipient-without-key');
  if (entry.openpgp.fingerprint !== incoming.fromFingerprint) throw new MessageError('recipient-key-changed');
  const id = newMessageId();
  await sealOutgoing(session, {
    id,
    kind: CHECK_REPLY_KIND,
    text: texts.text,
    structured: buildCheckReplyBody(checkId, incoming.receivedAt),
    language,
    inReplyTo: checkId,
    at: now.toISOString(),
    recipients: [entry],
  });
  await saveIncomingCheck(session, { ...incoming, replyId: id, repliedAt: now.toISOString() });
  return id;
}
