import type { EntryText, PointOfContact } from '../directory/model';
import { normaliseEntryText } from '../directory/textPolicy';
import { SyncError } from './errors';
import { EntryUpdateStatementSchema, PingAckStatementSchema } from '../registry/protocol';
import { EntryWithdrawStatementSchema } from '../registry/withdraw';
import { OutboxItemSchema, type OutboxItem, type SyncState } from './model';
import type { StatementSigner } from './syncEngine';
import type { SyncStore } from './store';

/** 16 random bytes, base64url: outbox ids and idempotency keys. Uses WebCrypto, in Node and browsers. */
export function randomKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes))
    .replaceAll('+', '-')
    .replaceAll('/', '_')
    .replace(/=+$/, '');
}

export interface OutboxDeps {
  store: SyncStore;
  sign: StatementSigner;
  now?: () => number;
}

/** Signs a statement now (so it can wait offline for days) and stores it in the durable outbox. */
async function enqueue(
  deps: OutboxDeps,
  kind: OutboxItem['kind'],
  statement: OutboxItem['request']['statement'],
  now: string,
): Promise<OutboxItem> {
  // Parsed, not cast: the schema checks that the statement is the one its kind carries.
  const item = OutboxItemSchema.parse({
    id: randomKey(),
    kind,
    createdAt: now,
    attempts: 0,
    nextAttemptAt: now,
    status: 'waiting',
    request: { statement, signature: await deps.sign(statement) },
  });
  await deps.store.putOutbox(item);
  return item;
}

const normaliseText = (text: EntryText): EntryText =>
  Object.fromEntries(
    Object.entries(text).map(([key, value]) => [
      key,
      typeof value === 'string' ? normaliseEntryText(value) : value,
    ]),
  ) as EntryText;

/**
 * The entry's text in NFC, as the registry requires (issue 9 §2: non-NFC text is refused). Forms
 * call it before showing a preview; queueEntryUpdate applies it before signing in any case.
 */
export function normaliseEntryForSigning(entry: PointOfContact): PointOfContact {
  return {
    ...entry,
    text: normaliseText(entry.text),
    ...(entry.english ? { english: normaliseText(entry.english) } : {}),
  };
}

/**
 * Queues an edit of one of the own State's entries (A §7 d). `baseRevision` is the revision the
 * user started from (0 for a new entry). The statement names the enrolled registry and the signing
 * time (issue 9 §1), so it cannot be replayed elsewhere or much later.
 */
export async function queueEntryUpdate(
  deps: OutboxDeps,
  entry: PointOfContact,
  baseRevision: number,
): Promise<OutboxItem> {
  const state = await deps.store.loadState();
  if (!state) throw new SyncError('not-enrolled', 'enrol with the registry first');
  const now = new Date((deps.now ?? Date.now)()).toISOString();
  const statement = EntryUpdateStatementSchema.parse({
    purpose: 'entry-update',
    registry: state.registryFingerprint,
    signedAt: now,
    entry: normaliseEntryForSigning(entry),
    baseRevision,
    idempotencyKey: randomKey(),
  });
  return enqueue(deps, 'entry-update', statement, now);
}

/**
 * Queues the signed request to withdraw one of the own State's entries of the own role
 * (shared/registry/withdraw.ts); the registry checks State and role again.
 */
export async function queueEntryWithdraw(
  deps: OutboxDeps,
  state: SyncState,
  entry: PointOfContact,
  reason?: string,
): Promise<OutboxItem> {
  const now = new Date((deps.now ?? Date.now)()).toISOString();
  const statement = EntryWithdrawStatementSchema.parse({
    purpose: 'entry-withdraw',
    registry: state.registryFingerprint,
    signedAt: now,
    entryId: entry.id,
    state: entry.state,
    role: entry.role,
    baseRevision: entry.revision,
    ...(reason?.trim() ? { reason: reason.trim() } : {}),
    idempotencyKey: randomKey(),
  });
  return enqueue(deps, 'entry-withdraw', statement, now);
}

/** Queues the signed acknowledgement of a ping (A §8); its time is the moment the user confirmed. */
export async function queuePingAck(deps: OutboxDeps, state: SyncState, pingId: string): Promise<OutboxItem> {
  const now = new Date((deps.now ?? Date.now)()).toISOString();
  const statement = PingAckStatementSchema.parse({
    purpose: 'ping-ack',
    registry: state.registryFingerprint,
    pingId,
    acknowledgedAt: now,
    idempotencyKey: randomKey(),
  });
  return enqueue(deps, 'ping-ack', statement, now);
}

/**
 * The user's choice on a conflict, never made silently: 'mine' re-signs the edit on top of the
 * registry's current revision and queues it again; 'theirs' drops the edit and keeps the registry's
 * version. A rejected item can only be dropped ('theirs').
 */
export async function resolveOutboxItem(
  deps: OutboxDeps,
  item: OutboxItem,
  choice: 'mine' | 'theirs',
): Promise<void> {
  if (item.kind === 'entry-update' && item.theirs) {
    if (choice === 'theirs') return deps.store.completeOutbox(item.id, { entry: item.theirs });
    const now = new Date((deps.now ?? Date.now)()).toISOString();
    const statement = EntryUpdateStatementSchema.parse({
      ...item.request.statement,
      signedAt: now,
      baseRevision: item.theirs.revision,
      idempotencyKey: randomKey(),
    });
    await deps.store.putOutbox({
      id: item.id,
      kind: 'entry-update',
      createdAt: item.createdAt,
      attempts: 0,
      nextAttemptAt: now,
      status: 'waiting',
      request: { statement, signature: await deps.sign(statement) },
    });
    return;
  }
  await deps.store.completeOutbox(item.id, { none: true });
}
