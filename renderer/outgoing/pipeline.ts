import type * as openpgp from 'openpgp';
import type { PointOfContact } from '../../shared/directory/model';
import { directoryKeysLoaded } from '../directory/store';
import type { UnLanguage } from '../../shared/i18n/languages';
import { composeMessage, sealMessage } from '../../shared/messages/compose';
import { MessageError } from '../../shared/messages/errors';
import type { MessageParty } from '../../shared/messages/payload';
import { textToBase64 } from '../../shared/encoding/base64';
import type { HostClient } from '../../shared/host/client';
import {
  handoverFile,
  handoverMailto,
  withAcknowledgement,
  withCancellation,
  withHandover,
  type Delivery,
  type HandoverMethod,
} from '../../shared/outgoing/delivery';
import { loadOwnIdentity, loadOwnSigningKey } from '../messaging/ownIdentity';
import { listPeerRecords, pinOp } from '../identity/peerKeys';
import { parseKeyCached } from '../messaging/keyring';
import {
  getMessage,
  storeMessage,
  storeMessages,
  StoredMessageSchema,
  type ConversationPeer,
  type StoredMessage,
} from '../messaging/messageStore';
import type { BatchOp, VaultSession } from '../vault/session';

/**
 * The one outgoing pipeline (issue 10) every kind of message goes through — inquiry, acknowledgement,
 * response, free message, communication check: seal → store as "prepared" (with the case it was
 * logged in) → an explicit hand-over step chosen by the user (copy, .asc, .eml, mail client), which
 * alone makes it "handed over". The id given here is the id inside the message, the one the review
 * screen, the case, the PDF and the other side all show.
 */

export interface OutgoingMessage {
  /** The reference shown to the user before sending; it becomes the message id. */
  id: string;
  kind: string;
  text: string;
  /** The structured template (or null for a free message). */
  structured: unknown;
  language: UnLanguage;
  subject?: string;
  inReplyTo?: string;
  at: string;
  /** Directory entries the message is for; each must hold a key, matching its pin if pinned. */
  recipients: readonly PointOfContact[];
  /** Keys imported by hand (partners outside the directory), by fingerprint. */
  importedKeyFingerprints?: readonly string[];
  /** When the sender confirmed writing across roles (A §9), recorded with the message. */
  crossRoleConfirmedAt?: string;
}

export interface SealedOutgoing {
  id: string;
  armored: string;
  emails: string[];
}

interface ResolvedRecipients {
  keys: openpgp.PublicKey[];
  parties: MessageParty[];
  emails: string[];
  peers: { pocId: string; state: string; role: string }[];
  newPins: BatchOp[];
}

type PeerRecords = Awaited<ReturnType<typeof listPeerRecords>>;

async function resolveRecipients(
  message: OutgoingMessage,
  peerRecords: PeerRecords,
): Promise<ResolvedRecipients> {
  const { pins, keys: imported } = peerRecords;
  const resolved: ResolvedRecipients = { keys: [], parties: [], emails: [], peers: [], newPins: [] };
  for (const entry of message.recipients) {
    if (!entry.openpgp) throw new MessageError('recipient-without-key');
    const pin = pins.find((p) => p.pocId === entry.id);
    // A directory key that differs from the one relied on so far is a key change: nothing is sealed.
    if (pin && pin.fingerprint !== entry.openpgp.fingerprint) throw new MessageError('recipient-key-changed');
    const key = await parseKeyCached(entry.openpgp.publicKey);
    if (!key || key.getFingerprint().toUpperCase() !== entry.openpgp.fingerprint) {
      throw new MessageError('recipient-without-key');
    }
    resolved.keys.push(key);
    resolved.parties.push({
      fingerprint: entry.openpgp.fingerprint,
      pocId: entry.id,
      state: entry.state,
      role: entry.role,
    });
    resolved.emails.push(...entry.emails.slice(0, 1));
    resolved.peers.push({ pocId: entry.id, state: entry.state, role: entry.role });
    if (!pin) {
      resolved.newPins.push(
        pinOp({ kind: 'pin', pocId: entry.id, fingerprint: entry.openpgp.fingerprint, pinnedAt: message.at }),
      );
    }
  }
  for (const fingerprint of message.importedKeyFingerprints ?? []) {
    const record = imported.find((k) => k.fingerprint === fingerprint);
    const key = record ? await parseKeyCached(record.publicKey) : null;
    if (!key) throw new MessageError('recipient-without-key');
    resolved.keys.push(key);
    resolved.parties.push({ fingerprint });
  }
  if (!resolved.keys.length) throw new MessageError('no-recipients');
  return resolved;
}

/**
 * Seals (signs with the own key, encrypts to the recipients and to the sender) and stores the
 * message as "prepared". `log` records it in its case first and returns the case id; when it
 * throws, nothing is stored. Throws MessageError('no-identity') without an own key.
 */
export async function sealOutgoing(
  session: VaultSession,
  message: OutgoingMessage,
  log?: () => Promise<string | undefined>,
): Promise<SealedOutgoing> {
  const sender = await loadSender(session);
  await directoryKeysLoaded(session); // the recipients' keys (they follow a fresh load of the directory)
  return sealOne(session, sender, await listPeerRecords(session), message, log);
}

interface LoadedSender {
  fingerprint: string;
  key: openpgp.PrivateKey;
}

async function loadSender(session: VaultSession): Promise<LoadedSender> {
  const own = await loadOwnIdentity(session);
  const senderKey = own ? await loadOwnSigningKey(session) : null;
  if (!own || !senderKey) throw new MessageError('no-identity');
  return { fingerprint: own.fingerprint, key: senderKey };
}

interface SealedRecord {
  sealed: SealedOutgoing;
  stored: StoredMessage;
  peers: ConversationPeer[];
  newPins: BatchOp[];
}

async function sealOne(
  session: VaultSession,
  sender: LoadedSender,
  peerRecords: PeerRecords,
  message: OutgoingMessage,
  log?: () => Promise<string | undefined>,
): Promise<SealedOutgoing> {
  const record = await sealRecord(sender, peerRecords, message, log);
  await storeMessage(session, record.stored, record.peers, record.newPins);
  return record.sealed;
}

/** Signs and encrypts one message and builds the record to store; `log` runs after sealing. */
async function sealRecord(
  sender: LoadedSender,
  peerRecords: PeerRecords,
  message: OutgoingMessage,
  log?: () => Promise<string | undefined>,
): Promise<SealedRecord> {
  const recipients = await resolveRecipients(message, peerRecords);
  const { mime, payload } = composeMessage({
    id: message.id,
    text: message.text,
    structured: message.structured,
    kind: message.kind,
    language: message.language,
    ...(message.subject ? { subject: message.subject } : {}),
    ...(message.inReplyTo ? { inReplyTo: message.inReplyTo } : {}),
    sender: { fingerprint: sender.fingerprint },
    recipients: recipients.parties,
    now: new Date(message.at),
  });
  const armored = await sealMessage({ mime, recipientKeys: recipients.keys, senderKey: sender.key });
  const caseId = log ? await log() : undefined;
  const stored: StoredMessage = {
    id: message.id,
    direction: 'out',
    conversationIds: [],
    at: message.at,
    text: message.text,
    ...(message.subject ? { subject: message.subject } : {}),
    payload,
    armored,
    emails: recipients.emails,
    delivery: { handovers: [] },
    ...(caseId ? { caseId } : {}),
    ...(message.crossRoleConfirmedAt ? { crossRoleConfirmedAt: message.crossRoleConfirmedAt } : {}),
  };
  return {
    sealed: { id: message.id, armored, emails: recipients.emails },
    stored,
    peers: recipients.peers,
    newPins: recipients.newPins,
  };
}

export type BatchSealResult =
  { ok: true; sealed: SealedOutgoing } | { ok: false; id: string; error: unknown };

/**
 * Seals many messages, one per recipient (a campaign of communication checks), through the same
 * steps as sealOutgoing: the own key and the pins are loaded once, each message is sealed, and they
 * are stored "prepared" a chunk at a time (a crash loses at most one unwritten chunk, never half a
 * message); a message that cannot be sealed (no key, key changed) is reported without stopping
 * the others. `onProgress` gets the count sealed so far.
 */
export async function sealOutgoingMany(
  session: VaultSession,
  messages: readonly OutgoingMessage[],
  onProgress?: (done: number, total: number) => void,
): Promise<BatchSealResult[]> {
  const sender = await loadSender(session);
  await directoryKeysLoaded(session);
  const peerRecords = await listPeerRecords(session);
  const results: BatchSealResult[] = [];
  let chunk: SealedRecord[] = [];
  const flush = async () => {
    if (!chunk.length) return;
    await storeMessages(
      session,
      chunk.map((r) => ({ message: r.stored, peers: r.peers, extraOps: r.newPins })),
    );
    results.push(...chunk.map((r): BatchSealResult => ({ ok: true, sealed: r.sealed })));
    chunk = [];
  };
  for (const message of messages) {
    try {
      chunk.push(await sealRecord(sender, peerRecords, message));
    } catch (error) {
      if (!(error instanceof MessageError)) throw error;
      await flush();
      results.push({ ok: false, id: message.id, error });
    }
    onProgress?.(results.length + chunk.length, messages.length);
    if (chunk.length >= STORE_CHUNK) await flush();
  }
  await flush();
  return results;
}

/** Sealed messages written per vault transaction in a batch (what a crash can lose at most). */
const STORE_CHUNK = 20;

async function updateDelivery(
  session: VaultSession,
  message: StoredMessage,
  delivery: Delivery,
): Promise<StoredMessage> {
  const next = StoredMessageSchema.parse({ ...message, delivery });
  await session.writeBatch([
    { collection: 'messages', id: next.id, value: next, index: { updatedAt: next.at } },
  ]);
  return next;
}

export type HandoverOutcome =
  | { outcome: 'handed-over'; message: StoredMessage }
  /** The save dialog was closed without saving: the message stays as it was. */
  | { outcome: 'cancelled' }
  /** Too long for a mailto: link; save it as .eml instead. */
  | { outcome: 'too-long' }
  | { outcome: 'not-found' };

/** Writes text to the clipboard; the caller passes the platform's (navigator.clipboard in the app). */
export type ClipboardWriter = (text: string) => Promise<void>;

/**
 * The hand-over step: performs the chosen hand-over of an already sealed outgoing message and
 * records it (method, time) only when it happened. Can be repeated at any time later.
 */
export async function handOver(
  session: VaultSession,
  host: HostClient,
  messageId: string,
  method: HandoverMethod,
  clipboard: ClipboardWriter,
  now: () => Date = () => new Date(),
): Promise<HandoverOutcome> {
  const message = await getMessage(session, messageId);
  if (!message || message.direction !== 'out' || !message.armored) return { outcome: 'not-found' };
  const sealed = { id: message.id, armored: message.armored, emails: message.emails ?? [] };
  switch (method) {
    case 'copy':
      await clipboard(sealed.armored);
      break;
    case 'asc':
    case 'eml': {
      const file = handoverFile(sealed, method, now());
      const { saved } = await host.call('files.save', {
        suggestedName: file.suggestedName,
        mimeType: file.mimeType,
        bytes: textToBase64(file.text),
      });
      if (!saved) return { outcome: 'cancelled' };
      break;
    }
    case 'mailto': {
      const url = handoverMailto(sealed);
      if (!url) return { outcome: 'too-long' };
      const { opened } = await host.call('external.open', { url });
      if (!opened) return { outcome: 'cancelled' };
      break;
    }
  }
  const updated = await updateDelivery(
    session,
    message,
    withHandover(message.delivery, method, now().toISOString()),
  );
  return { outcome: 'handed-over', message: updated };
}

/** Withdraws a message never handed over; false when it already left the app. */
export async function cancelOutgoing(
  session: VaultSession,
  messageId: string,
  now = new Date(),
): Promise<boolean> {
  const message = await getMessage(session, messageId);
  if (!message || message.direction !== 'out') return false;
  const delivery = withCancellation(message.delivery, now.toISOString());
  if (!delivery) return false;
  await updateDelivery(session, message, delivery);
  return true;
}

/**
 * An incoming message that references own outgoing messages (acknowledgement, answer) marks them
 * "acknowledged". Returns the ids updated.
 */
export async function markAcknowledged(
  session: VaultSession,
  referencedIds: readonly string[],
  byMessageId: string,
  at: string,
): Promise<string[]> {
  const updated: string[] = [];
  for (const id of new Set(referencedIds)) {
    const message = await getMessage(session, id);
    if (!message || message.direction !== 'out' || message.delivery?.acknowledgedAt) continue;
    await updateDelivery(session, message, withAcknowledgement(message.delivery, at, byMessageId));
    updated.push(id);
  }
  return updated;
}

/**
 * Records a hand-over made for many messages at once (a campaign's .eml files saved as one archive):
 * only after it happened, as handOver does for one. Returns the ids recorded.
 */
export async function recordHandovers(
  session: VaultSession,
  messageIds: readonly string[],
  method: HandoverMethod,
  at: string,
): Promise<string[]> {
  const ops: BatchOp[] = [];
  for (const id of messageIds) {
    const message = await getMessage(session, id);
    if (!message || message.direction !== 'out' || !message.armored) continue;
    const next = StoredMessageSchema.parse({
      ...message,
      delivery: withHandover(message.delivery, method, at),
    });
    ops.push({ collection: 'messages', id: next.id, value: next, index: { updatedAt: next.at } });
  }
  await session.writeBatch(ops);
  return ops.map((op) => (typeof op.id === 'string' ? op.id : ''));
}
