import type { PocMessagePayload } from '../messages/payload';
import type { Verdict } from '../messages/verdict';
import { readStructured } from '../templates/structured';
import {
  CHECK_KIND,
  CHECK_REPLY_KIND,
  CheckReplyBodySchema,
  type Campaign,
  type CheckRecord,
  type VerifiedReply,
} from './model';

/** What the receive flow knows about a message it just read. */
export interface ReadFacts {
  payload: PocMessagePayload | null;
  verdict: Verdict;
}

/** The check a received message is, when it is one: its id, and who signed it if verified. */
export interface ReceivedCheck {
  checkId: string;
  /** Set only for a verified sender: only then is the one-click answer offered. */
  sender?: { pocId: string; fingerprint: string };
}

/** Recognises a communication check: a message of the check kind holding a check template. */
export function recogniseCheck(read: ReadFacts): ReceivedCheck | null {
  const payload = read.payload;
  if (!payload || payload.kind !== CHECK_KIND) return null;
  const reading = readStructured(payload.body);
  if (reading.kind !== 'template' || reading.template.nature !== 'communication-check') return null;
  const verdict = read.verdict;
  return {
    checkId: payload.id,
    ...(verdict.kind === 'verified'
      ? { sender: { pocId: verdict.signer.pocId, fingerprint: verdict.signer.fingerprint } }
      : {}),
  };
}

/** True for any message of the check-reply kind, well-formed or not (it never opens a case). */
export function isCheckReply(payload: PocMessagePayload | null): boolean {
  return payload?.kind === CHECK_REPLY_KIND;
}

export type ReplyOutcome =
  | { outcome: 'not-a-reply' }
  /** Body missing or invalid, or its check id differs from the message's inReplyTo. */
  | { outcome: 'malformed' }
  /** No own check has that id (a reply to someone else's check, or an invented id). */
  | { outcome: 'unknown-check'; checkId: string }
  /** The signature did not verify against the directory (unknown key, key changed, bad, none). */
  | { outcome: 'unverified'; campaignId: string; check: CheckRecord }
  /** Verified, but by another POC or another key than the one the check was sealed to. */
  | { outcome: 'wrong-signer'; campaignId: string; check: CheckRecord }
  /** The check already has its reply: a replayed or second reply changes nothing. */
  | { outcome: 'already-answered'; campaignId: string; check: CheckRecord; same: boolean }
  | { outcome: 'verified'; campaignId: string; check: CheckRecord; reply: VerifiedReply };

/** Finds the own check with that id in the campaigns. */
export function findCheck(
  campaigns: readonly Campaign[],
  checkId: string,
): { campaign: Campaign; check: CheckRecord } | null {
  for (const campaign of campaigns) {
    const check = campaign.checks.find((c) => c.id === checkId);
    if (check) return { campaign, check };
  }
  return null;
}

/**
 * Matches a received reply to the own check it answers. The channel counts as verified only when
 * the reply's signature verified against the directory AND it was made by the very POC and key the
 * check was sealed to; the check id is inside the signed content, so a genuine reply to one check
 * cannot be replayed as the reply to another.
 */
export function matchReply(
  campaigns: readonly Campaign[],
  read: ReadFacts,
  receivedAt: string,
): ReplyOutcome {
  const payload = read.payload;
  if (!payload || !isCheckReply(payload)) return { outcome: 'not-a-reply' };
  const body = CheckReplyBodySchema.safeParse(payload.body);
  if (!body.success || payload.inReplyTo !== body.data.checkId) return { outcome: 'malformed' };
  const found = findCheck(campaigns, body.data.checkId);
  if (!found) return { outcome: 'unknown-check', checkId: body.data.checkId };
  const { campaign, check } = found;
  const base = { campaignId: campaign.id, check };
  const verdict = read.verdict;
  if (verdict.kind !== 'verified') return { outcome: 'unverified', ...base };
  if (verdict.signer.pocId !== check.pocId || verdict.signer.fingerprint !== check.fingerprint) {
    return { outcome: 'wrong-signer', ...base };
  }
  if (check.reply)
    return { outcome: 'already-answered', ...base, same: check.reply.messageId === payload.id };
  return {
    outcome: 'verified',
    ...base,
    reply: {
      messageId: payload.id,
      signedAt: verdict.signedAt,
      receivedAt,
      signerFingerprint: verdict.signer.fingerprint,
    },
  };
}

/** The campaign with the verified reply recorded on its check. */
export function withReply(campaign: Campaign, checkId: string, reply: VerifiedReply): Campaign {
  return {
    ...campaign,
    checks: campaign.checks.map((c) => (c.id === checkId && !c.reply ? { ...c, reply } : c)),
  };
}
