import { RegistryError } from '../registry/errors';
import { backoffDelay, type BackoffPolicy } from './backoff';
import { EntryConflict, isTransient, SyncError, type SyncFailureCode } from './errors';
import type { OutboxItem } from './model';
import type { RegistryClient } from './registryClient';
import type { OutboxEffect, SyncStore } from './store';

export interface PushContext {
  store: SyncStore;
  client: RegistryClient;
  authed: <T>(call: (token: string) => Promise<T>) => Promise<T>;
  now: () => number;
  random: () => number;
  backoff: BackoffPolicy;
  onProgress: () => void;
  /** "Sync now": try waiting items even before their backoff is over. */
  force?: boolean;
}

export interface PushResult {
  sent: number;
  conflicts: number;
  rejected: number;
  /** Items still waiting (transient failure or not yet due). */
  waiting: number;
  /** The earliest time a waiting item is due again, if any. */
  nextAttemptAt: number | null;
}

/**
 * Delivers due outbox items oldest first. Each carries its idempotency key inside its signed
 * statement, so a request that reached the registry but whose answer was lost is harmless to send
 * again. A transient failure reschedules the item with backoff and stops the round (the registry
 * is not answering); a conflict or a refusal parks the item for the user, and the round goes on.
 */
export async function pushOutbox(context: PushContext): Promise<PushResult> {
  const result: PushResult = { sent: 0, conflicts: 0, rejected: 0, waiting: 0, nextAttemptAt: null };
  const items = (await context.store.listOutbox()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  let stopped: Error | null = null;
  for (const item of items) {
    if (item.status !== 'waiting') {
      if (item.status === 'conflict') result.conflicts++;
      else result.rejected++;
      continue;
    }
    if (stopped || (!context.force && Date.parse(item.nextAttemptAt) > context.now())) {
      result.waiting++;
      result.nextAttemptAt = Math.min(result.nextAttemptAt ?? Infinity, Date.parse(item.nextAttemptAt));
      continue;
    }
    context.onProgress();
    try {
      await context.store.completeOutbox(item.id, await deliver(context, item));
      result.sent++;
    } catch (error) {
      if (error instanceof EntryConflict && item.kind === 'entry-update') {
        await context.store.putOutbox({
          ...item,
          status: 'conflict',
          theirs: error.current,
          lastError: { code: 'conflict', message: error.message },
        });
        result.conflicts++;
        continue;
      }
      const code: SyncFailureCode =
        error instanceof SyncError || error instanceof RegistryError ? error.code : 'invalid-response';
      const message = error instanceof Error ? error.message : String(error);
      if (isTransient(code) || code === 'token-expired' || code === 'unauthorized') {
        const attempts = item.attempts + 1;
        const due = context.now() + backoffDelay(attempts, context.random, context.backoff);
        await context.store.putOutbox({
          ...item,
          attempts,
          nextAttemptAt: new Date(due).toISOString(),
          lastError: { code, message },
        });
        result.waiting++;
        result.nextAttemptAt = Math.min(result.nextAttemptAt ?? Infinity, due);
        stopped = error instanceof Error ? error : new SyncError('offline');
        continue;
      }
      const detail = error instanceof RegistryError ? error.detail : undefined;
      await context.store.putOutbox({
        ...item,
        attempts: item.attempts + 1,
        status: 'rejected',
        lastError: { code, message, ...(detail ? { detail } : {}) },
      });
      result.rejected++;
    }
  }
  if (stopped) throw stopped;
  return result;
}

async function deliver(context: PushContext, item: OutboxItem): Promise<OutboxEffect> {
  if (item.kind === 'entry-update') {
    const { entry } = await context.authed((token) => context.client.putEntry(item.request, token));
    return { entry };
  }
  if (item.kind === 'entry-withdraw') {
    // The deletion reaches the local copy through the registry's signed feed, like any other change.
    await context.authed((token) => context.client.withdrawEntry(item.request, token));
    return { none: true };
  }
  const { ping } = await context.authed((token) => context.client.ackPing(item.request, token));
  return { ping };
}
