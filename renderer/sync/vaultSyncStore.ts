import { z } from 'zod';
import { PingSchema, type EntryChange, type Ping } from '../../shared/registry/protocol';
import { OutboxItemSchema, type OutboxItem, type SyncState } from '../../shared/sync/model';
import type { OutboxEffect, SyncStore } from '../../shared/sync/store';
import { LegacyOutboxItemSchema, type LegacyOutboxItem } from '../../shared/sync/legacyOutbox';
import { writeDirectory } from '../directory/store';
import { SYNC_STATE_RECORD_ID, syncStateRecords } from '../enrolment/enrolmentRecord';
import type { BatchOp, VaultSession } from '../vault/session';

/** A ping as kept on this device: the registry's view plus which notifications were shown. */
export const PingRecordSchema = PingSchema.extend({
  notifiedAt: z.iso.datetime().optional(),
  urgentNotifiedAt: z.iso.datetime().optional(),
});
export type PingRecord = z.infer<typeof PingRecordSchema>;

const STATE_ID = SYNC_STATE_RECORD_ID;

/**
 * An outbox record as read: a current item, or an item signed under protocol v1 that is kept, never
 * sent, until the user checks it and signs it again (shared/sync/legacyOutbox.ts). A v1 item is
 * readable, so it is not reported as damaged; a record that is neither still is.
 */
const StoredOutboxSchema = z.union([
  OutboxItemSchema.transform((item) => ({ current: item })),
  LegacyOutboxItemSchema.transform((item) => ({ legacy: item })),
]);

/**
 * The sync engine's store over the encrypted vault: directory entries through the directory store
 * (chunks, changed in place in the loaded directory), sync state in 'sync', outbox items in 'outbox',
 * pings in 'pings'. Every method is a single session.writeBatch, so a page and its sequence land
 * together or not at all. The directory screen follows applied pages without reloading
 * (renderer/directory/useDirectory.ts throttles its refreshes).
 */
export class VaultSyncStore implements SyncStore {
  constructor(readonly session: VaultSession) {}

  #state() {
    return syncStateRecords(this.session);
  }
  outbox() {
    return this.session.collection('outbox', OutboxItemSchema);
  }
  pings() {
    return this.session.collection('pings', PingRecordSchema);
  }

  async loadState(): Promise<SyncState | null> {
    return (await this.#state().get(STATE_ID)) ?? null;
  }

  saveState(state: SyncState): Promise<void> {
    return this.#state().put(STATE_ID, state);
  }

  async applyPage(changes: readonly EntryChange[], state: SyncState): Promise<void> {
    const puts = changes.flatMap((c) => (c.op === 'put' ? [c.entry] : []));
    const deletes = changes.flatMap((c) => (c.op === 'delete' ? [c.id] : []));
    await writeDirectory(this.session, { puts, deletes }, [
      { collection: 'sync', id: STATE_ID, value: state },
    ]);
  }

  async #storedOutbox() {
    return (await this.session.collection('outbox', StoredOutboxSchema).list()).items.map((i) => i.value);
  }

  async listOutbox(): Promise<OutboxItem[]> {
    return (await this.readOutbox()).current;
  }

  /** Items signed under protocol v1: never sent as they are (see shared/sync/legacyOutbox.ts). */
  async listLegacyOutbox(): Promise<LegacyOutboxItem[]> {
    return (await this.readOutbox()).legacy;
  }

  /** The current and the v1 items from one read of the outbox (the sync status needs both, often). */
  async readOutbox(): Promise<{ current: OutboxItem[]; legacy: LegacyOutboxItem[] }> {
    const stored = await this.#storedOutbox();
    return {
      current: stored.flatMap((v) => ('current' in v ? [v.current] : [])),
      legacy: stored.flatMap((v) => ('legacy' in v ? [v.legacy] : [])),
    };
  }

  /** Drops an item the user chose not to send again (a v1 item; nothing else changes). */
  discardOutbox(id: string): Promise<void> {
    return this.outbox().delete(id);
  }

  putOutbox(item: OutboxItem): Promise<void> {
    return this.outbox().put(item.id, item, { updatedAt: item.createdAt });
  }

  async completeOutbox(id: string, effect: OutboxEffect): Promise<void> {
    const ops: BatchOp[] = [{ collection: 'outbox', id, delete: true }];
    if ('ping' in effect) {
      const known = await this.pings().get(effect.ping.id);
      ops.push({ collection: 'pings', id: effect.ping.id, value: { ...known, ...effect.ping } });
    }
    // The registry's copy of an own entry replaces the local one unless the local one is newer.
    const puts = 'entry' in effect ? [effect.entry] : [];
    await writeDirectory(this.session, { puts }, ops, { onlyNewer: true });
  }

  async savePings(pings: readonly Ping[]): Promise<void> {
    const known = new Map((await this.pings().list()).items.map((item) => [item.id, item.value]));
    const ops: BatchOp[] = pings.map((ping) => ({
      collection: 'pings',
      id: ping.id,
      value: { ...known.get(ping.id), ...ping },
    }));
    if (ops.length) await this.session.writeBatch(ops);
  }

  async listPings(): Promise<PingRecord[]> {
    return (await this.pings().list()).items
      .map((item) => item.value)
      .sort((a, b) => b.sentAt.localeCompare(a.sentAt));
  }

  async markNotified(id: string, field: 'notifiedAt' | 'urgentNotifiedAt', at: string): Promise<void> {
    const ping = await this.pings().get(id);
    if (ping) await this.pings().put(id, { ...ping, [field]: at });
  }
}
