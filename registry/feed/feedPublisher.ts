import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { canonicalJson } from '../../shared/encoding/canonicalJson';
import {
  FEED_CHUNK_SIZE,
  signedFileText,
  type ChunkRef,
  type FeedChunk,
  type FeedHead,
} from '../../shared/registry/feed';
import { PROTOCOL } from '../../shared/registry/protocol';
import { signBytes } from '../../shared/registry/signing';
import type { RegistrySigningKey } from '../signingKey';
import type { RegistryDatabase } from '../store/database';
import type { DirectoryRepository } from '../store/directoryRepository';

/** A signed file of the feed, prepared once: its exact bytes, their gzip form, hash and ETag. */
export interface FeedFile {
  text: string;
  plain: Buffer;
  gzip: Buffer;
  sha256: string;
  etag: string;
  /** How many changes a chunk holds (0 for a head). */
  count: number;
}

interface ChunkRow {
  from_seq: number;
  until_seq: number;
  sealed: number;
  sha256: string;
  body: Buffer;
  gzip: Buffer;
}

/** How long a superseded partial chunk stays servable (a client mid-sync may still ask for it). */
const PARTIAL_CHUNK_GRACE_MS = 3600_000;

export const sha256Of = (data: string | Buffer) => createHash('sha256').update(data).digest('hex');

function prepare(text: string, gzip?: Buffer, count?: number): FeedFile {
  const plain = Buffer.from(text, 'utf8');
  const sha256 = sha256Of(plain);
  return {
    text,
    plain,
    // Compressed once and downloaded by every client, often over a poor link: the strongest zlib
    // setting (1.9 % smaller than level 6 for a 500-entry chunk, ~1 ms more, once).
    gzip: gzip ?? gzipSync(plain, { level: 9, memLevel: 9 }),
    sha256,
    etag: `"${sha256}"`,
    count: count ?? countChanges(text),
  };
}

/**
 * Issue 14: cuts the feed into chunks on fixed boundaries, signs and compresses each ONCE (stored
 * in `feed_chunks`, kept in memory for serving), and signs the small head that lists them. Runs
 * off the request path: at start, after a write, on a timer (also catching the admin CLI's writes)
 * and periodically for freshness (issue 9 §3). The same code writes a static mirror and bundles.
 */
export class FeedPublisher {
  #head: { seq: number; issuedAtMs: number; head: FeedHead; file: FeedFile } | null = null;
  readonly #files = new Map<string, FeedFile>();
  #refreshing: Promise<void> | null = null;
  #again = false;
  readonly #chunkSize: number;

  constructor(
    readonly deps: {
      db: RegistryDatabase;
      directory: DirectoryRepository;
      signingKey: RegistrySigningKey;
      now: () => number;
      chunkSize?: number;
    },
  ) {
    this.#chunkSize = deps.chunkSize ?? FEED_CHUNK_SIZE;
  }

  /** The newest signed head (null before the first refresh). */
  get head(): { seq: number; issuedAtMs: number; head: FeedHead; file: FeedFile } | null {
    return this.#head;
  }

  /** A chunk file by its name "FROM-UNTIL.json", from memory or the store; undefined when unknown. */
  chunkFile(name: string): FeedFile | undefined {
    const cached = this.#files.get(name);
    if (cached) return cached;
    const match = /^(\d{1,15})-(\d{1,15})\.json$/.exec(name);
    if (!match) return undefined;
    const row = this.#row(Number(match[1]), Number(match[2]));
    if (!row) return undefined;
    const file = prepare(row.body.toString('utf8'), row.gzip);
    this.#files.set(name, file);
    return file;
  }

  /** Brings chunks and head up to the directory's head; re-signs the head when `resign` or it moved. */
  refresh(options: { resign?: boolean } = {}): Promise<void> {
    if (this.#refreshing) {
      this.#again = true;
      return this.#refreshing;
    }
    this.#refreshing = (async () => {
      try {
        do {
          this.#again = false;
          await this.#build(options.resign ?? false);
        } while (this.#again);
      } finally {
        this.#refreshing = null;
      }
    })();
    return this.#refreshing;
  }

  /** The chunks the current head lists, with their files (for a static mirror or a bundle). */
  listedChunks(): { ref: ChunkRef; file: FeedFile }[] {
    return (this.#head?.head.chunks ?? []).map((ref) => {
      const file = this.chunkFile(`${ref.from}-${ref.until}.json`);
      if (!file) throw new Error(`chunk ${ref.from}-${ref.until} is missing from the store`);
      return { ref, file };
    });
  }

  async #build(resign: boolean): Promise<void> {
    const seq = this.deps.directory.head();
    if (this.#head && this.#head.seq === seq && !resign) return;
    const refs: ChunkRef[] = [];
    for (let from = 0; from < seq; from += this.#chunkSize) {
      const until = Math.min(from + this.#chunkSize, seq);
      const { file, count } = await this.#chunk(from, until);
      refs.push({ from, until, sha256: file.sha256, bytes: file.plain.length, count });
    }
    const now = this.deps.now();
    const head: FeedHead = {
      protocol: PROTOCOL,
      registry: this.deps.signingKey.fingerprint,
      seq,
      issuedAt: new Date(now).toISOString(),
      chunkSize: this.#chunkSize,
      chunks: refs,
    };
    const canonical = canonicalJson(head);
    const signature = await signBytes(Buffer.from(canonical, 'utf8'), this.deps.signingKey.key);
    this.#head = {
      seq,
      issuedAtMs: now,
      head,
      file: prepare(signedFileText('head', canonical, signature), undefined, 0),
    };
    this.#purge(seq, now);
  }

  async #chunk(from: number, until: number): Promise<{ file: FeedFile; count: number }> {
    const name = `${from}-${until}.json`;
    const stored = this.chunkFile(name);
    if (stored) return { file: stored, count: stored.count };
    const changes = this.deps.directory.changesBetween(from, until);
    const chunk: FeedChunk = {
      protocol: PROTOCOL,
      registry: this.deps.signingKey.fingerprint,
      from,
      until,
      changes,
    };
    const canonical = canonicalJson(chunk);
    const signature = await signBytes(Buffer.from(canonical, 'utf8'), this.deps.signingKey.key);
    const file = prepare(signedFileText('chunk', canonical, signature), undefined, changes.length);
    const sealed = until - from === this.#chunkSize ? 1 : 0;
    this.deps.db
      .prepare(
        `INSERT OR IGNORE INTO feed_chunks (from_seq, until_seq, sealed, sha256, body, gzip, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(from, until, sealed, file.sha256, file.plain, file.gzip, this.deps.now());
    // Another process (the admin CLI) may have written the same chunk first: serve the stored bytes.
    const row = this.#row(from, until);
    const kept = row && row.sha256 !== file.sha256 ? prepare(row.body.toString('utf8'), row.gzip) : file;
    this.#files.set(name, kept);
    return { file: kept, count: kept.count };
  }

  #row(from: number, until: number): ChunkRow | undefined {
    return this.deps.db
      .prepare<[number, number], ChunkRow>('SELECT * FROM feed_chunks WHERE from_seq = ? AND until_seq = ?')
      .get(from, until);
  }

  #purge(seq: number, now: number): void {
    const stale = this.deps.db
      .prepare<[number, number], { from_seq: number; until_seq: number }>(
        'DELETE FROM feed_chunks WHERE sealed = 0 AND until_seq != ? AND created_at < ? RETURNING from_seq, until_seq',
      )
      .all(seq, now - PARTIAL_CHUNK_GRACE_MS);
    for (const row of stale) this.#files.delete(`${row.from_seq}-${row.until_seq}.json`);
  }
}

function countChanges(text: string): number {
  const parsed = JSON.parse(text) as { chunk?: { changes?: unknown[] } };
  return parsed.chunk?.changes?.length ?? 0;
}
