import type { Tlp, Urgency } from '../templates/model';
import type { CaseEventBody, CaseRecord, CaseStatus, Party } from './model';

/** An urgent inquiry expects at least an acknowledgement within this many hours. */
export const URGENT_REPLY_HOURS = 24;
/** A routine inquiry: a reply is looked for within this many hours. */
export const ROUTINE_REPLY_HOURS = 7 * 24;

export type DeadlineReason = 'urgent-inquiry' | 'routine-inquiry' | 'estimated-response' | 'set-by-user';

export interface CaseDeadline {
  dueAt: string;
  reason: DeadlineReason;
  /** Who owes the next step: we (to answer) or they (to reply to us). */
  owedBy: 'self' | 'counterpart';
}

/** What the case list shows; derived from the events alone, so the chain stays the only truth. */
export interface CaseSummary {
  id: string;
  subject: string;
  status: CaseStatus;
  exercise: boolean;
  origin: 'outgoing' | 'incoming';
  self: Party;
  counterpart: Party;
  openedAt: string;
  lastActivityAt: string;
  urgency?: Urgency;
  tlp?: Tlp;
  deadline?: CaseDeadline;
  /** The own State's POC of the other role the matter was handed to (A §9), if it was. */
  handedOverTo?: Party;
  messageCount: number;
  /** Text the search looks through (subject, counterpart, messages, notes). Decrypted, in memory only. */
  searchText: string;
}

const hoursAfter = (iso: string, hours: number) =>
  new Date(Date.parse(iso) + hours * 3_600_000).toISOString();

function applyMessage(summary: CaseSummary, event: Extract<CaseEventBody, { kind: 'message' }>): void {
  const outgoing = event.direction === 'out';
  summary.messageCount++;
  if (event.tlp) summary.tlp = event.tlp;
  switch (event.nature) {
    case 'request-information':
    case 'request-action':
    case 'notification-activity': {
      summary.urgency = event.urgency ?? summary.urgency;
      const urgent = event.urgency === 'urgent';
      summary.status = outgoing ? 'awaiting-reply' : 'open';
      summary.deadline = {
        dueAt: hoursAfter(event.at, urgent ? URGENT_REPLY_HOURS : ROUTINE_REPLY_HOURS),
        reason: urgent ? 'urgent-inquiry' : 'routine-inquiry',
        owedBy: outgoing ? 'counterpart' : 'self',
      };
      break;
    }
    case 'acknowledgement':
      summary.status = 'acknowledged';
      summary.deadline = event.estimatedResponseHours
        ? {
            dueAt: hoursAfter(event.at, event.estimatedResponseHours),
            reason: 'estimated-response',
            owedBy: outgoing ? 'self' : 'counterpart',
          }
        : undefined;
      break;
    case 'response':
      summary.status = 'answered';
      summary.deadline = undefined;
      break;
    case 'communication-check':
      break;
  }
}

export function summarizeCase(record: CaseRecord): CaseSummary | null {
  const first = record.events[0]?.body;
  if (!first || first.kind !== 'opened') return null;
  const summary: CaseSummary = {
    id: record.id,
    subject: first.subject,
    status: 'open',
    exercise: first.exercise,
    origin: first.origin,
    self: first.self,
    counterpart: first.counterpart,
    openedAt: first.at,
    lastActivityAt: first.at,
    messageCount: 0,
    searchText: '',
  };
  const texts: string[] = [first.subject, first.counterpart.label ?? '', first.counterpart.state];
  for (const { body } of record.events) {
    if (body.at > summary.lastActivityAt) summary.lastActivityAt = body.at;
    switch (body.kind) {
      case 'message':
        applyMessage(summary, body);
        texts.push(body.text);
        break;
      case 'status':
        summary.status = body.status;
        if (body.status === 'closed') summary.deadline = undefined;
        break;
      case 'deadline':
        summary.deadline = { dueAt: body.dueAt, reason: 'set-by-user', owedBy: body.owedBy ?? 'self' };
        if (body.reason) texts.push(body.reason);
        break;
      case 'handover':
        if (body.to) summary.handedOverTo = body.to;
        texts.push(body.to?.label ?? '', body.note ?? '');
        break;
      case 'note':
        texts.push(body.text);
        break;
      default:
        break;
    }
  }
  summary.searchText = normaliseForSearch(texts.join('\n'));
  return summary;
}

/** Lower case, accents removed, so "Énergie" is found by "energie". */
export function normaliseForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}
