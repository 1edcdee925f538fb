import { z } from 'zod';
import { FingerprintSchema } from '../directory/model';
import { Base64Schema, EntryChangeSchema, PROTOCOL, SequenceSchema } from './protocol';

/**
 * Issue 14: the directory feed as a small signed head plus immutable signed chunks.
 * Chunk k holds the latest change of every entry whose latest change lies in (from, until]; full
 * chunks sit on fixed boundaries (every FEED_CHUNK_SIZE sequences) and never change once written;
 * the last, partial chunk is cut again (under a new name) when the feed grows. Each chunk is
 * canonicalised, signed and gzipped once by the registry and stored; the head lists every chunk
 * with the SHA-256 and length of its exact bytes, and is re-signed on change and periodically so
 * a client can tell a fresh feed from a frozen one (issue 9 §3). Any untrusted mirror can serve
 * these bytes: a client checks the head's signature, then each chunk's hash and signature.
 */
export const FEED_CHUNK_SIZE = 500;
/** A head is small: a chunk reference is ~150 bytes, so this holds millions of entries. */
export const FEED_HEAD_MAX_BYTES = 4 * 1024 * 1024;
/** 500 changes of at most ~64 KiB each (an armoured key), with room. */
export const FEED_CHUNK_MAX_BYTES = 40 * 1024 * 1024;

export const ChunkRefSchema = z.strictObject({
  from: SequenceSchema,
  until: SequenceSchema,
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  bytes: z.number().int().positive().max(FEED_CHUNK_MAX_BYTES),
  count: z.number().int().nonnegative().max(FEED_CHUNK_SIZE),
});
export type ChunkRef = z.infer<typeof ChunkRefSchema>;

export const FeedHeadSchema = z
  .strictObject({
    protocol: z.literal(PROTOCOL),
    registry: FingerprintSchema,
    /** The newest sequence: the last chunk ends here. */
    seq: SequenceSchema,
    /** When the registry signed this head (its clock): the client's freshness check. */
    issuedAt: z.iso.datetime(),
    chunkSize: z.number().int().positive(),
    chunks: z.array(ChunkRefSchema).max(1_000_000),
  })
  .refine((head) => {
    let previous = 0;
    for (const chunk of head.chunks) {
      if (chunk.from !== previous || chunk.until <= chunk.from) return false;
      previous = chunk.until;
    }
    return previous === head.seq;
  }, 'chunks must follow each other from 0 to seq');
export type FeedHead = z.infer<typeof FeedHeadSchema>;
export const SignedFeedHeadSchema = z.object({ head: z.unknown(), signature: Base64Schema });

export const FeedChunkSchema = z.strictObject({
  protocol: z.literal(PROTOCOL),
  registry: FingerprintSchema,
  from: SequenceSchema,
  until: SequenceSchema,
  changes: z.array(EntryChangeSchema).max(FEED_CHUNK_SIZE),
});
export type FeedChunk = z.infer<typeof FeedChunkSchema>;
export const SignedFeedChunkSchema = z.object({ chunk: z.unknown(), signature: Base64Schema });

/** Where the head and chunks live, on the registry and on a static mirror alike. */
export const FEED_PATHS = {
  head: '/v1/feed/head.json',
  chunkRoute: '/v1/feed/chunks/:name',
  chunk: (ref: Pick<ChunkRef, 'from' | 'until'>) => `/v1/feed/chunks/${ref.from}-${ref.until}.json`,
} as const;

/** The exact bytes of a signed head or chunk file: `{"head":…,"signature":"…"}`. */
export function signedFileText(member: 'head' | 'chunk', canonical: string, signature: string): string {
  return `{"${member}":${canonical},"signature":"${signature}"}`;
}

/** A bundle for sync by file (issue 14): the signed head and chunk files, byte for byte. */
export const BundleSchema = z.strictObject({
  format: z.literal('poc-registry-bundle'),
  version: z.literal(1),
  head: z.string().max(FEED_HEAD_MAX_BYTES),
  chunks: z.array(z.string().max(FEED_CHUNK_MAX_BYTES)).max(100_000),
});
export type Bundle = z.infer<typeof BundleSchema>;

/** The app's outbox carried by file to `admin import-outbox` (issue 14, sync by file). */
export const OutboxFileSchema = z.strictObject({
  format: z.literal('poc-registry-outbox'),
  version: z.literal(1),
  accountId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  registry: FingerprintSchema,
  exportedAt: z.iso.datetime(),
  items: z
    .array(
      z.strictObject({
        id: z.string().max(64),
        kind: z.enum(['entry-update', 'entry-withdraw', 'ping-ack']),
        request: z.unknown(),
      }),
    )
    .max(10_000),
});
export type OutboxFile = z.infer<typeof OutboxFileSchema>;
