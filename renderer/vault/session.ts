import { createContext, useContext } from 'react';
import type { z } from 'zod';
import { decryptRecord, decryptRecordParts, encryptRecord } from '../../shared/vault/recordCipher';
import { VaultError } from '../../shared/vault/errors';
import { deriveLookupKey, lookupHash, type LookupKey, type LookupKind } from '../../shared/vault/lookupKey';
import type { PocDatabase, StoredRecord } from '../db/database';
import type { CollectionName } from './collections';
import { DamagedRecords, QUARANTINE_COLLECTION, quarantineId } from './damagedRecords';

/** Index fields stored in clear next to a record. Only values that identify nobody. */
export interface RecordIndex {
  state?: string;
  role?: string;
  updatedAt?: string;
}

/**
 * A record id made from a counterpart's POC id (or State, role): written as `prefix` + its keyed hash
 * (VaultSession.lookupId), never in clear. Lets a synchronous op builder (e.g. a key pin) name the
 * record; writeBatch resolves it.
 */
export interface LookupRecordId {
  prefix: string;
  kind: LookupKind;
  value: string;
}

export type BatchOp =
  | {
      collection: CollectionName;
      id: string | LookupRecordId;
      value: unknown;
      index?: RecordIndex;
      /** Compressed before encryption (directory chunks only: see shared/vault/recordCipher.ts). */
      compress?: boolean;
      /** A second part, compressed, that a reader takes after `value` (directory chunks only). */
      later?: unknown;
    }
  | { collection: CollectionName; id: string | LookupRecordId; delete: true };

export interface ListedRecords<T> {
  items: { id: string; value: T }[];
  /** Records that failed authentication or their schema: reported, left untouched on disk. */
  corrupted: string[];
}

export interface EncryptedCollection<T> {
  get(id: string): Promise<T | undefined>;
  list(): Promise<ListedRecords<T>>;
  listWhere(index: 'state' | 'role', value: string): Promise<ListedRecords<T>>;
  put(id: string, value: T, index?: RecordIndex): Promise<void>;
  delete(id: string): Promise<void>;
  count(): Promise<number>;
}

/** A batch encrypted and ready to be written (VaultSession.sealBatch). */
export interface SealedBatch {
  puts: StoredRecord[];
  deletes: [string, string][];
}

/** The keys a seal was started with; null once locked (an id in clear or a delete needs none). */
interface SealingKeys {
  key: CryptoKey | null;
  lookupKey: LookupKey | null;
}

async function sealedId(keys: SealingKeys, id: string | LookupRecordId): Promise<string> {
  if (typeof id === 'string') return id;
  if (!keys.lookupKey) throw new VaultError('locked');
  return `${id.prefix}${await lookupHash(keys.lookupKey, id.kind, id.value)}`;
}

async function sealOp(keys: SealingKeys, op: Extract<BatchOp, { value: unknown }>): Promise<StoredRecord> {
  if (!keys.key) throw new VaultError('locked');
  const id = await sealedId(keys, op.id);
  const blob = await encryptRecord(keys.key, op.collection, id, op.value, {
    compress: op.compress ?? false,
    ...(op.later === undefined ? {} : { later: op.later }),
  });
  return { collection: op.collection, id, ...op.index, iv: blob.iv, ct: blob.ct };
}

/** A record that decryptManyWith could not read; `error` is what decryptStoredWith would have thrown. */
export class RecordReadFailure {
  constructor(readonly error: VaultError) {}
}

const corruptedRead = (stored: StoredRecord | undefined) =>
  new RecordReadFailure(new VaultError('record-corrupted', `${stored?.collection}/${stored?.id}`));

/**
 * An unlocked vault: the data key lives only here, in memory, as a non-extractable CryptoKey.
 * Writes encrypt first and only then open one IndexedDB transaction (an await on WebCrypto inside a
 * transaction would let IndexedDB commit it early), so a batch lands whole or not at all.
 */
export class VaultSession {
  #key: CryptoKey | null;
  #lookupKey: LookupKey | null;
  /** Damaged records met in this session: reported, never silently left out (issue 9 §6). */
  readonly damaged = new DamagedRecords();

  constructor(
    readonly db: PocDatabase,
    key: CryptoKey,
    lookupKey: LookupKey,
  ) {
    this.#key = key;
    this.#lookupKey = lookupKey;
  }

  /** A session for an unwrapped data key; the caller wipes `raw` afterwards. */
  static async open(
    db: PocDatabase,
    vault: { key: CryptoKey; raw: Uint8Array<ArrayBuffer> },
  ): Promise<VaultSession> {
    return new VaultSession(db, vault.key, await deriveLookupKey(vault.raw));
  }

  /**
   * The keyed hash to use wherever a counterpart's POC id, State or role would serve as a record id
   * or clear index (shared/vault/lookupKey.ts): stable within this vault, meaningless without its key.
   */
  async lookupId(kind: LookupKind, value: string): Promise<string> {
    if (!this.#lookupKey) throw new VaultError('locked');
    return lookupHash(this.#lookupKey, kind, value);
  }

  get isLocked(): boolean {
    return this.#key === null;
  }

  /** Forgets the key; every later call fails with VaultError('locked'). */
  lock(): void {
    this.#key = null;
    this.#lookupKey = null;
  }

  private requireKey(): CryptoKey {
    if (!this.#key) throw new VaultError('locked');
    return this.#key;
  }

  /** The stored id of a record: as given, or prefix + keyed hash for a LookupRecordId. */
  async recordId(id: string | LookupRecordId): Promise<string> {
    return typeof id === 'string' ? id : `${id.prefix}${await this.lookupId(id.kind, id.value)}`;
  }

  async encryptOp(op: Extract<BatchOp, { value: unknown }>): Promise<StoredRecord> {
    return sealOp(this.#keysNow(), op);
  }

  /** The keys as they are now, for work that goes on across awaits: a lock meanwhile does not stop it. */
  #keysNow(): SealingKeys {
    return { key: this.#key, lookupKey: this.#lookupKey };
  }

  /**
   * Encrypts a batch with the keys of the moment it is called (taken before its first await) and
   * returns it for writeSealed. A save queued behind others, like a draft saved on every keystroke,
   * is sealed as it is typed and written in its turn: a lock a moment later no longer loses the last
   * keystrokes (issue 9 §6).
   */
  async sealBatch(ops: readonly BatchOp[]): Promise<SealedBatch> {
    const keys = this.#keysNow();
    const puts: StoredRecord[] = [];
    const deletes: [string, string][] = [];
    for (const op of ops) {
      if ('delete' in op) deletes.push([op.collection, await sealedId(keys, op.id)]);
      else puts.push(await sealOp(keys, op));
    }
    return { puts, deletes };
  }

  /** Encrypts and writes a batch, whole or not at all; a lock while it encrypts stops it (nothing written). */
  async writeBatch(ops: readonly BatchOp[]): Promise<void> {
    const puts: StoredRecord[] = [];
    const deletes: [string, string][] = [];
    for (const op of ops) {
      if ('delete' in op) deletes.push([op.collection, await this.recordId(op.id)]);
      else puts.push(await this.encryptOp(op));
    }
    return this.writeSealed({ puts, deletes });
  }

  /** The writes queued with writeInTurn, one after another. */
  #writes: Promise<void> = Promise.resolve();

  /**
   * Writes sealed batches one after another, in the order they were given: a draft saved on every
   * keystroke seals each change at once (sealBatch) and queues it here. The vault gate waits for
   * settled() after a lock, so the next unlock reads every keystroke typed before it.
   */
  writeInTurn(sealed: Promise<SealedBatch>): Promise<void> {
    sealed.catch(() => undefined); // reported in turn, below; not an unhandled rejection meanwhile
    const written = this.#writes.then(() => sealed).then((batch) => this.writeSealed(batch));
    this.#writes = written.catch(() => undefined);
    return written;
  }

  /** Resolves once every write queued with writeInTurn so far has landed (or failed). */
  settled(): Promise<void> {
    return this.#writes;
  }

  /** Writes a sealed batch in one transaction; needs no key, so it lands even after a lock. */
  async writeSealed({ puts, deletes }: SealedBatch): Promise<void> {
    // A damaged record about to be replaced or deleted is first copied aside, raw, into quarantine.
    const doomed = [...deletes, ...puts.map((p): [string, string] => [p.collection, p.id])].filter(
      ([c, id]) => this.damaged.has(c, id),
    );
    const at = new Date().toISOString();
    await this.db.transaction('rw', this.db.records, async () => {
      for (const [collection, id] of doomed) {
        const raw = await this.db.records.get([collection, id]);
        if (raw)
          await this.db.records.put({
            collection: QUARANTINE_COLLECTION,
            id: quarantineId(collection, id, at),
            iv: raw.iv,
            ct: raw.ct,
          });
      }
      if (deletes.length) await this.db.records.bulkDelete(deletes);
      if (puts.length) await this.db.records.bulkPut(puts);
    });
    for (const [collection, id] of doomed) this.damaged.settle(collection, id);
  }

  /** How many damaged records were moved aside into quarantine (in this or an earlier session). */
  quarantinedCount(): Promise<number> {
    return this.db.records.where('collection').equals(QUARANTINE_COLLECTION).count();
  }

  async decryptStored<T>(stored: StoredRecord, schema: z.ZodType<T>): Promise<T> {
    return this.decryptStoredWith(stored, (value) => {
      const parsed = schema.safeParse(value);
      return parsed.success ? parsed.data : null;
    });
  }

  /**
   * Like decryptStored, but validation is the caller's: `read` returns the value to use, or null
   * when the value breaks its schema (the record is then reported as 'record-corrupted', like a
   * failed authentication). For a caller with a cheaper check than a zod parse
   * (renderer/directory/readEntry.ts).
   */
  async decryptStoredWith<T>(stored: StoredRecord, read: (value: unknown) => T | null): Promise<T> {
    let value: unknown;
    try {
      value = await decryptRecord(this.requireKey(), stored.collection, stored.id, stored);
    } catch (error) {
      if (error instanceof VaultError) throw error;
      throw new VaultError('record-corrupted', `${stored.collection}/${stored.id}`);
    }
    const checked = read(value);
    if (checked === null) throw new VaultError('record-corrupted', `${stored.collection}/${stored.id}`);
    return checked;
  }

  /**
   * decryptStoredWith for many records at once, in their order: each slot holds the value `read`
   * returned, or a RecordReadFailure carrying the error decryptStoredWith would have thrown
   * ('record-corrupted' for a failed authentication or a null from `read`). One promise per record
   * instead of an async function per record: at 10,000 directory entries the promise plumbing cost
   * about as much as the AES-GCM itself (renderer/directory/store.ts; tests/bench/directory.bench.ts).
   * A record stored in two parts is refused here, as by decryptRecord: read it with decryptManyInParts.
   */
  async decryptManyWith<T>(
    rows: readonly StoredRecord[],
    read: (value: unknown) => T | null,
  ): Promise<(T | RecordReadFailure)[]> {
    const reads = await this.decryptManyInParts(rows, read);
    return reads.map((result, i) => {
      if (result instanceof RecordReadFailure) return result;
      return result.later ? corruptedRead(rows[i]) : result.value;
    });
  }

  /**
   * decryptManyWith for records that may be stored in two parts (shared/vault/recordCipher.ts):
   * `read` sees the first part; `later` reads the second when asked (null when there is none). A
   * second part that fails to read rejects with 'record-corrupted'.
   */
  decryptManyInParts<T>(
    rows: readonly StoredRecord[],
    read: (value: unknown) => T | null,
  ): Promise<({ value: T; later: (() => Promise<unknown>) | null } | RecordReadFailure)[]> {
    const key = this.requireKey();
    return Promise.all(
      rows.map((stored) =>
        decryptRecordParts(key, stored.collection, stored.id, stored).then(
          ({ value, later }) => {
            const checked = read(value);
            if (checked === null) return corruptedRead(stored);
            const second = later
              ? () =>
                  later().catch(() => {
                    throw corruptedRead(stored).error;
                  })
              : null;
            return { value: checked, later: second };
          },
          (error: unknown) =>
            error instanceof VaultError ? new RecordReadFailure(error) : corruptedRead(stored),
        ),
      ),
    );
  }

  private async decryptAll<T>(rows: StoredRecord[], schema: z.ZodType<T>): Promise<ListedRecords<T>> {
    const items: { id: string; value: T }[] = [];
    const corrupted: string[] = [];
    for (const row of rows) {
      try {
        items.push({ id: row.id, value: await this.decryptStored(row, schema) });
      } catch (error) {
        if (error instanceof VaultError && error.code === 'record-corrupted') {
          corrupted.push(row.id);
          this.damaged.report(row.collection, row.id);
        } else throw error;
      }
    }
    return { items, corrupted };
  }

  collection<T>(name: CollectionName, schema: z.ZodType<T>): EncryptedCollection<T> {
    const table = this.db.records;
    return {
      get: async (id) => {
        const stored = await table.get([name, id]);
        if (!stored) return undefined;
        try {
          return await this.decryptStored(stored, schema);
        } catch (error) {
          if (error instanceof VaultError && error.code === 'record-corrupted') this.damaged.report(name, id);
          throw error;
        }
      },
      list: async () => this.decryptAll(await table.where('collection').equals(name).toArray(), schema),
      listWhere: async (index, value) =>
        this.decryptAll(await table.where(`[collection+${index}]`).equals([name, value]).toArray(), schema),
      put: (id, value, index) => this.writeBatch([{ collection: name, id, value, index }]),
      delete: (id) => this.writeBatch([{ collection: name, id, delete: true }]),
      count: () => table.where('collection').equals(name).count(),
    };
  }
}

export const VaultSessionContext = createContext<VaultSession | null>(null);

/** The unlocked vault. Only areas rendered inside the VaultGate call this. */
export function useVaultSession(): VaultSession {
  const session = useContext(VaultSessionContext);
  if (!session) throw new VaultError('locked');
  return session;
}
