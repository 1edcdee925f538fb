import type * as openpgp from 'openpgp';
import type { UnLanguage } from '../i18n/languages';
import { encryptAndSign } from '../openpgp/messageCrypto';
import { MessageError } from './errors';
import { buildInnerEntity } from './mime';
import {
  POC_MESSAGE_SCHEMA,
  POC_MESSAGE_VERSION,
  newMessageId,
  type MessageParty,
  type PocMessagePayload,
} from './payload';

export interface ComposeInput {
  /** Human-readable rendering (sender's language, plus English when chosen). */
  text: string;
  /** Opaque structured body (a template object for issue 6); null for a free-text note. */
  structured: unknown;
  kind?: string;
  language: UnLanguage;
  subject?: string;
  sender: MessageParty;
  recipients: MessageParty[];
  inReplyTo?: string;
  id?: string;
  now?: Date;
}

/** Builds the inner MIME entity (text part + JSON part) and the payload it carries. No crypto. */
export function composeMessage(input: ComposeInput): { mime: string; payload: PocMessagePayload } {
  if (!input.text.trim() && input.structured == null) throw new MessageError('empty-message');
  if (input.recipients.length === 0) throw new MessageError('no-recipients');
  const payload: PocMessagePayload = {
    schema: POC_MESSAGE_SCHEMA,
    version: POC_MESSAGE_VERSION,
    id: input.id ?? newMessageId(),
    createdAt: (input.now ?? new Date()).toISOString(),
    language: input.language,
    kind: input.kind ?? 'note',
    ...(input.subject ? { subject: input.subject } : {}),
    sender: input.sender,
    recipients: input.recipients,
    ...(input.inReplyTo ? { inReplyTo: input.inReplyTo } : {}),
    body: input.structured ?? null,
  };
  const mime = buildInnerEntity({
    text: input.text,
    json: JSON.stringify(payload, null, 2),
    language: input.language,
    ...(input.subject ? { subject: input.subject } : {}),
  });
  return { mime, payload };
}

/** Signs with the sender's key and encrypts to every recipient and to the sender; armoured. */
export async function sealMessage(options: {
  mime: string;
  recipientKeys: readonly openpgp.PublicKey[];
  senderKey: openpgp.PrivateKey;
  date?: Date;
}): Promise<string> {
  const sealed = await encryptAndSign({
    data: new TextEncoder().encode(options.mime),
    recipients: options.recipientKeys,
    sender: options.senderKey,
    armor: true,
    ...(options.date ? { date: options.date } : {}),
  });
  return typeof sealed === 'string' ? sealed : new TextDecoder().decode(sealed);
}
