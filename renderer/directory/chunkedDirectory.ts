/**
 * The directory on disk as encrypted chunks of many entries (issue 14, "The real app loads and
 * syncs fast"): one IndexedDB record and one AES-256-GCM operation per ~500 entries instead of one
 * per entry, so that 10,000 entries read as 20 records. Each chunk is an ordinary vault record
 * (collection 'directoryChunks', a random opaque id, AES-GCM with the collection and id as
 * additional data, shared/vault/recordCipher.ts); nothing about the entries is stored in clear, not
 * even their State or role, and backup, restore and repair copy chunks like any other record.
 *
 * In memory the chunks are kept decrypted while the vault is open (DirectoryVault), so that a
 * change rewrites only the chunks it touches, from memory, without reading anything back.
 *
 * A small update does not rewrite the chunks its entries sit in (a 1 % delta touches every chunk):
 * the changed entries move to a small chunk, leaving their old copies in their old chunks, up to
 * STALE_LIMIT per chunk, beyond which the chunk is rewritten (which drops them). Each chunk carries
 * the vault-wide stamp of the write that stored it; of two copies of an entry, the one in the chunk
 * written last wins on load (a chunk repaired from a backup is older). A deleted entry's stale
 * copies are removed with it, so it never comes back.
 *
 * Quarantine, as for per-entry records: a chunk that fails authentication is reported (its id in
 * `corrupted`), never rewritten or deleted, so a backup can still repair it; new and updated
 * entries go to other chunks. An entry inside a readable chunk that breaks the schema is reported
 * by its id and written back unchanged (apart from the valid entries) whenever its chunk is
 * rewritten.
 *
 * The stored form of a chunk (keys in a second part, no second schema check of what this build
 * wrote) is in ./chunkForm.ts.
 *
 * Per-entry records of earlier versions (collection 'directory') are moved into chunks on the first
 * load with the key (the Dexie upgrade has no key): readable ones in one transaction with the new
 * chunks, damaged ones left where they are and reported.
 */
import Dexie from 'dexie';
import { LiveDirectory } from '../../shared/directory/loadedDirectory';
import {
  PointOfContactSchema,
  type PointOfContact,
  type PointOfContactInput,
} from '../../shared/directory/model';
import type { StoredRecord } from '../db/database';
import type { CollectionName } from '../vault/collections';
import { RecordReadFailure, type BatchOp, type VaultSession } from '../vault/session';
import {
  CHUNK_COLLECTION,
  CHUNK_FORM,
  chunkFromRead,
  chunkOp,
  chunkValues,
  keyPairs,
  keysInlineUnlessCurrent,
  putKeysBack,
  type Chunk,
} from './chunkForm';
import { isCanonicalEntry, readEntry } from './readEntry';
import { whenIdle } from './whenIdle';

export { CHUNK_COLLECTION, CHUNK_FORM } from './chunkForm';
/** Per-entry records of the first storage format, migrated into chunks on first load. */
export const LEGACY_COLLECTION = 'directory' satisfies CollectionName;
/**
 * Entries per chunk: 10,000 entries are 20 records (one read, 20 decryptions), and rewriting a
 * chunk writes ~110 KB of ciphertext. Fewer, larger records read faster up to a point: Chromium
 * keeps an IndexedDB value over 64 KB as a file of its own, and a fresh page loaded 10,000 entries
 * ~15 % slower from 40 chunks of 250 than from 20 of 500; 10 chunks of 1,000 were no faster within
 * the machine's noise, and a sync that fills chunks page by page rewrites twice as much with them.
 */
export const CHUNK_SIZE = 500;
/**
 * Superseded copies a chunk may hold before an update rewrites it instead of moving entries out:
 * a load reads at most this share of stale bytes, and a 1 % delta writes ~1 % of the directory.
 */
export const STALE_LIMIT = CHUNK_SIZE / 5;

export interface DirectoryWrite {
  /** Batch operations that store the change (give them to one session.writeBatch). */
  ops: BatchOp[];
  /** Applies the change in memory; call once the batch is stored. */
  commit(): void;
}

/** Validates as PointOfContactSchema.parse does (throws a ZodError), without a copy for a canonical entry. */
export function validEntry(input: PointOfContactInput): PointOfContact {
  return isCanonicalEntry(input) ? input : PointOfContactSchema.parse(input);
}

function chunkRecords(session: VaultSession, collection: CollectionName): Promise<StoredRecord[]> {
  return session.db.records
    .where('[collection+id]')
    .between([collection, Dexie.minKey], [collection, Dexie.maxKey], true, true)
    .toArray();
}

/**
 * True when copy `a` (in a chunk written at `aWritten`) wins over `b`: the later write, then (for
 * chunks of earlier versions, all written at 0) the higher revision, then the later update.
 */
function wins(a: PointOfContact, aWritten: number, b: PointOfContact, bWritten: number): boolean {
  if (aWritten !== bWritten) return aWritten > bWritten;
  if (a.revision !== b.revision) return a.revision > b.revision;
  return a.updatedAt >= b.updatedAt;
}

/** The directory's chunks, decrypted, and the directory the screens read, both kept in step. */
export class DirectoryVault {
  readonly live: LiveDirectory;
  readonly #chunks: Map<string, Chunk>;
  readonly #chunkOf: Map<string, string>;
  /** Chunk and legacy record ids that failed authentication, then ids of entries that broke the schema. */
  #corrupted: readonly string[];
  /** Resolves once every entry has its key back (never rejects: a chunk whose keys fail is reported). */
  readonly #keysReady: Promise<void>;
  #startKeys: () => void = () => undefined;
  /** Chunks holding a stale copy of an entry, by entry id. */
  readonly #staleIn = new Map<string, Set<string>>();
  /** The stamp of the last write (chunks carry theirs). */
  #written = 0;

  private constructor(
    chunks: Map<string, Chunk>,
    corrupted: string[],
    readonly session: Pick<VaultSession, 'isLocked'>,
  ) {
    this.#chunks = chunks;
    this.#chunkOf = new Map();
    const entries = new Map<string, PointOfContact>();
    for (const [chunkId, chunk] of chunks) {
      this.#written = Math.max(this.#written, chunk.written);
      for (const entry of chunk.entries.values()) {
        const known = entries.get(entry.id);
        const knownChunkId = this.#chunkOf.get(entry.id) ?? '';
        const knownChunk = this.#chunks.get(knownChunkId);
        if (known && knownChunk && !wins(entry, chunk.written, known, knownChunk.written)) {
          this.#markStale(chunkId, entry.id); // goes when this chunk is next written
          continue;
        }
        if (known) this.#markStale(knownChunkId, entry.id);
        entries.set(entry.id, entry);
        this.#chunkOf.set(entry.id, chunkId);
      }
    }
    this.#corrupted = corrupted;
    this.live = new LiveDirectory(entries.values(), corrupted);
    this.#keysReady = new Promise<void>((resolve) => (this.#startKeys = resolve)).then(() =>
      this.#putKeysBack(),
    );
    whenIdle(() => this.#startKeys(), 1000);
  }

  /**
   * Reads the keys now if they are not back yet (they are read anyway at the first idle moment
   * after the load) and resolves once every entry has its key. Never rejects.
   */
  loadKeys(): Promise<void> {
    this.#startKeys();
    return this.#keysReady;
  }

  /** Resolves once every entry has its key, without hurrying them (for what can wait a moment). */
  keysBack(): Promise<void> {
    return this.#keysReady;
  }

  /**
   * Reads every chunk's keys and puts them back, chunk by chunk as each is read. Stops when the
   * vault locks: no one reads this copy of the directory any more.
   */
  async #putKeysBack(): Promise<void> {
    await Promise.all(
      [...this.#chunks].map(async ([chunkId, chunk]) => {
        const read = chunk.keys;
        if (!read || this.session.isLocked) return;
        try {
          const pairs = keyPairs(await read());
          if (!this.session.isLocked) putKeysBack(chunk.entries, pairs);
        } catch {
          // Authentic but unreadable (only a bug writes that): its entries cannot be sealed to, and
          // the chunk is reported like a damaged one.
          this.#corrupted = [...this.#corrupted, chunkId];
          this.live.apply([], [], this.#corrupted);
        }
        chunk.keys = null;
      }),
    );
  }

  /** The copy of `id` in this chunk is superseded: out of the chunk's live entries, kept in mind. */
  #markStale(chunkId: string, id: string): void {
    const chunk = this.#chunks.get(chunkId);
    if (!chunk) return;
    chunk.entries.delete(id);
    chunk.stale.add(id);
    let holders = this.#staleIn.get(id);
    if (!holders) this.#staleIn.set(id, (holders = new Set()));
    holders.add(chunkId);
  }

  get corrupted(): readonly string[] {
    return this.#corrupted;
  }

  /**
   * Reads and decrypts every chunk (and any per-entry record left from an earlier version, which
   * it then moves into chunks). Throws VaultError('locked') when the vault locks meanwhile.
   */
  static async load(session: VaultSession): Promise<DirectoryVault> {
    const [chunkRows, legacyRows] = await session.db.transaction('r', session.db.records, () =>
      Promise.all([chunkRecords(session, CHUNK_COLLECTION), chunkRecords(session, LEGACY_COLLECTION)]),
    );
    const [parts, legacy] = await Promise.all([
      session.decryptManyInParts(chunkRows, chunkValues),
      legacyRows.length ? session.decryptManyWith(legacyRows, readEntry) : [],
    ]);
    const values = await Promise.all(parts.map(keysInlineUnlessCurrent));
    const chunks = new Map<string, Chunk>();
    const damaged: string[] = [];
    const invalid: string[] = [];
    values.forEach((parted, i) => {
      const id = chunkRows[i]?.id ?? '';
      if (parted instanceof RecordReadFailure) {
        if (parted.error.code !== 'record-corrupted') throw parted.error;
        damaged.push(id);
        return;
      }
      const chunk = chunkFromRead(id, parted.value, parted.later, invalid);
      chunks.set(id, chunk);
    });
    const migrated: PointOfContact[] = [];
    const migratedIds: string[] = [];
    legacy.forEach((read, i) => {
      const id = legacyRows[i]?.id ?? '';
      if (!(read instanceof RecordReadFailure)) {
        migrated.push(read);
        migratedIds.push(id);
      } else if (read.error.code === 'record-corrupted') damaged.push(id);
      else throw read.error;
    });
    const vault = new DirectoryVault(chunks, [...damaged, ...invalid], session);
    if (migrated.length) {
      await vault.loadKeys(); // the migration rewrites chunks from memory
      const write = vault.prepare(migrated, []);
      const moved: BatchOp[] = migratedIds.map((id) => ({ collection: LEGACY_COLLECTION, id, delete: true }));
      await session.writeBatch([...write.ops, ...moved]);
      write.commit();
    }
    return vault;
  }

  /** One entry, as stored (undefined when absent or in a damaged chunk). */
  get(id: string): PointOfContact | undefined {
    return this.live.get(id);
  }

  /**
   * The batch operations that store `puts` and remove `deletes`; nothing changes in memory until
   * commit(). Entries must already be valid (validEntry). An updated entry stays in its chunk when
   * that chunk is written anyway or already holds STALE_LIMIT stale copies (then it is rewritten);
   * otherwise it moves, with the new entries, to a chunk being written or a small one, so that a
   * small delta writes little. A deleted entry's chunk and every chunk with a stale copy of it are
   * rewritten without it.
   */
  prepare(puts: readonly PointOfContact[], deletes: readonly string[]): DirectoryWrite {
    const touched = new Map<string, Map<string, PointOfContact>>();
    const placed = new Map<string, string>();
    const edit = (chunkId: string) => {
      let entries = touched.get(chunkId);
      if (!entries) {
        entries = new Map(this.#chunks.get(chunkId)?.entries);
        touched.set(chunkId, entries);
      }
      return entries;
    };
    const removed = new Set<string>();
    for (const id of deletes) {
      const chunkId = placed.get(id) ?? this.#chunkOf.get(id);
      if (chunkId === undefined) continue;
      edit(chunkId).delete(id);
      for (const holder of this.#staleIn.get(id) ?? []) edit(holder);
      placed.delete(id);
      removed.add(id);
    }
    const updates = new Map<string, number>();
    for (const entry of puts) {
      const chunkId = removed.has(entry.id) ? undefined : this.#chunkOf.get(entry.id);
      if (chunkId !== undefined) updates.set(chunkId, (updates.get(chunkId) ?? 0) + 1);
    }
    const inPlace = new Set<string>();
    for (const [chunkId, count] of updates) {
      if ((this.#chunks.get(chunkId)?.stale.size ?? 0) + count > STALE_LIMIT) inPlace.add(chunkId);
    }
    let open: string | null = null;
    const size = (chunkId: string) =>
      touched.get(chunkId)?.size ?? this.#chunks.get(chunkId)?.entries.size ?? 0;
    const openChunk = (): string => {
      if (open !== null && size(open) < CHUNK_SIZE) return open;
      for (const chunkId of touched.keys()) if (size(chunkId) < CHUNK_SIZE) return (open = chunkId);
      // An untouched chunk only when small: writing a full one would cost what moving saves.
      for (const chunkId of this.#chunks.keys()) if (size(chunkId) <= CHUNK_SIZE / 2) return (open = chunkId);
      return (open = crypto.randomUUID());
    };
    const movedFrom = new Map<string, string>();
    for (const entry of puts) {
      const known = placed.get(entry.id) ?? (removed.has(entry.id) ? undefined : this.#chunkOf.get(entry.id));
      const stays = known !== undefined && (placed.has(entry.id) || inPlace.has(known) || touched.has(known));
      if (known !== undefined && !stays) movedFrom.set(entry.id, known);
      const chunkId = stays ? known : openChunk();
      edit(chunkId).set(entry.id, entry);
      placed.set(entry.id, chunkId);
      removed.delete(entry.id);
    }
    // A moved entry's old copy: dropped where its chunk is written anyway, else left stale.
    const leftStale: [string, string][] = [];
    for (const [id, from] of movedFrom) {
      if (placed.get(id) === from) continue;
      const rewritten = touched.get(from);
      if (rewritten) rewritten.delete(id);
      else leftStale.push([from, id]);
    }
    const written = this.#written + 1;
    const ops: BatchOp[] = [];
    for (const [chunkId, entries] of touched) {
      const quarantined = this.#chunks.get(chunkId)?.quarantined ?? [];
      if (entries.size === 0 && quarantined.length === 0) {
        if (this.#chunks.has(chunkId)) ops.push({ collection: CHUNK_COLLECTION, id: chunkId, delete: true });
      } else ops.push(chunkOp(chunkId, entries.values(), quarantined, written));
    }
    let committed = false;
    return {
      ops,
      commit: () => {
        if (committed) return;
        committed = true;
        this.#written = written;
        for (const [chunkId, entries] of touched) {
          const before = this.#chunks.get(chunkId);
          for (const id of before?.stale ?? []) this.#unmarkStale(chunkId, id);
          const quarantined = before?.quarantined ?? [];
          if (entries.size === 0 && quarantined.length === 0) this.#chunks.delete(chunkId);
          else
            this.#chunks.set(chunkId, {
              entries,
              quarantined,
              written,
              form: CHUNK_FORM,
              stale: new Set(),
              keys: null,
            });
        }
        for (const [chunkId, id] of leftStale) this.#markStale(chunkId, id);
        for (const id of removed) this.#chunkOf.delete(id);
        for (const [id, chunkId] of placed) this.#chunkOf.set(id, chunkId);
        this.live.apply(puts, [...removed]);
      },
    };
  }

  /** Chunks stored in an earlier form (uncompressed and unstamped, or not ASCII-escaped): rewrite(). */
  earlierChunks(): string[] {
    return [...this.#chunks].flatMap(([chunkId, chunk]) => (chunk.form !== CHUNK_FORM ? [chunkId] : []));
  }

  /** Rewrites chunks as they are in memory (compressed, stamped); drops their stale copies. */
  rewrite(chunkIds: readonly string[]): DirectoryWrite {
    const ops: BatchOp[] = [];
    const written = this.#written + 1;
    for (const chunkId of chunkIds) {
      const chunk = this.#chunks.get(chunkId);
      if (!chunk) continue;
      ops.push(chunkOp(chunkId, chunk.entries.values(), chunk.quarantined, written));
    }
    return {
      ops,
      commit: () => {
        this.#written = Math.max(this.#written, written);
        for (const chunkId of chunkIds) {
          const chunk = this.#chunks.get(chunkId);
          if (!chunk) continue;
          for (const id of chunk.stale) this.#unmarkStale(chunkId, id);
          this.#chunks.set(chunkId, { ...chunk, written, form: CHUNK_FORM, stale: new Set() });
        }
      },
    };
  }

  #unmarkStale(chunkId: string, id: string): void {
    const holders = this.#staleIn.get(id);
    holders?.delete(chunkId);
    if (holders?.size === 0) this.#staleIn.delete(id);
  }
}
