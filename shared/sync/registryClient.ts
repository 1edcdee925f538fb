import type { z } from 'zod';
import { isRegistryErrorCode, RegistryError } from '../registry/errors';
import {
  ChallengeSchema,
  EnrolResponseSchema,
  EntryConflictSchema,
  EntryUpdateResponseSchema,
  PingAckResponseSchema,
  PingListSchema,
  RegistryInfoSchema,
  ROUTES,
  SessionSchema,
  type EntryUpdateRequest,
  type PingAckRequest,
  type SessionStatement,
} from '../registry/protocol';
import { ENTRY_WITHDRAW_ROUTE, EntryWithdrawResponseSchema, type EntryWithdrawRequest } from '../registry/withdraw';
import { EntryConflict, SyncError } from './errors';

/** The part of `fetch` the client uses; injected so Node tests, the browser and proxies all fit. */
export type FetchLike = (
  url: string,
  init: { method: string; headers: Record<string, string>; body?: string; signal?: AbortSignal },
) => Promise<{ status: number; json(): Promise<unknown> }>;

export interface RegistryClientOptions {
  baseUrl: string;
  fetch: FetchLike;
  timeoutMs?: number;
}

/**
 * Typed calls to protocol v1. "Online" means this registry answered: a rejected fetch or a
 * timeout becomes SyncError('offline'/'timeout'); a JSON error becomes RegistryError(code).
 */
export class RegistryClient {
  readonly baseUrl: string;
  readonly #fetch: FetchLike;
  readonly #timeoutMs: number;

  constructor(options: RegistryClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs ?? 20_000;
  }

  info() {
    return this.#call('GET', ROUTES.info, RegistryInfoSchema);
  }

  enrol(code: string, publicKey: string) {
    return this.#call('POST', ROUTES.enrol, EnrolResponseSchema, { body: { code, publicKey } });
  }

  challenge(accountId: string) {
    return this.#call('POST', ROUTES.challenge, ChallengeSchema, { body: { accountId } });
  }

  session(statement: SessionStatement, signature: string) {
    return this.#call('POST', ROUTES.session, SessionSchema, { body: { statement, signature } });
  }

  /** The page as raw JSON: it must be verified over its exact received form before parsing. */
  changes(since: number, limit: number, token: string): Promise<unknown> {
    return this.#request('GET', `${ROUTES.changes}?since=${since}&limit=${limit}`, { token });
  }

  async putEntry(request: EntryUpdateRequest, token: string) {
    const path = ROUTES.entry.replace(':id', encodeURIComponent(request.statement.entry.id));
    return this.#call('PUT', path, EntryUpdateResponseSchema, { body: request, token });
  }

  withdrawEntry(request: EntryWithdrawRequest, token: string) {
    const path = ENTRY_WITHDRAW_ROUTE.replace(':id', encodeURIComponent(request.statement.entryId));
    return this.#call('POST', path, EntryWithdrawResponseSchema, { body: request, token });
  }

  pings(token: string) {
    return this.#call('GET', ROUTES.pings, PingListSchema, { token });
  }

  ackPing(request: PingAckRequest, token: string) {
    const path = ROUTES.pingAck.replace(':id', encodeURIComponent(request.statement.pingId));
    return this.#call('POST', path, PingAckResponseSchema, { body: request, token });
  }

  async #call<T>(method: string, path: string, schema: z.ZodType<T>, options: { body?: unknown; token?: string } = {}): Promise<T> {
    const json = await this.#request(method, path, options);
    const parsed = schema.safeParse(json);
    if (!parsed.success) throw new SyncError('invalid-response', `unexpected answer from ${path}`);
    return parsed.data;
  }

  async #request(method: string, path: string, options: { body?: unknown; token?: string }): Promise<unknown> {
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
        signal: controller.signal,
      });
      let json: unknown;
      try {
        json = await response.json();
      } catch (error) {
        // A body that is not JSON is the registry's fault; a body cut short (the link dropped
        // mid-answer: fetch rejects with a TypeError, not a SyntaxError) is "offline, retry".
        if (timedOut) throw new SyncError('timeout', `the answer from ${path} took too long`);
        throw new SyncError(error instanceof SyntaxError ? 'invalid-response' : 'offline', `unreadable answer from ${path}`);
      }
      if (response.status >= 200 && response.status < 300) return json;
      throw errorFrom(response.status, json);
    } catch (error) {
      if (error instanceof SyncError || error instanceof RegistryError || error instanceof EntryConflict) throw error;
      throw new SyncError(timedOut ? 'timeout' : 'offline', 'the registry did not answer');
    } finally {
      clearTimeout(timer);
    }
  }
}

function errorFrom(status: number, json: unknown): Error {
  if (status === 409) {
    const conflict = EntryConflictSchema.safeParse(json);
    if (conflict.success) return new EntryConflict(conflict.data.current);
  }
  const error = typeof json === 'object' && json !== null && 'error' in json ? json.error : undefined;
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : undefined;
  const message = typeof error === 'object' && error !== null && 'message' in error && typeof error.message === 'string' ? error.message : '';
  if (isRegistryErrorCode(code)) return new RegistryError(code, message, status);
  return new RegistryError(status >= 500 ? 'internal' : 'bad-request', message || `HTTP ${status}`, status);
}
