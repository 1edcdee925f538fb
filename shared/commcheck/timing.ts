import type { Delivery } from '../outgoing/delivery';
import { FOLLOW_UP_HOURS, type CheckRecord } from './model';

/**
 * Round-trip time of a check: from the moment it left the app (its first hand-over; the sealing
 * time when no hand-over was recorded) to the reply's OpenPGP signature time (the reception time
 * when the signature carried none). Each end says which it is, and the screen shows it.
 */
export type RttStartBasis = 'handed-over' | 'sealed';
export type RttEndBasis = 'signed' | 'received';

export interface RoundTrip {
  startAt: string;
  startBasis: RttStartBasis;
  endAt: string;
  endBasis: RttEndBasis;
  /** Null when the reply's clock puts it before the check left (clock skew): no figure is invented. */
  ms: number | null;
}

/** When the check left the app: the first recorded hand-over, if any. */
export function firstHandover(delivery: Delivery | undefined): string | undefined {
  return delivery?.handovers[0]?.at;
}

/**
 * OpenPGP signature times are whole seconds (RFC 9580 §5.2.3.11, a four-octet count of seconds), so
 * a reply signed within the same second as the hand-over reads up to 999 ms earlier than it: a round
 * trip under a second, not a clock difference.
 */
const SIGNATURE_TIME_RESOLUTION_MS = 1000;

export function roundTrip(check: CheckRecord, handedOverAt: string | undefined): RoundTrip | null {
  if (!check.reply) return null;
  const startAt = handedOverAt ?? check.sealedAt;
  const endAt = check.reply.signedAt ?? check.reply.receivedAt;
  const elapsed = Date.parse(endAt) - Date.parse(startAt);
  const withinSignatureSecond =
    check.reply.signedAt !== null && elapsed < 0 && elapsed > -SIGNATURE_TIME_RESOLUTION_MS;
  const ms = withinSignatureSecond ? 0 : elapsed;
  return {
    startAt,
    startBasis: handedOverAt ? 'handed-over' : 'sealed',
    endAt,
    endBasis: check.reply.signedAt ? 'signed' : 'received',
    ms: Number.isFinite(ms) && ms >= 0 ? ms : null,
  };
}

/**
 * Where a check stands: never handed over ("prepared": nothing left the app, so nothing is awaited),
 * handed over and awaiting the reply, unanswered FOLLOW_UP_HOURS after the hand-over ("follow-up"),
 * or answered by a verified reply.
 */
export type CheckStatus = 'prepared' | 'awaiting' | 'follow-up' | 'answered';

export function checkStatus(check: CheckRecord, handedOverAt: string | undefined, now: Date): CheckStatus {
  if (check.reply) return 'answered';
  if (!handedOverAt) return 'prepared';
  return followUpDue(handedOverAt, now) ? 'follow-up' : 'awaiting';
}

export function followUpDue(handedOverAt: string, now: Date): boolean {
  return now.getTime() - Date.parse(handedOverAt) >= FOLLOW_UP_HOURS * 3_600_000;
}

/** When an unanswered check becomes due for follow-up. */
export function followUpAt(handedOverAt: string): string {
  return new Date(Date.parse(handedOverAt) + FOLLOW_UP_HOURS * 3_600_000).toISOString();
}
