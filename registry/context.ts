import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { PointOfContact } from '../shared/directory/model';
import { RegistryError } from '../shared/registry/errors';
import { readVerificationKey, type VerificationKey } from '../shared/registry/signing';
import type { Account, AccountRepository } from './store/accountRepository';
import type { RegistryDatabase } from './store/database';
import type { DirectoryRepository } from './store/directoryRepository';
import type { PingRepository } from './store/pingRepository';
import type { RegistrySigningKey } from './signingKey';

/** Everything a route needs; built once in server.ts. `now` is injectable so tests can move time. */
export interface RegistryContext {
  name: string;
  db: RegistryDatabase;
  directory: DirectoryRepository;
  accounts: AccountRepository;
  pings: PingRepository;
  signingKey: RegistrySigningKey;
  now: () => number;
  sessionTtlMs: number;
  challengeTtlMs: number;
  accountKeys: Map<string, VerificationKey>;
}

/** 409: the update was based on an older revision; `current` goes back so the app can show both. */
export class ConflictError extends RegistryError {
  constructor(readonly current: PointOfContact) {
    super('conflict', 'The entry changed on the registry since your edit began; compare both versions.');
  }
}

export function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new RegistryError('bad-request', `Invalid request${where}: ${issue?.message ?? 'unreadable'}`);
}

export function requireAccount(context: RegistryContext, request: FastifyRequest): Account {
  const header = request.headers.authorization ?? '';
  const match = /^Bearer ([A-Za-z0-9_-]{32,128})$/.exec(header);
  if (!match?.[1]) throw new RegistryError('unauthorized', 'Sign in first: this request needs a session token.');
  return context.accounts.authenticate(match[1], context.now());
}

export async function accountKey(context: RegistryContext, account: Account): Promise<VerificationKey> {
  const cached = context.accountKeys.get(account.id);
  if (cached) return cached;
  const key = await readVerificationKey(account.publicKey);
  context.accountKeys.set(account.id, key);
  return key;
}

/** The raw `statement` member exactly as received: signatures cover its canonical JSON. */
export function rawStatement(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'statement' in body ? body.statement : undefined;
}
