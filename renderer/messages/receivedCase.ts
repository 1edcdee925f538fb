import type { UnLanguage } from '../../shared/i18n/languages';
import type { ReadMessageResult } from '../../shared/messages/read';
import type { VaultSession } from '../vault/session';
import { recordInExchangeLog } from './exchangeLog';
import type { StoredMessage } from '../messaging/messageStore';

/**
 * The exchange-log case of a message just read. Reading the same message again (the same payload
 * id, already stored with its case) returns the case it joined the first time instead of opening a
 * second one; otherwise the message is recorded (verified senders only, see exchangeLog.ts).
 */
export async function caseOfReceivedMessage(
  session: VaultSession,
  read: ReadMessageResult,
  message: { id: string; receivedAt: string },
  earlier: Pick<StoredMessage, 'caseId'> | undefined,
  uiLanguage: UnLanguage,
): Promise<string | undefined> {
  return earlier?.caseId ?? (await recordInExchangeLog(session, read, message, uiLanguage)) ?? undefined;
}
