import type { FastifyRequest } from 'fastify';
import type { z } from 'zod';
import type { PointOfContact } from '../shared/directory/model';
import { RegistryError } from '../shared/registry/errors';
import { fingerprintOf, readVerificationKey, type VerificationKey } from '../shared/registry/signing';
import type { Account, AccountRepository } from './store/accountRepository';
import type { RegistryDatabase } from './store/database';
import type { DirectoryRepository } from './store/directoryRepository';
import type { PingRepository } from './store/pingRepository';
import type { RegistrySigningKey } from './signingKey';
import type { FeedPublisher } from './feed/feedPublisher';

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
  /** The signed feed (head and chunks), prepared off the request path (issue 14). */
  feed: FeedPublisher;
  /** How often the head is re-signed for freshness even when nothing changed. */
  headResignMs: number;
  /** Told after a write that changes the feed, so the signed head follows (issue 14). */
  onDirectoryChanged?: () => void;
}

/** 409: the update was based on an older revision; `current` goes back so the app can show both. */
export class ConflictError extends RegistryError {
  constructor(readonly current: PointOfContact) {
    super('conflict', 'The entry changed on the registry since your edit began; compare both versions.');
  }
}

/**
 * Parses a request body; a member the schema does not know (anywhere, also inside an entry) is a
 * 400 `unknown-member`, never silently trimmed: signed statements are kept as evidence byte for byte.
 */
export function parseOr400<T>(schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) {
    const unknown = unknownMember(value, parsed.data);
    if (unknown !== null)
      throw new RegistryError(
        'unknown-member',
        `Unknown member ${safePath(unknown)}: this registry speaks protocol v2.`,
      );
    return parsed.data;
  }
  const strictIssue = parsed.error.issues.find((issue) => issue.code === 'unrecognized_keys');
  if (strictIssue)
    throw new RegistryError(
      'unknown-member',
      `Unknown member at ${safePath(strictIssue.path.join('.') || 'the top level')}.`,
    );
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? ` at ${issue.path.join('.')}` : '';
  throw new RegistryError('bad-request', `Invalid request${where}: ${issue?.message ?? 'unreadable'}`);
}

/** A member path is named only when it is plainly a path: the answer never echoes arbitrary request text. */
const safePath = (path: string) => (/^[A-Za-z0-9_.[\] -]{1,100}$/.test(path) ? path : '(unnamed)');

/** The path of the first object member in `raw` that the parse dropped, or null when there is none. */
export function unknownMember(raw: unknown, parsed: unknown, path = ''): string | null {
  if (Array.isArray(raw) && Array.isArray(parsed)) {
    for (const [index, item] of raw.entries()) {
      const found = unknownMember(item, parsed[index], `${path}[${index}]`);
      if (found !== null) return found;
    }
    return null;
  }
  if (!isRecord(raw) || !isRecord(parsed)) return null;
  for (const key of Object.keys(raw)) {
    const where = path ? `${path}.${key}` : key;
    if (!(key in parsed)) return where;
    const found = unknownMember(raw[key], parsed[key], where);
    if (found !== null) return found;
  }
  return null;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The bearer token of a request, if it carries a well-formed one. */
export function bearerToken(request: FastifyRequest): string | undefined {
  return /^Bearer ([A-Za-z0-9_-]{32,128})$/.exec(request.headers.authorization ?? '')?.[1];
}

export function requireAccount(context: RegistryContext, request: FastifyRequest): Account {
  const token = bearerToken(request);
  if (!token) throw new RegistryError('unauthorized', 'Sign in first: this request needs a session token.');
  return context.accounts.authenticate(token, context.now());
}

export async function accountKey(context: RegistryContext, account: Account): Promise<VerificationKey> {
  const cached = context.accountKeys.get(account.id);
  if (cached) return cached;
  const key = await readVerificationKey(account.publicKey);
  context.accountKeys.set(account.id, key);
  return key;
}

/**
 * A POC renews its key (new self-signatures, new expiry, same fingerprint: renewKey in
 * shared/openpgp/keys.ts). The registry verifies every statement of the account (sessions, edits,
 * ping answers) with its own copy, and the copy from the enrolment stops verifying on its old expiry
 * date, which would shut out a POC who renewed. So a renewed copy is taken wherever the app sends
 * one: published in the own entry (entryUpdates.ts), or along with a session request after the
 * registry's copy failed (accessRoutes.ts). OpenPGP's merge keeps what the registry holds (a
 * revocation stays) and takes only self-signatures that verify with the same primary key, which
 * only its holder can make: whoever sends the copy, nothing else can be learnt from it.
 * Returns the merged key, or null when the copy is not of this key or adds nothing.
 */
export async function mergeRenewedAccountKey(
  stored: VerificationKey,
  renewed: VerificationKey,
): Promise<VerificationKey | null> {
  if (fingerprintOf(stored) !== fingerprintOf(renewed)) return null;
  try {
    const merged = await stored.update(renewed);
    return merged.armor() === stored.armor() ? null : merged;
  } catch {
    return null; // unreadable parts: keep the stored copy
  }
}

/** Keeps a merged copy of the account's key (mergeRenewedAccountKey) for every later statement. */
export function rememberAccountKey(context: RegistryContext, account: Account, key: VerificationKey): void {
  context.accounts.replaceKey(account.id, account.fingerprint, key.armor());
  context.accountKeys.set(account.id, key);
}

/** The raw `statement` member exactly as received: signatures cover its canonical JSON. */
export function rawStatement(body: unknown): unknown {
  return typeof body === 'object' && body !== null && 'statement' in body ? body.statement : undefined;
}
