import { RegistryError } from '../registry/errors';
import { PAGE_LIMIT_DEFAULT, type Ping, type SessionStatement } from '../registry/protocol';
import { readVerificationKey, type VerificationKey } from '../registry/signing';
import { backoffDelay, DEFAULT_BACKOFF, type BackoffPolicy } from './backoff';
import { SyncError, type SyncFailureCode } from './errors';
import type { SyncState } from './model';
import { pushOutbox, type PushResult } from './outboxPusher';
import { verifyDirectoryPage } from './pageVerifier';
import type { RegistryClient } from './registryClient';
import type { SyncStore } from './store';

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
  now?: () => number;
  random?: () => number;
  pageLimit?: number;
  backoff?: BackoffPolicy;
  onProgress?: (progress: SyncProgress) => void;
}

export interface PullResult {
  pages: number;
  applied: number;
  lastSeq: number;
  head: number;
}

export interface SyncReport {
  push: PushResult;
  pull: PullResult;
  pings: Ping[];
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
      const state = await this.requireState();
      await this.#options.store.saveState({ ...state, failures: 0, lastError: undefined, lastSyncAt: new Date(this.#now()).toISOString() });
      this.#progress({ phase: 'done', pages: pull.pages, applied: pull.applied, lastSeq: pull.lastSeq, head: pull.head });
      return { push, pull, pings };
    } catch (error) {
      await this.#recordFailure(error);
      throw error;
    }
  }

  async pull(): Promise<PullResult> {
    let state = await this.requireState();
    const registry = await this.#registry(state);
    const result: PullResult = { pages: 0, applied: 0, lastSeq: state.lastSeq, head: state.knownHead };
    for (;;) {
      const raw = await this.#authed((token) => this.#options.client.changes(state.lastSeq, this.#options.pageLimit ?? PAGE_LIMIT_DEFAULT, token));
      const page = await verifyDirectoryPage(raw, {
        key: registry.key,
        fingerprint: registry.fingerprint,
        since: state.lastSeq,
        knownHead: state.knownHead,
        ...(state.lastIssuedAt ? { lastIssuedAt: state.lastIssuedAt } : {}),
      });
      const next: SyncState = {
        ...state,
        lastSeq: page.until,
        knownHead: Math.max(state.knownHead, page.head),
        lastIssuedAt: page.issuedAt,
      };
      if (page.changes.length > 0 || next.knownHead !== state.knownHead || next.lastIssuedAt !== state.lastIssuedAt) {
        await this.#options.store.applyPage(page.changes, next);
      }
      state = next;
      result.pages++;
      result.applied += page.changes.length;
      result.lastSeq = page.until;
      result.head = page.head;
      this.#progress({ phase: 'pull', ...result });
      if (page.until >= page.head || page.changes.length === 0) return result;
    }
  }

  async refreshPings(): Promise<Ping[]> {
    const { pings } = await this.#authed((token) => this.#options.client.pings(token));
    await this.#options.store.savePings(pings);
    return pings;
  }

  /** When the next automatic attempt is due, from the recorded failures (null: no failure). */
  async nextRetryAt(): Promise<number | null> {
    const state = await this.#options.store.loadState();
    const at = state?.lastError?.nextRetryAt;
    return at ? Date.parse(at) : null;
  }

  /** Runs `call` with a valid session token, opening a session (signed challenge) when needed. */
  async #authed<T>(call: (token: string) => Promise<T>): Promise<T> {
    const token = await this.#sessionToken();
    try {
      return await call(token);
    } catch (error) {
      if (!(error instanceof RegistryError) || (error.code !== 'token-expired' && error.code !== 'unauthorized')) throw error;
      this.#token = null;
      return call(await this.#sessionToken());
    }
  }

  async #sessionToken(): Promise<string> {
    if (this.#token && this.#token.expiresAt - 30_000 > this.#now()) return this.#token.value;
    const state = await this.requireState();
    this.#progress({ phase: 'session', pages: 0, applied: 0, lastSeq: state.lastSeq, head: state.knownHead });
    const challenge = await this.#options.client.challenge(state.accountId);
    const statement: SessionStatement = {
      purpose: 'session',
      registry: state.registryFingerprint,
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
    };
    const session = await this.#options.client.session(statement, await this.#options.sign(statement));
    this.#token = { value: session.token, expiresAt: Date.parse(session.expiresAt) };
    return session.token;
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
    const code: SyncFailureCode = error instanceof SyncError || error instanceof RegistryError ? error.code : 'invalid-response';
    const failures = state.failures + 1;
    const now = this.#now();
    const nextRetryAt = new Date(now + backoffDelay(failures, this.#random, this.#options.backoff ?? DEFAULT_BACKOFF)).toISOString();
    const message = error instanceof Error ? error.message : String(error);
    await this.#options.store.saveState({ ...state, failures, lastError: { code, message, at: new Date(now).toISOString(), nextRetryAt } });
  }

  #progress(progress: SyncProgress): void {
    this.#options.onProgress?.(progress);
  }
}
