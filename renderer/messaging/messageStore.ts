import { z } from 'zod';
import { VERDICT_KINDS } from '../../shared/messages/verdict';
import { DeliverySchema } from '../../shared/outgoing/delivery';
import type { Verdict } from '../../shared/messages/verdict';
import type { PocMessagePayload } from '../../shared/messages/payload';
import type { BatchOp, VaultSession } from '../vault/session';

/**
 * Vault collections 'messages' (decrypted messages in and out) and 'conversations' (one per POC;
 * the exchange-log issue turns them into cases). Message and conversation are written in one batch,
 * so nothing is half-stored.
 */
export const StoredVerdictSchema = z.object({
  kind: z.enum(VERDICT_KINDS as [Verdict['kind'], ...Verdict['kind'][]]),
  fingerprint: z.string().max(64).optional(),
  signerName: z.string().max(300).optional(),
  state: z.string().max(3).optional(),
  role: z.string().max(20).optional(),
});

export const StoredMessageSchema = z.object({
  id: z.string().min(8).max(64),
  direction: z.enum(['in', 'out']),
  conversationIds: z.array(z.string().max(80)).max(100),
  at: z.iso.datetime(),
  subject: z.string().max(300).optional(),
  text: z.string().max(20 * 1024 * 1024),
  payload: z.unknown().optional(),
  verdict: StoredVerdictSchema.optional(),
  /** The exchange-log case this message opened or joined (issue 6). */
  caseId: z.string().max(80).optional(),
  /** When the sender confirmed writing across roles (A §9; issue 9 §4). */
  crossRoleConfirmedAt: z.iso.datetime().optional(),
  /** The armoured ciphertext as sent/received (for the record). */
  armored: z
    .string()
    .max(30 * 1024 * 1024)
    .optional(),
  /** Outgoing only: the recipients' directory e-mail addresses (the .eml and mailto are addressed to them). */
  emails: z.array(z.string().max(320)).max(100).optional(),
  /** Outgoing only: prepared → handed over (how, when) → acknowledged, or cancelled (issue 10). */
  delivery: DeliverySchema.optional(),
});
export type StoredMessage = z.infer<typeof StoredMessageSchema>;

export const ConversationSchema = z.object({
  id: z.string().max(80),
  pocId: z.string().max(64),
  state: z.string().max(3),
  role: z.string().max(20),
  messageIds: z.array(z.string().max(64)).max(100_000),
  updatedAt: z.iso.datetime(),
});
export type Conversation = z.infer<typeof ConversationSchema>;

/**
 * A conversation's record id: 'conv-' + keyed hash of the counterpart's POC id, and its clear
 * State and role indexes are keyed hashes too: the disk does not say who talked to whom (issue 9 §5).
 */
export async function conversationId(session: VaultSession, pocId: string): Promise<string> {
  return `conv-${await session.lookupId('poc', pocId)}`;
}

export function storedVerdict(verdict: Verdict): StoredMessage['verdict'] {
  switch (verdict.kind) {
    case 'verified':
      return {
        kind: 'verified',
        fingerprint: verdict.signer.fingerprint,
        signerName: verdict.signer.name,
        state: verdict.signer.state,
        role: verdict.signer.role,
      };
    case 'key-changed':
      return {
        kind: 'key-changed',
        fingerprint: verdict.signerFingerprint,
        signerName: verdict.signer.name,
        state: verdict.signer.state,
        role: verdict.signer.role,
      };
    case 'ambiguous-key':
      return { kind: 'ambiguous-key', fingerprint: verdict.signerFingerprint };
    case 'unknown-key':
      return { kind: 'unknown-key', ...(verdict.fingerprint ? { fingerprint: verdict.fingerprint } : {}) };
    case 'bad-signature':
      return { kind: 'bad-signature' };
    case 'unsigned':
      return { kind: 'unsigned' };
  }
}

export interface ConversationPeer {
  pocId: string;
  state: string;
  role: string;
}

/** Stores a message and links it to a conversation with each peer, in one atomic batch. */
export async function storeMessage(
  session: VaultSession,
  message: StoredMessage,
  peers: readonly ConversationPeer[],
  extraOps: BatchOp[] = [],
): Promise<void> {
  await storeMessages(session, [{ message, peers, extraOps }]);
}

/**
 * Stores several messages in one atomic batch (a campaign's checks, written a chunk at a time): the
 * same records as storeMessage, a conversation shared by several of them updated once.
 */
export async function storeMessages(
  session: VaultSession,
  items: readonly { message: StoredMessage; peers: readonly ConversationPeer[]; extraOps?: BatchOp[] }[],
): Promise<void> {
  const conversations = session.collection('conversations', ConversationSchema);
  const pending = new Map<string, { value: Conversation; index: Record<string, string> }>();
  const ops: BatchOp[] = [];
  for (const { message, peers, extraOps = [] } of items) {
    const conversationIds: string[] = [];
    for (const peer of peers) {
      const id = await conversationId(session, peer.pocId);
      conversationIds.push(id);
      const existing = pending.get(id)?.value ?? (await conversations.get(id));
      const next: Conversation = {
        id,
        pocId: peer.pocId,
        state: peer.state,
        role: peer.role,
        messageIds: [...(existing?.messageIds ?? []).filter((m) => m !== message.id), message.id],
        updatedAt: message.at,
      };
      const index = {
        state: await session.lookupId('state', peer.state),
        role: await session.lookupId('role', peer.role),
        updatedAt: message.at,
      };
      pending.set(id, { value: next, index });
    }
    ops.push({
      collection: 'messages',
      id: message.id,
      value: StoredMessageSchema.parse({ ...message, conversationIds }),
      index: { updatedAt: message.at },
    });
    ops.push(...extraOps);
  }
  for (const [id, { value, index }] of pending) ops.push({ collection: 'conversations', id, value, index });
  await session.writeBatch(ops);
}

/**
 * The batch operations that delete messages and take them out of their conversations (a
 * conversation left empty goes too), for callers that delete them with other records atomically.
 */
export async function deleteMessagesOps(
  session: VaultSession,
  messages: readonly StoredMessage[],
): Promise<BatchOp[]> {
  const conversations = session.collection('conversations', ConversationSchema);
  const gone = new Set(messages.map((m) => m.id));
  const ops: BatchOp[] = messages.map((m) => ({ collection: 'messages', id: m.id, delete: true }));
  for (const id of new Set(messages.flatMap((m) => m.conversationIds))) {
    const conversation = await conversations.get(id);
    if (!conversation) continue;
    const messageIds = conversation.messageIds.filter((m) => !gone.has(m));
    if (messageIds.length === 0) ops.push({ collection: 'conversations', id, delete: true });
    else
      ops.push({
        collection: 'conversations',
        id,
        value: { ...conversation, messageIds },
        index: {
          state: await session.lookupId('state', conversation.state),
          role: await session.lookupId('role', conversation.role),
          updatedAt: conversation.updatedAt,
        },
      });
  }
  return ops;
}

export async function getMessage(session: VaultSession, id: string): Promise<StoredMessage | undefined> {
  return session.collection('messages', StoredMessageSchema).get(id);
}

export async function listMessages(session: VaultSession): Promise<StoredMessage[]> {
  const { items } = await session.collection('messages', StoredMessageSchema).list();
  return items.map((i) => i.value).sort((a, b) => b.at.localeCompare(a.at));
}

export type { PocMessagePayload };
