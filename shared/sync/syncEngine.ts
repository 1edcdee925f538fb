import { RegistryError } from '../registry/errors';
import type { AccountRights, Ping, SessionStatement } from '../registry/protocol';
import { readVerificationKey, type VerificationKey } from '../registry/signing';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { SyncError, type SyncFailureCode } from './errors';
import type { SyncState } from './model';
import { pushOutbox, type PushResult } from './outboxPusher';
import { BundleSchema, type Bundle, type ChunkRef, type FeedHead } from '../registry/feed';
import { DEFAULT_MAX_FEED_AGE_MS, verifyFeedChunk, verifyFeedHead, type RegistryKey } from './feedVerifier';
import type { RegistryClient } from './registryClient';
import type { SyncStore } from './store';

interface FeedSource {
  head(): Promise<string>;
  chunk(ref: ChunkRef): Promise<string>;
}

/** Signs the canonical JSON of a statement with the POC's own key; returns base64. */
export type StatementSigner = (statement: unknown) => Promise<string>;

export interface SyncProgress {
  phase: 'session' | 'push' | 'pull' | 'pings' | 'done';
  pages: number;
  applied: number;
  lastSeq: number;
  head: number;
}

export interface SyncEngineOptions {
  store: SyncStore;
  client: RegistryClient;
  sign: StatementSigner;
  /**
   * The own public key as it is now (armoured). When the registry refuses the session signature,
   * the engine asks once more with it: a key renewed after the registry's copy expired.
   */
  ownPublicKey?: () => Promise<string | null>;
  now?: () => number;
  random?: () => number;
  backoff?: BackoffPolicy;
  onProgress?: (progress: SyncProgress) => void;
}

export interface PullResult {
  /** Chunks fetched and applied. */
  pages: number;
  applied: number;
  lastSeq: number;
  head: number;
}

export interface SyncReport {
  push: PushResult;
  pull: PullResult;
  pings: Ping[];
  /** The account's rights as the registry stated them in this round (null: it predates the route). */
  rights: AccountRights | null;
}

/**
 * The offline-first sync engine: push the durable outbox, pull signed pages from the last applied
 * sequence, refresh pings. Nothing is applied before it is verified against the pinned registry key;
 * each page lands atomically with the new sequence, so a cut at any moment resumes where it stopped.
 */
export class SyncEngine {
  readonly #options: SyncEngineOptions;
  readonly #now: () => number;
  readonly #random: () => number;
  #token: { value: string; expiresAt: number } | null = null;
  #registryKey: { fingerprint: string; key: VerificationKey } | null = null;

  constructor(options: SyncEngineOptions) {
    this.#options = options;
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
  }

  get client(): RegistryClient {
    return this.#options.client;
  }

  async requireState(): Promise<SyncState> {
    const state = await this.#options.store.loadState();
    if (!state) throw new SyncError('not-enrolled', 'enrol with the registry first');
    return state;
  }

  /**
   * One full round; on failure records the error and the next retry time, then rethrows.
   * `force` (the user's "sync now") also retries outbox items whose backoff is not over.
   */
  async syncNow(options: { force?: boolean } = {}): Promise<SyncReport> {
    try {
      const push = await pushOutbox({ ...this.#pushContext(), force: options.force ?? false });
      const pull = await this.pull();
      const pings = await this.refreshPings();
      // After the push: an entry created in this round has already used one of the rights.
      const rights = await this.refreshRights();
      const state = await this.requireState();
      await this.#options.store.saveState({
        ...state,
        failures: 0,
        lastError: undefined,
        lastSyncAt: new Date(this.#now()).toISOString(),
      });
      this.#progress({
        phase: 'done',
        pages: pull.pages,
        applied: pull.applied,
        lastSeq: pull.lastSeq,
        head: pull.head,
      });
      return { push, pull, pings, rights };
    } catch (error) {
      await this.#recordFailure(error);
      throw error;
    }
  }

  /**
   * Pulls the feed: the signed head (from the static mirror when one is set, else the registry),
   * then every chunk past the last applied sequence, each verified by hash and signature and applied
   * atomically with the new sequence. A stale, future-dated, rolled-back or replayed head changes
   * nothing: the last good copy stays.
   */
  async pull(): Promise<PullResult> {
    const state = await this.requireState();
    const registry = await this.#registry(state);
    const mirror = state.mirrorUrl ? this.#options.client.at(state.mirrorUrl) : null;
    const source: FeedSource = mirror
      ? { head: () => mirror.feedHead(), chunk: (ref) => mirror.feedChunk(ref) }
      : {
          head: () => this.#authed((token) => this.#options.client.feedHead(token)),
          chunk: (ref) => this.#authed((token) => this.#options.client.feedChunk(ref, token)),
        };
    let text: string;
    try {
      text = await source.head();
    } catch (error) {
      // A registry of protocol v1 has no feed head: ask who it is, which names the mismatch.
      if (error instanceof RegistryError && error.code === 'not-found') await this.#options.client.info();
      throw error;
    }
    const head = await verifyFeedHead(text, {
      ...registry,
      knownHead: state.knownHead,
      lastIssuedAt: state.lastIssuedAt,
      now: this.#now(),
      maxAgeMs: state.maxFeedAgeHours ? state.maxFeedAgeHours * 3600_000 : DEFAULT_MAX_FEED_AGE_MS,
    });
    return this.#applyFeed(state, head, registry, (ref) => source.chunk(ref));
  }

  /**
   * Sync by file (issue 14): a bundle exported by the registry, verified exactly as online against
   * the pinned key; rollback and replay are refused; its date (not the import's) is the freshness.
   */
  async importBundle(text: string): Promise<PullResult> {
    const state = await this.requireState();
    const registry = await this.#registry(state);
    let bundle: Bundle;
    try {
      bundle = BundleSchema.parse(JSON.parse(text));
    } catch {
      throw new SyncError('bad-file', 'this file is not a registry bundle');
    }
    const head = await verifyFeedHead(bundle.head, {
      ...registry,
      knownHead: state.knownHead,
      lastIssuedAt: state.lastIssuedAt,
      now: this.#now(),
      maxAgeMs: null,
    });
    // A bundle holds the head's last chunks in the head's order (all, or those after --since):
    // each is looked up by its place and checked against the head's hash like any fetched chunk.
    const offset = head.chunks.length - bundle.chunks.length;
    const result = await this.#applyFeed(state, head, registry, (ref) => {
      const chunk = bundle.chunks[head.chunks.indexOf(ref) - offset];
      if (chunk === undefined)
        return Promise.reject(new SyncError('bad-file', `the bundle lacks chunk ${ref.from}-${ref.until}`));
      return Promise.resolve(chunk);
    });
    const after = await this.requireState();
    await this.#options.store.saveState({
      ...after,
      failures: 0,
      lastError: undefined,
      lastSyncAt: new Date(this.#now()).toISOString(),
    });
    return result;
  }

  async #applyFeed(
    state: SyncState,
    head: FeedHead,
    registry: RegistryKey,
    chunkText: (ref: ChunkRef) => Promise<string>,
  ): Promise<PullResult> {
    const result: PullResult = { pages: 0, applied: 0, lastSeq: state.lastSeq, head: head.seq };
    let current: SyncState = {
      ...state,
      knownHead: Math.max(state.knownHead, head.seq),
      lastIssuedAt: head.issuedAt,
    };
    const pending = head.chunks.filter((ref) => ref.until > state.lastSeq);
    if (pending.length === 0) {
      await this.#options.store.saveState(current);
      this.#progress({ phase: 'pull', ...result });
      return result;
    }
    for (const ref of pending) {
      const chunk = await verifyFeedChunk(await chunkText(ref), ref, registry);
      const changes = chunk.changes.filter((change) => change.seq > current.lastSeq);
      current = { ...current, lastSeq: ref.until };
      await this.#options.store.applyPage(changes, current);
      result.pages++;
      result.applied += changes.length;
      result.lastSeq = current.lastSeq;
      this.#progress({ phase: 'pull', ...result });
    }
    return result;
  }

  /** Ends the registry session at once (vault lock, quit); never throws: the session also expires. */
  async logout(options: { keepalive?: boolean } = {}): Promise<void> {
    const token = this.#token;
    this.#token = null;
    if (!token) return;
    await this.#options.client.logout(token.value, options).catch(() => undefined);
  }

  async refreshPings(): Promise<Ping[]> {
    const { pings } = await this.#authed((token) => this.#options.client.pings(token));
    await this.#options.store.savePings(pings);
    return pings;
  }

  /**
   * Asks the registry what this account may do and keeps it in the synced state, so the app offers
   * "Add an entry" only with the right, also offline. A registry that predates GET /v1/account
   * answers not-found: what was known is kept, and null is returned.
   */
  async refreshRights(): Promise<AccountRights | null> {
    let rights: AccountRights;
    try {
      rights = await this.#authed((token) => this.#options.client.account(token));
    } catch (error) {
      if (error instanceof RegistryError && error.code === 'not-found') return null;
      throw error;
    }
    const state = await this.requireState();
    await this.#options.store.saveState({
      ...state,
      rights: {
        mayCreate: rights.mayCreate,
        facilitator: rights.facilitator,
        checkedAt: new Date(this.#now()).toISOString(),
      },
    });
    return rights;
  }

  /** When the next automatic attempt is due, from the recorded failures (null: no failure). */
  async nextRetryAt(): Promise<number | null> {
    const state = await this.#options.store.loadState();
    const at = state?.lastError?.nextRetryAt;
    return at ? Date.parse(at) : null;
  }

  /** Issue 12: another registry call (the exercise routes) on this engine's session. */
  withSession<T>(call: (token: string) => Promise<T>): Promise<T> {
    return this.#authed(call);
  }

  /** Runs `call` with a valid session token, opening a session (signed challenge) when needed. */
  async #authed<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.#sessionToken();
    try {
      return await call(token);
    } catch (error) {
      if (
        !(error instanceof RegistryError) ||
        (error.code !== 'token-expired' && error.code !== 'unauthorized')
      )
        throw error;
      this.#token = null;
      return call(await this.#sessionToken());
    }
  }

  async #sessionToken(): Promise<string> {
    if (this.#token && this.#token.expiresAt - 30_000 > this.#now()) return this.#token.value;
    const state = await this.requireState();
    this.#progress({ phase: 'session', pages: 0, applied: 0, lastSeq: state.lastSeq, head: state.knownHead });
    let session;
    try {
      session = await this.#openSession(state);
    } catch (error) {
      const renewedKey =
        error instanceof RegistryError && error.code === 'signature-invalid'
          ? await this.#options.ownPublicKey?.()
          : null;
      if (!renewedKey) throw error;
      // A challenge is good for one attempt: a new one, this time with the key as it is now.
      session = await this.#openSession(state, renewedKey);
    }
    this.#token = { value: session.token, expiresAt: Date.parse(session.expiresAt) };
    return session.token;
  }

  async #openSession(state: SyncState, renewedKey?: string) {
    const challenge = await this.#options.client.challenge(state.accountId);
    const statement: SessionStatement = {
      purpose: 'session',
      registry: state.registryFingerprint,
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
    };
    return this.#options.client.session(statement, await this.#options.sign(statement), renewedKey);
  }

  async #registry(state: SyncState): Promise<{ fingerprint: string; key: VerificationKey }> {
    if (this.#registryKey?.fingerprint === state.registryFingerprint) return this.#registryKey;
    const key = await readVerificationKey(state.registryPublicKey);
    if (key.getFingerprint().toUpperCase() !== state.registryFingerprint) {
      throw new SyncError('wrong-key', 'the stored registry key does not match the pinned fingerprint');
    }
    this.#registryKey = { fingerprint: state.registryFingerprint, key };
    return this.#registryKey;
  }

  #pushContext() {
    return {
      store: this.#options.store,
      client: this.#options.client,
      authed: <T>(call: (token: string) => Promise<T>) => this.#authed(call),
      now: this.#now,
      random: this.#random,
      backoff: this.#options.backoff ?? DEFAULT_BACKOFF,
      onProgress: () => this.#progress({ phase: 'push', pages: 0, applied: 0, lastSeq: 0, head: 0 }),
    };
  }

  async #recordFailure(error: unknown): Promise<void> {
    const state = await this.#options.store.loadState();
    if (!state) return;
    const code: SyncFailureCode =
      error instanceof SyncError || error instanceof RegistryError ? error.code : 'invalid-response';
    const failures = state.failures + 1;
    const now = this.#now();
    const nextRetryAt = new Date(
      now + backoffDelay(failures, this.#random, this.#options.backoff ?? DEFAULT_BACKOFF),
    ).toISOString();
    const message = error instanceof Error ? error.message : String(error);
    await this.#options.store.saveState({
      ...state,
      failures,
      lastError: { code, message, at: new Date(now).toISOString(), nextRetryAt },
    });
  }

  #progress(progress: SyncProgress): void {
    this.#options.onProgress?.(progress);
  }
}
