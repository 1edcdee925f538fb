import { readStructured } from '../../shared/templates';
import type { UnLanguage } from '../../shared/i18n/languages';
import type { ReadMessageResult } from '../../shared/messages/read';
import { recordIncomingMessage } from '../cases/store';
import { syncControllerFor } from '../sync/syncController';
import type { VaultSession } from '../vault/session';

/**
 * A received message joins the exchange log (issue 6, A §11: « tenir un registre » of what was
 * exchanged): an inquiry opens a case, an acknowledgement or response joins the case of the
 * message it references. Only a VERIFIED sender goes into the hash-chained log: a message from a
 * key outside the directory, an unsigned one or one whose signer's key changed is kept in the
 * messages store with its verdict, but never written into a case as if its origin were known.
 * The own side of the case is the enrolled State and role; without enrolment there is no case.
 */
export async function recordInExchangeLog(
  session: VaultSession,
  read: ReadMessageResult,
  message: { id: string; receivedAt: string },
  uiLanguage: UnLanguage,
): Promise<string | null> {
  if (read.verdict.kind !== 'verified') return null;
  const own = await syncControllerFor(session).store.loadState();
  if (!own) return null;
  const signer = read.verdict.signer;
  // A copy of one's own sent message (it is encrypted to the sender too) is not an incoming one.
  if (signer.fingerprint === own.ownFingerprint) return null;
  return recordIncomingMessage(
    session,
    {
      messageId: message.id,
      receivedAt: message.receivedAt,
      text: read.text,
      structured: read.payload?.body,
      from: { state: signer.state, role: signer.role, pocId: signer.pocId, label: signer.name.slice(0, 300) },
      self: { state: own.state, role: own.role },
      signerFingerprint: signer.fingerprint,
      ...(read.payload?.inReplyTo ? { inReplyTo: read.payload.inReplyTo } : {}),
    },
    uiLanguage,
  );
}

/** An inquiry (request, notification, communication check) is answered from its case page. */
export function isInquiry(read: ReadMessageResult): boolean {
  if (read.payload?.kind === 'inquiry') return true;
  const reading = readStructured(read.payload?.body);
  return (
    reading.kind === 'template' &&
    reading.template.nature !== 'acknowledgement' &&
    reading.template.nature !== 'response'
  );
}

/** The ids of own messages a received one replies to: payload inReplyTo and the template's references. */
export function repliedTo(read: ReadMessageResult): string[] {
  const reading = readStructured(read.payload?.body);
  const references = reading.kind === 'template' ? (reading.template.references ?? []) : [];
  return [...(read.payload?.inReplyTo ? [read.payload.inReplyTo] : []), ...references];
}
