import type { PointOfContact } from '../../shared/directory/model';
import { readVerificationKey, signCanonical, verifyCanonical } from '../../shared/registry/signing';
import {
  resignLegacyItem,
  reviewLegacyItem,
  type LegacyOutboxItem,
  type LegacyReview,
} from '../../shared/sync/legacyOutbox';
import { SyncError } from '../../shared/sync/errors';
import { SyncStateSchema, type OutboxItem, type SyncState } from '../../shared/sync/model';
import { exportOutboxFile } from '../../shared/sync/syncByFile';
import {
  queueEntryUpdate,
  queueEntryWithdraw,
  queuePingAck,
  resolveOutboxItem,
} from '../../shared/sync/outbox';
import { RegistryClient, type FetchLike } from '../../shared/sync/registryClient';
import {
  SyncEngine,
  type PullResult,
  type SyncProgress,
  type SyncReport,
} from '../../shared/sync/syncEngine';
import { loadOwnIdentity, loadOwnSigningKey } from '../messaging/ownIdentity';
import { serialRuns } from '../../shared/sync/serialRuns';
import type { VaultSession } from '../vault/session';
import { VaultSyncStore, type PingRecord } from './vaultSyncStore';

/** Sync every 5 minutes while the registry answers; after a failure, at the backoff's retry time. */
const HEALTHY_INTERVAL_MS = 5 * 60_000;
const TICK_MS = 10_000;
/** A §8: 48 hours to answer; the app warns again when fewer than 12 remain. */
const URGENT_MS = 12 * 3600_000;

export interface SyncStatus {
  enrolled: boolean;
  state: SyncState | null;
  outboxWaiting: number;
  conflicts: number;
  rejected: number;
  /** Items signed under protocol v1 that wait for the user to check them (shared/sync/legacyOutbox.ts). */
  legacyToCheck: number;
  /** Pings not answered and not already queued: what the header link to the pings area counts. */
  pingsToConfirm: number;
  syncing: boolean;
  progress: SyncProgress | null;
}

export type PingNotifier = (kind: 'arrived' | 'urgent', ping: PingRecord) => void;

/**
 * One per unlocked vault: runs the shared SyncEngine over the vault store, keeps the progress for
 * the UI, syncs on a timer (and right after something is queued), and raises ping notifications.
 */
export class SyncController {
  readonly store: VaultSyncStore;
  readonly #fetch: FetchLike;
  readonly #listeners = new Set<() => void>();
  /** Sync rounds, one at a time; "Sync now" during a round gets a round of its own after it. */
  readonly #rounds = serialRuns(
    (options: { force: boolean }) => this.#run(options.force),
    (a, b) => ({ force: a.force || b.force }),
    () => {
      this.#progress = null;
      this.#changed();
    },
  );
  #progress: SyncProgress | null = null;
  #timer: ReturnType<typeof setInterval> | null = null;
  #engine: { url: string; engine: SyncEngine } | null = null;
  notifier: PingNotifier | null = null;

  constructor(
    readonly session: VaultSession,
    fetchLike: FetchLike,
  ) {
    this.store = new VaultSyncStore(session);
    this.#fetch = fetchLike;
  }

  subscribe(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => void this.#listeners.delete(listener);
  }

  #changed(): void {
    for (const listener of this.#listeners) listener();
  }

  /** Signs with the own key as it is now (loadOwnSigningKey parses it once per key: a renewal is seen). */
  readonly sign = async (statement: unknown): Promise<string> => {
    const key = await loadOwnSigningKey(this.session);
    if (!key) throw new SyncError('not-enrolled', 'no own OpenPGP key in this vault');
    return signCanonical(statement, key);
  };

  /** The own public key as it is now, for a registry whose copy of it expired (SyncEngine). */
  readonly ownPublicKey = async (): Promise<string | null> =>
    (await loadOwnIdentity(this.session))?.publicKeyArmored ?? null;

  /** True when `signature` is the enrolled key's signature over the statement (the key the registry knows). */
  readonly verifyOwn = async (statement: unknown, signature: string): Promise<boolean> => {
    const [state, identity] = await Promise.all([this.store.loadState(), loadOwnIdentity(this.session)]);
    if (!state || !identity) return false;
    const key = await readVerificationKey(identity.publicKeyArmored).catch(() => null);
    return key ? verifyCanonical(statement, signature, key, state.ownFingerprint) : false;
  };

  client(url: string): RegistryClient {
    return new RegistryClient({ baseUrl: url, fetch: this.#fetch });
  }

  #engineFor(state: SyncState): SyncEngine {
    if (this.#engine?.url !== state.registryUrl) {
      const engine = new SyncEngine({
        store: this.store,
        client: this.client(state.registryUrl),
        sign: this.sign,
        ownPublicKey: this.ownPublicKey,
        onProgress: (progress) => {
          this.#progress = progress;
          this.#changed();
        },
      });
      this.#engine = { url: state.registryUrl, engine };
    }
    return this.#engine.engine;
  }

  async status(): Promise<SyncStatus> {
    const state = await this.store.loadState();
    const { current: outbox, legacy } = await this.store.readOutbox();
    const count = (status: OutboxItem['status']) => outbox.filter((item) => item.status === status).length;
    const queued = new Set(
      outbox.flatMap((item) => (item.kind === 'ping-ack' ? [item.request.statement.pingId] : [])),
    );
    const pings = state ? await this.store.listPings() : [];
    return {
      enrolled: state !== null,
      state,
      outboxWaiting: count('waiting'),
      conflicts: count('conflict'),
      rejected: count('rejected'),
      legacyToCheck: legacy.length,
      pingsToConfirm: pings.filter((ping) => !ping.answeredAt && !queued.has(ping.id)).length,
      syncing: this.#rounds.running,
      progress: this.#rounds.running ? this.#progress : null,
    };
  }

  /**
   * Runs one sync round, or one more after the round going on (never just joins it: what changed
   * since that round started would be missed); failures are recorded in the state, not thrown.
   */
  syncNow(options: { force?: boolean } = {}): Promise<SyncReport | null> {
    const round = this.#rounds.request({ force: options.force ?? false });
    this.#changed();
    return round;
  }

  async #run(force: boolean): Promise<SyncReport | null> {
    const state = await this.store.loadState();
    if (!state) return null;
    try {
      return await this.#engineFor(state).syncNow({ force });
    } catch {
      return null;
    } finally {
      await this.checkPingNotifications();
    }
  }

  /** Issue 9 §1: ends the registry session at once (vault lock, window closing). Never throws. */
  async logout(options: { keepalive?: boolean } = {}): Promise<void> {
    await this.#engine?.engine.logout(options);
  }

  /** Issue 14, "Update from a file": a registry bundle, verified exactly as an online sync. */
  async importBundle(text: string): Promise<PullResult> {
    const state = await this.store.loadState();
    if (!state) throw new SyncError('not-enrolled');
    try {
      return await this.#engineFor(state).importBundle(text);
    } finally {
      this.#changed();
    }
  }

  /** Issue 14: the waiting outbox as a file for the registry manager's `admin import-outbox`. */
  exportOutbox(): Promise<{ text: string; count: number }> {
    return exportOutboxFile(this.store);
  }

  /** The Sync area's settings: a static mirror address (read-only feed) and the freshness bound. */
  async saveSettings(settings: {
    mirrorUrl: string | undefined;
    maxFeedAgeHours: number | undefined;
  }): Promise<void> {
    const state = await this.store.loadState();
    if (!state) throw new SyncError('not-enrolled');
    await this.store.saveState(SyncStateSchema.parse({ ...state, ...settings }));
    this.#changed();
  }

  async enrolled(state: SyncState): Promise<void> {
    await this.store.saveState(state);
    this.#changed();
    void this.syncNow();
  }

  async queueEntryUpdate(entry: PointOfContact, baseRevision: number): Promise<void> {
    await queueEntryUpdate({ store: this.store, sign: this.sign }, entry, baseRevision);
    this.#changed();
    void this.syncNow({ force: true });
  }

  /** Signs and queues the withdrawal of an own-State entry of the own role (the registry checks again). */
  async queueEntryWithdraw(entry: PointOfContact, reason?: string): Promise<void> {
    const state = await this.store.loadState();
    if (!state) throw new SyncError('not-enrolled');
    await queueEntryWithdraw({ store: this.store, sign: this.sign }, state, entry, reason);
    this.#changed();
    void this.syncNow({ force: true });
  }

  async queuePingAck(pingId: string): Promise<void> {
    const state = await this.store.loadState();
    if (!state) throw new SyncError('not-enrolled');
    await queuePingAck({ store: this.store, sign: this.sign }, state, pingId);
    this.#changed();
    void this.syncNow({ force: true });
  }

  async resolve(item: OutboxItem, choice: 'mine' | 'theirs'): Promise<void> {
    await resolveOutboxItem({ store: this.store, sign: this.sign }, item, choice);
    this.#changed();
    if (choice === 'mine') void this.syncNow();
  }

  /** What a protocol v1 outbox item says, once its signature is checked (nothing is signed here). */
  reviewLegacy(item: LegacyOutboxItem): Promise<LegacyReview> {
    return reviewLegacyItem(item, this.verifyOwn);
  }

  /** On the user's confirmation only: signs a v1 item again in the current form and sends it. */
  async resignLegacy(item: LegacyOutboxItem): ReturnType<typeof resignLegacyItem> {
    const result = await resignLegacyItem(
      { store: this.store, sign: this.sign, verify: this.verifyOwn },
      item,
      { confirmed: true },
    );
    this.#changed();
    if (result.ok) void this.syncNow({ force: true });
    return result;
  }

  async discardLegacy(item: LegacyOutboxItem): Promise<void> {
    await this.store.discardOutbox(item.id);
    this.#changed();
  }

  /** Issue 12: a registry call on the sync session (the exercise screens poll through it). */
  async withRegistry<T>(call: (client: RegistryClient, token: string) => Promise<T>): Promise<T> {
    const state = await this.store.loadState();
    if (!state) throw new SyncError('not-enrolled');
    const engine = this.#engineFor(state);
    return engine.withSession((token) => call(engine.client, token));
  }

  /** Notifies once when a ping arrives and once when fewer than 12 hours remain to answer it. */
  async checkPingNotifications(now = Date.now()): Promise<void> {
    if (!this.notifier) return;
    const queued = new Set(
      (await this.store.listOutbox()).flatMap((item) =>
        item.kind === 'ping-ack' ? [item.request.statement.pingId] : [],
      ),
    );
    for (const ping of await this.store.listPings()) {
      if (ping.answeredAt || queued.has(ping.id)) continue;
      const left = Date.parse(ping.deadline) - now;
      if (left <= 0) continue;
      const at = new Date(now).toISOString();
      if (!ping.notifiedAt) {
        this.notifier('arrived', ping);
        await this.store.markNotified(ping.id, 'notifiedAt', at);
      } else if (left < URGENT_MS && !ping.urgentNotifiedAt) {
        this.notifier('urgent', ping);
        await this.store.markNotified(ping.id, 'urgentNotifiedAt', at);
      }
    }
  }

  start(): void {
    if (this.#timer) return;
    void this.#tick();
    this.#timer = setInterval(() => void this.#tick(), TICK_MS);
  }

  stop(): void {
    if (this.#timer) clearInterval(this.#timer);
    this.#timer = null;
  }

  async #tick(): Promise<void> {
    if (this.#rounds.running || this.session.isLocked) return;
    const state = await this.store.loadState();
    if (!state) return;
    const now = Date.now();
    const retryAt = state.lastError?.nextRetryAt ? Date.parse(state.lastError.nextRetryAt) : null;
    const dueOutbox = (await this.store.listOutbox()).some(
      (i) => i.status === 'waiting' && Date.parse(i.nextAttemptAt) <= now,
    );
    const healthyDue = !state.lastSyncAt || Date.parse(state.lastSyncAt) + HEALTHY_INTERVAL_MS <= now;
    const due = retryAt !== null ? retryAt <= now : healthyDue || dueOutbox;
    if (due) await this.syncNow();
    else await this.checkPingNotifications(now);
  }
}

const controllers = new WeakMap<VaultSession, SyncController>();

export function syncControllerFor(session: VaultSession): SyncController {
  let controller = controllers.get(session);
  if (!controller) {
    controller = new SyncController(session, (url, init) => fetch(url, init));
    controllers.set(session, controller);
  }
  return controller;
}
