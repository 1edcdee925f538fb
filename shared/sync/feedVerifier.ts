import {
  ChunkRefSchema,
  FeedChunkSchema,
  FeedHeadSchema,
  SignedFeedChunkSchema,
  SignedFeedHeadSchema,
} from '../registry/feed';
import type { ChunkRef, FeedChunk, FeedHead } from '../registry/feed';
import { PROTOCOL } from '../registry/protocol';
import {
  signatureIssuerKeyId,
  verifyCanonical,
  verifyDetached,
  type VerificationKey,
} from '../registry/signing';
import { SyncError } from './errors';

/** A head older than this, compared with the newest head already accepted, is a replay. */
export const REPLAY_TOLERANCE_MS = 5 * 60_000;
/** Issue 9 §3: by default a feed signed more than 24 hours ago (by this device's clock) is stale. */
export const DEFAULT_MAX_FEED_AGE_MS = 24 * 3600_000;

export interface RegistryKey {
  /** The registry key pinned at enrolment, and its fingerprint. */
  key: VerificationKey;
  fingerprint: string;
}

export interface HeadExpectation extends RegistryKey {
  knownHead: number;
  lastIssuedAt?: string | undefined;
  /** This device's clock, milliseconds since the epoch. */
  now: number;
  /** The freshness bound; null for a bundle imported from a file (its date is shown instead). */
  maxAgeMs: number | null;
}

function parseJson(text: string, what: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new SyncError('invalid-response', `the ${what} is not JSON`);
  }
}

async function checkSignature(
  value: unknown,
  signature: string,
  registry: RegistryKey,
  what: string,
): Promise<void> {
  if (await verifyCanonical(value, signature, registry.key, registry.fingerprint)) return;
  await signatureFailure(signature, registry, what);
}

/** Why a signature did not verify: another key signed it, or the content was altered. */
async function signatureFailure(signature: string, registry: RegistryKey, what: string): Promise<never> {
  const issuer = await signatureIssuerKeyId(signature);
  const pinnedKeyId = registry.key.getKeyID().toHex().toUpperCase();
  if (issuer && issuer !== pinnedKeyId)
    throw new SyncError('wrong-key', `the ${what} is signed by a key other than the pinned registry key`);
  throw new SyncError('tampered', `the ${what} signature does not verify: its content was altered`);
}

function checkProtocol(value: unknown): void {
  const protocol =
    typeof value === 'object' && value !== null && 'protocol' in value ? value.protocol : undefined;
  if (typeof protocol === 'string' && protocol !== PROTOCOL) {
    throw new SyncError(
      'protocol-mismatch',
      `the feed follows ${protocol.slice(0, 40)}, this app ${PROTOCOL}`,
    );
  }
}

/**
 * Checks the signed head (its exact received text) before anything of it is used: signature by the
 * pinned key, shape, the registry it names, no rollback below a head already seen, no replay of an
 * older head, and freshness against this device's clock in both directions (issue 9 §3).
 */
export async function verifyFeedHead(text: string, expected: HeadExpectation): Promise<FeedHead> {
  const signed = SignedFeedHeadSchema.safeParse(parseJson(text, 'feed head'));
  if (!signed.success) throw new SyncError('invalid-response', 'the answer carries no signed feed head');
  await checkSignature(signed.data.head, signed.data.signature, expected, 'feed head');
  checkProtocol(signed.data.head);
  const parsed = FeedHeadSchema.safeParse(signed.data.head);
  if (!parsed.success)
    throw new SyncError('invalid-response', 'the signed head does not follow the protocol');
  const head = parsed.data;
  if (head.registry !== expected.fingerprint)
    throw new SyncError('wrong-key', 'the head names another registry');
  if (head.seq < expected.knownHead)
    throw new SyncError('rollback', `the feed offers head ${head.seq}, older than ${expected.knownHead}`);
  const issuedAt = Date.parse(head.issuedAt);
  if (expected.lastIssuedAt && issuedAt < Date.parse(expected.lastIssuedAt) - REPLAY_TOLERANCE_MS) {
    throw new SyncError('replay', 'the feed head is older than one already accepted');
  }
  if (expected.maxAgeMs !== null) {
    if (expected.now - issuedAt > expected.maxAgeMs)
      throw new SyncError('stale-feed', `the feed was signed at ${head.issuedAt}`);
    if (issuedAt - expected.now > expected.maxAgeMs)
      throw new SyncError('feed-from-future', `the feed is dated ${head.issuedAt}`);
  }
  return head;
}

export async function sha256Hex(text: string | Uint8Array<ArrayBuffer>): Promise<string> {
  const bytes = typeof text === 'string' ? new TextEncoder().encode(text) : text;
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

const SIGNATURE_MEMBER = ',"signature":"';

/**
 * The signed part of a feed file written as signedFileText does — `{"chunk":CANONICAL,"signature":
 * "BASE64"}` — as the exact bytes the registry signed (a slice of the file's bytes: the members
 * around it are ASCII) and their text; null for any other layout (checked the slower way).
 */
function signedPart(
  text: string,
  bytes: Uint8Array,
  member: 'chunk' | 'head',
): { canonical: string; canonicalBytes: Uint8Array; signature: string } | null {
  const prefix = `{"${member}":`;
  const at = text.lastIndexOf(SIGNATURE_MEMBER);
  if (!text.startsWith(prefix) || !text.endsWith('"}') || at < prefix.length) return null;
  const signature = text.slice(at + SIGNATURE_MEMBER.length, -2);
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(signature)) return null;
  const tail = text.length - at; // ASCII: as many bytes as characters
  return {
    canonical: text.slice(prefix.length, at),
    canonicalBytes: bytes.subarray(prefix.length, bytes.length - tail),
    signature,
  };
}

/**
 * The signed chunk value of a file whose hash already matched: the signature is checked over the
 * exact signed bytes (no second serialisation), and the value is parsed from those very bytes.
 */
async function signedChunkValue(text: string, bytes: Uint8Array, registry: RegistryKey): Promise<unknown> {
  const part = signedPart(text, bytes, 'chunk');
  if (!part) {
    const signed = SignedFeedChunkSchema.safeParse(parseJson(text, 'feed chunk'));
    if (!signed.success) throw new SyncError('invalid-response', 'the answer carries no signed chunk');
    await checkSignature(signed.data.chunk, signed.data.signature, registry, 'feed chunk');
    return signed.data.chunk;
  }
  const value = parseJson(part.canonical, 'feed chunk');
  if (!(await verifyDetached(part.canonicalBytes, part.signature, registry.key, registry.fingerprint)))
    await signatureFailure(part.signature, registry, 'feed chunk');
  return value;
}

/** Checks one chunk's exact text against its reference in the verified head, then its own signature. */
export async function verifyFeedChunk(
  text: string,
  ref: ChunkRef,
  registry: RegistryKey,
): Promise<FeedChunk> {
  ChunkRefSchema.parse(ref);
  // Encoded once: hashed whole, and its signed part verified as a slice of the same bytes.
  const bytes = new TextEncoder().encode(text);
  if (bytes.length !== ref.bytes || (await sha256Hex(bytes)) !== ref.sha256)
    throw new SyncError('tampered', `chunk ${ref.from}-${ref.until} does not match its hash`);
  const parsed = FeedChunkSchema.safeParse(await signedChunkValue(text, bytes, registry));
  if (!parsed.success)
    throw new SyncError('invalid-response', 'the signed chunk does not follow the protocol');
  const chunk = parsed.data;
  if (chunk.registry !== registry.fingerprint)
    throw new SyncError('wrong-key', 'the chunk names another registry');
  if (chunk.from !== ref.from || chunk.until !== ref.until)
    throw new SyncError('replay', 'the chunk is not the one the head lists');
  let previous = chunk.from;
  for (const change of chunk.changes) {
    if (change.seq <= previous || change.seq > chunk.until)
      throw new SyncError('invalid-response', 'the chunk changes are out of order');
    previous = change.seq;
  }
  return chunk;
}
