import {
  appendEvents,
  CaseError,
  CaseRecordSchema,
  summarizeCase,
  type CaseEventBody,
  type CaseRecord,
  type CaseSummary,
  type Party,
} from '../../shared/cases';
import {
  newTemplateId,
  readStructured,
  renderTemplateText,
  type InquiryTemplate,
} from '../../shared/templates';
import type { UnLanguage } from '../../shared/i18n/languages';
import type { BatchOp, VaultSession } from '../vault/session';

/**
 * The exchange log in vault collection 'cases': one encrypted record per case holding its whole
 * hash chain. Only the opaque case id and the last-activity time are indexed in clear.
 * Appends to one case are serialised, so two quick writes never fork the chain.
 */
export const CASES_COLLECTION = 'cases' as const;

type Listener = () => void;
const listeners = new Set<Listener>();
export function subscribeCases(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
const notify = () => listeners.forEach((listener) => listener());

export function casesOf(session: VaultSession) {
  return session.collection(CASES_COLLECTION, CaseRecordSchema);
}

function caseOp(record: CaseRecord): BatchOp {
  const last = record.events[record.events.length - 1];
  return {
    collection: CASES_COLLECTION,
    id: record.id,
    value: record,
    index: last ? { updatedAt: last.body.at } : {},
  };
}

let queue: Promise<unknown> = Promise.resolve();
function serialised<T>(task: () => Promise<T>): Promise<T> {
  const next = queue.then(task, task);
  queue = next.catch(() => undefined);
  return next;
}

/** Opens a new case with its first events; extra ops (e.g. deleting the draft) land in the same batch. */
export function openCase(
  session: VaultSession,
  bodies: CaseEventBody[],
  extraOps: BatchOp[] = [],
): Promise<CaseRecord> {
  return serialised(async () => {
    const record = await appendEvents({ id: `case-${newTemplateId()}`, events: [], head: null }, bodies);
    await session.writeBatch([caseOp(record), ...extraOps]);
    notify();
    return record;
  });
}

export function appendToCase(
  session: VaultSession,
  caseId: string,
  bodies: CaseEventBody[],
): Promise<CaseRecord> {
  return serialised(async () => {
    const current = await casesOf(session).get(caseId);
    if (!current) throw new CaseError('case-not-found', caseId);
    const record = await appendEvents(current, bodies);
    await session.writeBatch([caseOp(record)]);
    notify();
    return record;
  });
}

export async function listCaseSummaries(
  session: VaultSession,
): Promise<{ summaries: CaseSummary[]; records: Map<string, CaseRecord>; corrupted: string[] }> {
  const { items, corrupted } = await casesOf(session).list();
  const records = new Map(items.map((item) => [item.id, item.value]));
  const summaries = items
    .map((item) => summarizeCase(item.value))
    .filter((s): s is CaseSummary => s !== null);
  return { summaries, records, corrupted };
}

/** The case a message belongs to: one whose events mention a message it references. */
async function findCaseFor(
  session: VaultSession,
  references: readonly string[],
): Promise<CaseRecord | undefined> {
  if (!references.length) return undefined;
  const { items } = await casesOf(session).list();
  return items
    .map((item) => item.value)
    .find((record) =>
      record.events.some(({ body }) => body.kind === 'message' && references.includes(body.messageId)),
    );
}

export interface IncomingMessage {
  /** The message id (the payload id of the messaging layer, or the template id). */
  messageId: string;
  receivedAt: string;
  /** Human-readable text as received. */
  text: string;
  /** The JSON template part (payload.body), whatever it holds. */
  structured: unknown;
  from: Party;
  self: Party;
  /** The id the messaging layer says it replies to (payload inReplyTo), besides the template's references. */
  inReplyTo?: string;
  /** The verified signer's fingerprint. */
  signerFingerprint?: string;
}

/**
 * Hook for the messaging layer: a received message opens a case (an inquiry) or joins the case of
 * the message it references (acknowledgement, response). An unreadable template part keeps the
 * text and the raw JSON. Returns the case id.
 */
export async function recordIncomingMessage(
  session: VaultSession,
  message: IncomingMessage,
  uiLanguage: UnLanguage,
): Promise<string> {
  const reading = readStructured(message.structured);
  const template: InquiryTemplate | undefined = reading.kind === 'template' ? reading.template : undefined;
  const body: CaseEventBody = {
    kind: 'message',
    at: message.receivedAt,
    direction: 'in',
    messageId: template?.id ?? message.messageId,
    nature: template?.nature ?? 'request-information',
    from: message.from,
    ...(message.signerFingerprint ? { signerFingerprint: message.signerFingerprint } : {}),
    text: message.text || (template ? renderTemplateText(template, uiLanguage) : ''),
    ...(template ? { structured: template, textLanguage: template.language } : {}),
    ...(template?.urgency ? { urgency: template.urgency } : {}),
    ...(template?.tlp ? { tlp: template.tlp } : {}),
    ...(template?.estimatedResponseHours ? { estimatedResponseHours: template.estimatedResponseHours } : {}),
    ...(reading.kind !== 'template' && message.structured !== undefined
      ? { rawStructured: JSON.stringify(message.structured) }
      : {}),
  };
  // Filed by the ids it carries: an acknowledgement or answer joins the case of what it replies to.
  const references = [...(template?.references ?? []), ...(message.inReplyTo ? [message.inReplyTo] : [])];
  const existing = await findCaseFor(session, references);
  if (existing) return (await appendToCase(session, existing.id, [body])).id;
  const subject =
    template?.incident?.summary?.slice(0, 120) ??
    template?.request?.slice(0, 120) ??
    message.text
      .split('\n')
      .find((l) => l.trim())
      ?.slice(0, 120) ??
    message.messageId;
  const record = await openCase(session, [
    {
      kind: 'opened',
      at: message.receivedAt,
      subject,
      origin: 'incoming',
      self: message.self,
      counterpart: message.from,
      exercise: template?.exercise ?? false,
    },
    body,
  ]);
  return record.id;
}
