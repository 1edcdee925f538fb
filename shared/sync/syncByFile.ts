import type { OutboxFile } from '../registry/feed';
import { SyncError } from './errors';
import type { SyncStore } from './store';

/**
 * Issue 14, sync by file: the outbox items still waiting (signed own-entry edits and withdrawals, ping answers) as
 * one file for `admin import-outbox` on an air-gapped registry desk. The items stay in the outbox:
 * their idempotency keys make a later online delivery of the same item harmless.
 */
export async function exportOutboxFile(
  store: SyncStore,
  now: () => number = Date.now,
): Promise<{ text: string; count: number }> {
  const state = await store.loadState();
  if (!state) throw new SyncError('not-enrolled', 'enrol with the registry first');
  const items = (await store.listOutbox())
    .filter((item) => item.status === 'waiting')
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
    .map((item) => ({ id: item.id, kind: item.kind, request: item.request }));
  const file: OutboxFile = {
    format: 'poc-registry-outbox',
    version: 1,
    accountId: state.accountId,
    registry: state.registryFingerprint,
    exportedAt: new Date(now()).toISOString(),
    items,
  };
  return { text: JSON.stringify(file, null, 2), count: items.length };
}
