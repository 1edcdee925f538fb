import { z } from 'zod';
import { buildPgpMimeEml, mailtoDraft } from '../messages/eml';

/**
 * The delivery state of one outgoing message (issue 10). Sealing does not send anything: the user
 * hands the sealed message over on purpose (copy, .asc, .eml, mail client), and only then is it
 * "handed over". A cancelled save dialog changes nothing. The other side's acknowledgement, when it
 * arrives and references the message, makes it "acknowledged". A message never handed over can be
 * cancelled (withdrawn) by the user.
 */
export const HANDOVER_METHODS = ['copy', 'asc', 'eml', 'mailto'] as const;
export type HandoverMethod = (typeof HANDOVER_METHODS)[number];

export const DELIVERY_STATES = ['prepared', 'handed-over', 'acknowledged', 'cancelled'] as const;
export type DeliveryStateName = (typeof DELIVERY_STATES)[number];

const at = z.iso.datetime();

export const DeliverySchema = z.object({
  handovers: z
    .array(z.object({ method: z.enum(HANDOVER_METHODS), at }))
    .max(1_000)
    .default([]),
  acknowledgedAt: at.optional(),
  /** The id of the other side's message that acknowledged (or answered) this one. */
  acknowledgedBy: z.string().max(64).optional(),
  cancelledAt: at.optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const NEW_DELIVERY: Delivery = { handovers: [] };

export function deliveryState(delivery: Delivery | undefined): DeliveryStateName {
  if (!delivery) return 'prepared';
  if (delivery.acknowledgedAt) return 'acknowledged';
  if (delivery.cancelledAt) return 'cancelled';
  return delivery.handovers.length ? 'handed-over' : 'prepared';
}

/** The last hand-over (how and when), for "Handed over as .eml on …". */
export function lastHandover(delivery: Delivery | undefined): Delivery['handovers'][number] | undefined {
  return delivery?.handovers[delivery.handovers.length - 1];
}

export function withHandover(delivery: Delivery | undefined, method: HandoverMethod, when: string): Delivery {
  const base = delivery ?? NEW_DELIVERY;
  // Handing over again after withdrawing it means the user changed their mind: the withdrawal ends.
  const { cancelledAt: _cancelled, ...rest } = base;
  return { ...rest, handovers: [...base.handovers, { method, at: when }] };
}

export function withAcknowledgement(
  delivery: Delivery | undefined,
  when: string,
  byMessageId: string,
): Delivery {
  const base = delivery ?? NEW_DELIVERY;
  if (base.acknowledgedAt) return base;
  return { ...base, acknowledgedAt: when, acknowledgedBy: byMessageId };
}

/** Withdrawing is possible only before anything left the app: a handed-over message is out there. */
export function withCancellation(delivery: Delivery | undefined, when: string): Delivery | null {
  const base = delivery ?? NEW_DELIVERY;
  if (deliveryState(base) !== 'prepared') return null;
  return { ...base, cancelledAt: when };
}

/** File names reveal nothing: a random id, no names, no subject (ARCHITECTURE, "Messages between POCs"). */
export function sealedFileName(messageId: string, ext: 'asc' | 'eml'): string {
  return `message-${messageId.slice(0, 12)}.${ext}`;
}

export interface HandoverFile {
  suggestedName: string;
  mimeType: 'application/pgp-encrypted' | 'message/rfc822';
  text: string;
}

/**
 * What a file hand-over writes: the armour as .asc, or an RFC 3156 PGP/MIME e-mail addressed to the
 * recipients' directory e-mail addresses whose subject reveals nothing.
 */
export function handoverFile(
  sealed: { id: string; armored: string; emails: readonly string[] },
  form: 'asc' | 'eml',
  now?: Date,
): HandoverFile {
  if (form === 'asc')
    return {
      suggestedName: sealedFileName(sealed.id, 'asc'),
      mimeType: 'application/pgp-encrypted',
      text: sealed.armored,
    };
  return {
    suggestedName: sealedFileName(sealed.id, 'eml'),
    mimeType: 'message/rfc822',
    text: buildPgpMimeEml({
      armoredMessage: sealed.armored,
      to: sealed.emails,
      ...(now ? { date: now } : {}),
    }),
  };
}

/** The mailto: draft, or null when the message is too long for a mail client's address line. */
export function handoverMailto(sealed: { armored: string; emails: readonly string[] }): string | null {
  return mailtoDraft({ to: sealed.emails, armoredMessage: sealed.armored });
}
