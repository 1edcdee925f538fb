import type { PointOfContact } from '../directory/model';
import type { EntryChange, Ping } from '../registry/protocol';
import type { OutboxItem, SyncState } from './model';

/** What the registry's answer to a delivered outbox item changes locally. */
export type OutboxEffect = { entry: PointOfContact } | { ping: Ping } | { none: true };

/**
 * Where the sync engine keeps everything. The renderer implements it over the encrypted vault
 * (renderer/sync/vaultSyncStore.ts); tests use MemorySyncStore. Each method is one atomic write.
 */
export interface SyncStore {
  loadState(): Promise<SyncState | null>;
  saveState(state: SyncState): Promise<void>;
  /** Applies a verified page's entries and tombstones together with the new state, all or nothing. */
  applyPage(changes: readonly EntryChange[], state: SyncState): Promise<void>;
  listOutbox(): Promise<OutboxItem[]>;
  putOutbox(item: OutboxItem): Promise<void>;
  /** Removes a delivered (or abandoned) item and applies its effect in the same write. */
  completeOutbox(id: string, effect: OutboxEffect): Promise<void>;
  savePings(pings: readonly Ping[]): Promise<void>;
}

/** An in-memory store whose `snapshot` survives "restarts" (new engine, same snapshot) in tests. */
export class MemorySyncStore implements SyncStore {
  constructor(
    readonly snapshot: {
      state: SyncState | null;
      entries: Map<string, PointOfContact>;
      outbox: Map<string, OutboxItem>;
      pings: Map<string, Ping>;
    } = { state: null, entries: new Map(), outbox: new Map(), pings: new Map() },
  ) {}

  loadState() {
    return Promise.resolve(this.snapshot.state ? structuredClone(this.snapshot.state) : null);
  }
  saveState(state: SyncState) {
    this.snapshot.state = structuredClone(state);
    return Promise.resolve();
  }
  applyPage(changes: readonly EntryChange[], state: SyncState) {
    for (const change of changes) {
      if (change.op === 'put') this.snapshot.entries.set(change.entry.id, change.entry);
      else this.snapshot.entries.delete(change.id);
    }
    this.snapshot.state = structuredClone(state);
    return Promise.resolve();
  }
  listOutbox() {
    return Promise.resolve([...this.snapshot.outbox.values()].map((item) => structuredClone(item)));
  }
  putOutbox(item: OutboxItem) {
    this.snapshot.outbox.set(item.id, structuredClone(item));
    return Promise.resolve();
  }
  completeOutbox(id: string, effect: OutboxEffect) {
    this.snapshot.outbox.delete(id);
    if ('entry' in effect) this.snapshot.entries.set(effect.entry.id, effect.entry);
    if ('ping' in effect) this.snapshot.pings.set(effect.ping.id, effect.ping);
    return Promise.resolve();
  }
  savePings(pings: readonly Ping[]) {
    for (const ping of pings) this.snapshot.pings.set(ping.id, ping);
    return Promise.resolve();
  }
}
