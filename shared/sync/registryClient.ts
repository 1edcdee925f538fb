import type { z } from 'zod';
import { isRegistryErrorCode, RegistryError } from '../registry/errors';
import {
  AccountRightsSchema,
  ChallengeSchema,
  EnrolResponseSchema,
  EntryConflictSchema,
  EntryUpdateResponseSchema,
  ErrorBodySchema,
  PROTOCOL,
  PingAckResponseSchema,
  PingListSchema,
  RegistryInfoSchema,
  ROUTES,
  SessionSchema,
  type EntryUpdateRequest,
  type RegistryInfo,
  type PingAckRequest,
  type SessionStatement,
} from '../registry/protocol';
import { FEED_HEAD_MAX_BYTES, FEED_PATHS, type ChunkRef } from '../registry/feed';
import {
  ENTRY_WITHDRAW_ROUTE,
  EntryWithdrawResponseSchema,
  type EntryWithdrawRequest,
} from '../registry/withdraw';
import {
  EXERCISE_ROUTES,
  exercisePath,
  ExerciseListSchema,
  ExerciseProgressSchema,
  ProgressReceiptSchema,
  type ProgressRequest,
} from '../registry/exercise';
import { EntryConflict, SyncError } from './errors';

/** The part of `fetch` the client uses; injected so Node tests, the browser and proxies all fit. */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body?: string;
    signal?: AbortSignal;
    keepalive?: boolean;
  },
) => Promise<FetchAnswer>;

export interface FetchAnswer {
  status: number;
  headers?: { get(name: string): string | null };
  /** Streamed reading, when available: lets the client stop at the size bound. */
  body?: ReadableStream<Uint8Array> | null;
  text(): Promise<string>;
}

export interface RegistryClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs?: number;
  /** Issue 9 §6: the largest answer read before parsing (default 4 MiB; feed chunks name their own length). */
  maxResponseBytes?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 4 * 1024 * 1024;

/**
 * Typed calls to the registry protocol. "Online" means this registry answered: a rejected fetch or a
 * timeout becomes SyncError('offline'/'timeout'); a JSON error becomes RegistryError(code). Every
 * answer is bounded in size before it is parsed. The same client reads a static mirror (feed only).
 */
export class RegistryClient {
  readonly baseUrl: string;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;
  readonly #maxBytes: number;

  constructor(options: RegistryClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? 20_000;
    this.#maxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  }

  /** The same client for another address (a static mirror of the feed). */
  at(baseUrl: string): RegistryClient {
    return new RegistryClient({
      baseUrl,
      fetch: this.#fetch,
      timeoutMs: this.#timeoutMs,
      maxResponseBytes: this.#maxBytes,
    });
  }

  /** Who the registry is; another protocol version is a typed `protocol-mismatch`, said as such. */
  async info(): Promise<RegistryInfo> {
    const json = await this.#request('GET', ROUTES.info, {});
    const protocol =
      typeof json === 'object' && json !== null && 'protocol' in json ? json.protocol : undefined;
    if (typeof protocol === 'string' && protocol !== PROTOCOL) {
      throw new SyncError(
        'protocol-mismatch',
        `the registry speaks ${protocol.slice(0, 40)}, this app ${PROTOCOL}`,
      );
    }
    const parsed = RegistryInfoSchema.safeParse(json);
    if (!parsed.success) throw new SyncError('invalid-response', `unexpected answer from ${ROUTES.info}`);
    return parsed.data;
  }

  /** The signed head as its exact text (verified over these bytes before anything is used). */
  feedHead(token?: string): Promise<string> {
    return this.#requestText('GET', FEED_PATHS.head, {
      ...(token ? { token } : {}),
      maxBytes: FEED_HEAD_MAX_BYTES,
    });
  }

  /** One chunk's exact text; no longer than the signed head says it is. */
  feedChunk(ref: ChunkRef, token?: string): Promise<string> {
    return this.#requestText('GET', FEED_PATHS.chunk(ref), {
      ...(token ? { token } : {}),
      maxBytes: ref.bytes,
    });
  }

  /** Ends the session on the registry (issue 9 §1); `keepalive` lets it leave while the window closes. */
  async logout(token: string, options: { keepalive?: boolean } = {}): Promise<void> {
    await this.#requestText('POST', ROUTES.logout, {
      token,
      maxBytes: 4096,
      ...(options.keepalive ? { keepalive: true } : {}),
    });
  }

  enrol(code: string, publicKey: string) {
    return this.#call('POST', ROUTES.enrol, EnrolResponseSchema, { body: { code, publicKey } });
  }

  challenge(accountId: string) {
    return this.#call('POST', ROUTES.challenge, ChallengeSchema, { body: { accountId } });
  }

  /** `renewedKey`: the own key as it is now, after the registry refused a signature (protocol.ts). */
  session(statement: SessionStatement, signature: string, renewedKey?: string) {
    const body = renewedKey ? { statement, signature, renewedKey } : { statement, signature };
    return this.#call('POST', ROUTES.session, SessionSchema, { body });
  }

  async putEntry(request: EntryUpdateRequest, token: string) {
    const path = ROUTES.entry.replace(':id', encodeURIComponent(request.statement.entry.id));
    return this.#call('PUT', path, EntryUpdateResponseSchema, { body: request, token });
  }

  withdrawEntry(request: EntryWithdrawRequest, token: string) {
    const path = ENTRY_WITHDRAW_ROUTE.replace(':id', encodeURIComponent(request.statement.entryId));
    return this.#call('POST', path, EntryWithdrawResponseSchema, { body: request, token });
  }

  /** The account's own rights (what it may still create; facilitator); 404 from a registry that predates the route. */
  account(token: string) {
    return this.#call('GET', ROUTES.account, AccountRightsSchema, { token });
  }

  pings(token: string) {
    return this.#call('GET', ROUTES.pings, PingListSchema, { token });
  }

  ackPing(request: PingAckRequest, token: string) {
    const path = ROUTES.pingAck.replace(':id', encodeURIComponent(request.statement.pingId));
    return this.#call('POST', path, PingAckResponseSchema, { body: request, token });
  }

  /** Issue 12: the exercises this account takes part in or, as a facilitator, watches. */
  exercises(token: string) {
    return this.#call('GET', EXERCISE_ROUTES.list, ExerciseListSchema, { token });
  }

  /** The signed exercise feed as its exact text (verified before anything is shown). */
  exerciseFeed(exerciseId: string, token: string): Promise<string> {
    return this.#requestText('GET', exercisePath(EXERCISE_ROUTES.feed, exerciseId), { token });
  }

  postProgress(request: ProgressRequest, token: string) {
    const path = exercisePath(EXERCISE_ROUTES.progress, request.statement.exerciseId);
    return this.#call('POST', path, ProgressReceiptSchema, { body: request, token });
  }

  exerciseProgress(exerciseId: string, token: string) {
    const path = exercisePath(EXERCISE_ROUTES.progress, exerciseId);
    return this.#call('GET', path, ExerciseProgressSchema, { token });
  }

  async #call<T>(
    method: string,
    path: string,
    schema: z.ZodType<T>,
    options: { body?: unknown; token?: string } = {},
  ): Promise<T> {
    const json = await this.#request(method, path, options);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('invalid-response', `unexpected answer from ${path}`);
    return parsed.data;
  }

  async #request(
    method: string,
    path: string,
    options: { body?: unknown; token?: string },
  ): Promise<unknown> {
    const text = await this.#requestText(method, path, options);
    try {
      return text === '' ? null : (JSON.parse(text) as unknown);
    } catch {
      throw new SyncError('invalid-response', `unreadable answer from ${path}`);
    }
  }

  /**
   * The answer's text, at most `maxBytes` long (read stopped there): a 2xx answer is returned,
   * an error answer becomes a RegistryError with its code.
   */
  async #requestText(
    method: string,
    path: string,
    options: { body?: unknown; token?: string; maxBytes?: number; keepalive?: boolean },
  ): Promise<string> {
    const headers: Record<string, string> = { accept: 'application/json' };
    if (options.token) headers.authorization = `Bearer ${options.token}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.#timeoutMs);
    try {
      const response = await this.#fetch(`${this.baseUrl}${path}`, {
        method,
        headers,
        ...(options.body !== undefined ? { body: JSON.stringify(options.body) } : {}),
        ...(options.keepalive ? { keepalive: true } : {}),
        signal: controller.signal,
      });
      const maxBytes = options.maxBytes ?? this.#maxBytes;
      let text: string;
      try {
        text = await readBounded(response, maxBytes);
      } catch (error) {
        if (error instanceof SyncError) throw error;
        // A body cut short (the link dropped mid-answer) is "offline, retry".
        if (timedOut) throw new SyncError('timeout', `the answer from ${path} took too long`);
        throw new SyncError('offline', `unreadable answer from ${path}`);
      }
      if (response.status >= 200 && response.status < 300) return text;
      let json: unknown = null;
      try {
        json = JSON.parse(text) as unknown;
      } catch {
        // An error answer that is not JSON: described by its status alone.
      }
      throw errorFrom(response.status, json);
    } catch (error) {
      if (error instanceof SyncError || error instanceof RegistryError || error instanceof EntryConflict)
        throw error;
      throw new SyncError(timedOut ? 'timeout' : 'offline', 'the registry did not answer');
    } finally {
      clearTimeout(timer);
    }
  }
}

/**
 * Reads at most `maxBytes` bytes of an answer: a declared length above the bound is refused before
 * reading, a stream is cut at the bound, and nothing larger ever reaches JSON.parse.
 */
async function readBounded(response: FetchAnswer, maxBytes: number): Promise<string> {
  const tooLarge = () => new SyncError('response-too-large', `the answer is larger than ${maxBytes} bytes`);
  const declared = Number(response.headers?.get('content-length') ?? Number.NaN);
  if (Number.isFinite(declared) && declared > maxBytes) {
    await response.body?.cancel().catch(() => undefined);
    throw tooLarge();
  }
  if (!response.body) {
    const text = await response.text();
    if (text.length > maxBytes) throw tooLarge();
    return text;
  }
  const reader = response.body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return new TextDecoder().decode(bytes);
}

function errorFrom(status: number, json: unknown): Error {
  if (status === 409) {
    const conflict = EntryConflictSchema.safeParse(json);
    if (conflict.success) return new EntryConflict(conflict.data.current);
  }
  const error = typeof json === 'object' && json !== null && 'error' in json ? json.error : undefined;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const message =
    typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string'
      ? error.message
      : '';
  const detail = ErrorBodySchema.safeParse(json).data?.error.detail;
  if (isRegistryErrorCode(code)) return new RegistryError(code, message, status, detail);
  return new RegistryError(status >= 500 ? 'internal' : 'bad-request', message || `HTTP ${status}`, status);
}
