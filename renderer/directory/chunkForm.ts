/**
 * The stored form of one directory chunk (renderer/directory/chunkedDirectory.ts keeps the chunks).
 *
 * Keys after the list (form 4): the armoured public keys are ~60 % of the directory's text and
 * nothing on the list or in search needs them, so a chunk stores them as a second part of its
 * record (shared/vault/recordCipher.ts, under the same AES-GCM tag). A load inflates and parses the
 * entries only and resolves (a 10,000-entry load in about half the time); once the list is on
 * screen (the first idle moment), or as soon as something asks for them (loadKeys), the keys are
 * read and put back into the same entry objects (~200 ms of work for 10,000 entries on a slow
 * machine). Until then an entry's `openpgp` holds its fingerprint only: whatever uses a key waits
 * for directoryKeysLoaded() (renderer/directory/store.ts), and every directory write waits for
 * the keys, since it rewrites chunks from memory.
 *
 * Validation at load: entries of a chunk of the current form (CHUNK_FORM) are taken as they are.
 * This build writes into a chunk's `entries` only what passed PointOfContactSchema (validEntry, or
 * the read of an earlier chunk), and AES-GCM with this vault's key authenticates that the chunk is
 * one it wrote, so checking them again found nothing and cost ~50 ms of a 10,000-entry load. Chunks
 * of any other form (written by an earlier build, under an earlier schema) are checked entry by
 * entry (readEntry) and rewritten in the current form. A change to the entry schema must therefore
 * bump CHUNK_FORM (tests/unit/renderer/directory/chunkForm.test.ts pins the schema to the form).
 */
import { VaultError } from '../../shared/vault/errors';
import type { PointOfContact } from '../../shared/directory/model';
import type { CollectionName } from '../vault/collections';
import { RecordReadFailure, type BatchOp } from '../vault/session';
import { readEntry } from './readEntry';

export const CHUNK_COLLECTION = 'directoryChunks' satisfies CollectionName;

/** A chunk as held in memory while the vault is open. */
export interface Chunk {
  entries: Map<string, PointOfContact>;
  /** Values in the chunk that break the schema: kept as they are, reported, never dropped. */
  quarantined: unknown[];
  /** The stamp of the write that stored it (0 for chunks of earlier versions). */
  written: number;
  /** The stored form (CHUNK_FORM when current; 0 for chunks of earlier versions). */
  form: number;
  /** Ids whose copy in this chunk on disk is superseded by a copy in a chunk written later. */
  stale: Set<string>;
  /** Reads the chunk's keys (its record's second part) until they are put back; null after. */
  keys: (() => Promise<unknown>) | null;
}

/** What a chunk's decrypted value holds. */
export interface ChunkValue {
  /** In a chunk of the current form: entries that passed the schema when written. */
  entries: unknown[];
  /** Values that broke the schema when read, kept as they were (current form only). */
  quarantined: unknown[];
  written: number;
  form: number;
}

/**
 * The chunks' current stored form: compressed JSON with its non-ASCII characters escaped
 * (shared/vault/recordCipher.ts, asciiJson; form 2), entries valid under this build's schema apart
 * from the quarantined values (form 3), the entries' keys in a second part (form 4). Chunks of an
 * earlier form read as well (their entries checked one by one) and are rewritten once, a moment
 * after a load (earlierChunks).
 */
export const CHUNK_FORM = 4;

/** The decrypted chunk's values, or null when it is not a chunk at all (reported as damaged). */
export function chunkValues(value: unknown): ChunkValue | null {
  if (typeof value !== 'object' || value === null || !('entries' in value)) return null;
  if (!Array.isArray(value.entries)) return null;
  const written = 'written' in value && Number.isSafeInteger(value.written) ? Number(value.written) : 0;
  const form = 'form' in value && Number.isSafeInteger(value.form) ? Number(value.form) : 0;
  const quarantined = 'quarantined' in value && Array.isArray(value.quarantined) ? value.quarantined : [];
  return { entries: value.entries as unknown[], quarantined: quarantined as unknown[], written, form };
}

/** An entry as a chunk of the current form holds it: valid when written (see the header). */
function writtenEntry(value: unknown): PointOfContact | null {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string'
    ? (value as PointOfContact)
    : readEntry(value);
}

/** The keys of a chunk's second part: [entry id, armoured key] pairs (anything else is skipped). */
export function keyPairs(value: unknown): [string, string][] {
  const keys = typeof value === 'object' && value !== null && 'keys' in value ? value.keys : null;
  if (!Array.isArray(keys)) throw new VaultError('record-corrupted', 'directory keys');
  return keys.filter(
    (pair): pair is [string, string] =>
      Array.isArray(pair) && typeof pair[0] === 'string' && typeof pair[1] === 'string',
  );
}

/** Puts each key back into its entry (same object), where the entry still states a fingerprint. */
export function putKeysBack(entries: ReadonlyMap<string, unknown>, pairs: [string, string][]): void {
  for (const [id, publicKey] of pairs) {
    const entry = entries.get(id) as { openpgp?: { publicKey?: string } } | undefined;
    if (entry?.openpgp) entry.openpgp.publicKey = publicKey;
  }
}

/**
 * A chunk's record as written: the entries without their keys, and the keys as the second part.
 * Every entry with `openpgp` must have its key by now (the writes wait for loadKeys): a chunk
 * written without one would lose it on disk, so that is refused.
 */
export function chunkOp(
  chunkId: string,
  entries: Iterable<PointOfContact>,
  quarantined: unknown[],
  written: number,
): BatchOp {
  const stored: PointOfContact[] = [];
  const keys: [string, string][] = [];
  for (const entry of entries) {
    if (!entry.openpgp) {
      stored.push(entry);
      continue;
    }
    if (typeof entry.openpgp.publicKey !== 'string')
      throw new Error(`the key of ${entry.id} is not loaded yet`);
    stored.push({
      ...entry,
      openpgp: { fingerprint: entry.openpgp.fingerprint } as PointOfContact['openpgp'],
    });
    keys.push([entry.id, entry.openpgp.publicKey]);
  }
  return {
    collection: CHUNK_COLLECTION,
    id: chunkId,
    value: { entries: stored, quarantined, written, form: CHUNK_FORM },
    later: { keys },
    compress: true,
  };
}

/** A chunk as VaultSession.decryptManyInParts reads it. */
export type ChunkRead = { value: ChunkValue; later: (() => Promise<unknown>) | null } | RecordReadFailure;

/**
 * A chunk of an earlier form that already keeps its keys apart (form 4, once CHUNK_FORM moves on):
 * its entries are checked one by one and an entry needs its key to pass, so the keys go back first.
 * Chunks of the current form are returned as they are (their keys follow the list).
 */
export async function keysInlineUnlessCurrent(read: ChunkRead): Promise<ChunkRead> {
  if (read instanceof RecordReadFailure || !read.later || read.value.form === CHUNK_FORM) return read;
  try {
    const byId = new Map(read.value.entries.map((value) => [(value as { id?: string }).id ?? '', value]));
    putKeysBack(byId, keyPairs(await read.later()));
    return { value: read.value, later: null };
  } catch (error) {
    return new RecordReadFailure(error instanceof VaultError ? error : new VaultError('record-corrupted'));
  }
}

/**
 * The chunk `id` in memory from its decrypted value: entries of the current form as written, those
 * of earlier forms checked one by one; values that break the schema are kept apart and their ids
 * (or `id#n`) added to `invalid`. `keys` reads its second part later (null when there is none).
 */
export function chunkFromRead(
  id: string,
  read: ChunkValue,
  keys: (() => Promise<unknown>) | null,
  invalid: string[],
): Chunk {
  const chunk: Chunk = {
    entries: new Map(),
    quarantined: [],
    written: read.written,
    form: read.form,
    stale: new Set(),
    keys,
  };
  const quarantine = (value: unknown) => {
    chunk.quarantined.push(value);
    const entryId = typeof value === 'object' && value !== null && 'id' in value ? value.id : null;
    invalid.push(typeof entryId === 'string' ? entryId : `${id}#${chunk.quarantined.length}`);
  };
  const check = read.form === CHUNK_FORM ? writtenEntry : readEntry;
  for (const value of read.entries) {
    const entry = check(value);
    if (entry) chunk.entries.set(entry.id, entry);
    else quarantine(value);
  }
  // Values that broke the schema when read before: checked again (a later build may accept them).
  for (const value of read.quarantined) {
    const entry = readEntry(value);
    if (entry) chunk.entries.set(entry.id, entry);
    else quarantine(value);
  }
  return chunk;
}
