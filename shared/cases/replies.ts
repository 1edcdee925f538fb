import type { Channel } from '../templates/model';
import type { CaseRecord } from './model';

/**
 * Which steps of the appendix's response procedure are still open on a case (issue 10): an
 * acknowledgement is offered until one was sent or the inquiry was answered; an answer until one
 * was sent.
 */
export function openSteps(record: CaseRecord): { acknowledge: boolean; answer: boolean } {
  let acknowledged = false;
  let answered = false;
  for (const { body } of record.events) {
    if (body.kind !== 'message' || body.direction !== 'out') continue;
    if (body.nature === 'acknowledgement') acknowledged = true;
    if (body.nature === 'response') answered = true;
  }
  return { acknowledge: !acknowledged && !answered, answer: !answered };
}

/**
 * Appendix, response step 3 (« Convenez du canal de communication privilégié et de l'agence … »):
 * what was last said about the channel and the lead agency — by the own previous reply first, else
 * by the inquiry — so the user does not retype it.
 */
export function previousAgreement(record: CaseRecord): { preferred?: Channel; leadAgency?: string } {
  const messages = record.events.map((e) => e.body).filter((b) => b.kind === 'message');
  const own = [...messages].reverse().find((m) => m.direction === 'out' && m.structured?.channel);
  const theirs = [...messages].reverse().find((m) => m.direction === 'in' && m.structured?.channel);
  const channel = (own ?? theirs)?.structured?.channel;
  return {
    ...(channel?.preferred ? { preferred: channel.preferred } : {}),
    ...(channel?.leadAgency ? { leadAgency: channel.leadAgency } : {}),
  };
}
