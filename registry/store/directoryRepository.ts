import { PointOfContactSchema, type PointOfContact } from '../../shared/directory/model';
import { canonicalJson } from '../../shared/encoding/canonicalJson';
import type { EntryChange } from '../../shared/registry/protocol';
import type { RegistryDatabase } from './database';

interface EntryRow {
  id: string;
  state: string;
  role: string;
  revision: number;
  seq: number;
  deleted: number;
  json: string;
}

const toChange = (row: EntryRow): EntryChange =>
  row.deleted
    ? { seq: row.seq, op: 'delete', id: row.id }
    : { seq: row.seq, op: 'put', entry: PointOfContactSchema.parse(JSON.parse(row.json)) };

/**
 * The directory and its change feed. Every write takes the next sequence number from `meta.head`
 * inside the same transaction, so the feed is gap-free per commit and never goes backwards.
 */
export class DirectoryRepository {
  readonly #head;
  readonly #bumpHead;
  readonly #since;
  readonly #get;
  readonly #upsert;
  readonly #counts;
  readonly #byFingerprint;
  readonly #range;

  constructor(readonly db: RegistryDatabase) {
    this.#head = db.prepare<[], { value: string }>("SELECT value FROM meta WHERE key = 'head'");
    this.#bumpHead = db.prepare<[], { value: string }>(
      "UPDATE meta SET value = CAST(value AS INTEGER) + 1 WHERE key = 'head' RETURNING value",
    );
    this.#since = db.prepare<[number, number], EntryRow>(
      'SELECT * FROM entries WHERE seq > ? ORDER BY seq LIMIT ?',
    );
    this.#get = db.prepare<[string], EntryRow>('SELECT * FROM entries WHERE id = ?');
    this.#upsert = db.prepare<[string, string, string, number, number, number, string, string | null]>(
      `INSERT INTO entries (id, state, role, revision, seq, deleted, json, fingerprint) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT(id) DO UPDATE SET state = excluded.state, role = excluded.role, revision = excluded.revision,
         seq = excluded.seq, deleted = excluded.deleted, json = excluded.json, fingerprint = excluded.fingerprint`,
    );
    this.#byFingerprint = db.prepare<[string, string], { id: string }>(
      'SELECT id FROM entries WHERE fingerprint = ? AND id != ? AND deleted = 0 LIMIT 1',
    );
    this.#range = db.prepare<[number, number], EntryRow>(
      'SELECT * FROM entries WHERE seq > ? AND seq <= ? ORDER BY seq',
    );
    this.#counts = db.prepare<[], { live: number; tombstones: number }>(
      'SELECT SUM(deleted = 0) AS live, SUM(deleted = 1) AS tombstones FROM entries',
    );
  }

  head(): number {
    return Number(this.#head.get()?.value ?? 0);
  }

  changesSince(since: number, limit: number): EntryChange[] {
    return this.#since.all(since, limit).map(toChange);
  }

  /** The latest change of every entry whose latest change lies in (from, until]: one feed chunk. */
  changesBetween(from: number, until: number): EntryChange[] {
    return this.#range.all(from, until).map(toChange);
  }

  /** Another live entry that publishes this key fingerprint (issue 9 §1: one key, one entry). */
  entryWithFingerprint(fingerprint: string, exceptId: string): string | undefined {
    return this.#byFingerprint.get(fingerprint, exceptId)?.id;
  }

  /** The live entry, or undefined when it never existed or was deleted. */
  get(id: string): PointOfContact | undefined {
    const row = this.#get.get(id);
    if (!row || row.deleted) return undefined;
    return PointOfContactSchema.parse(JSON.parse(row.json));
  }

  /** Writes the entry as given (call inside a transaction with whatever else must land with it). */
  put(entry: PointOfContact): number {
    const seq = this.#nextSeq();
    this.#upsert.run(
      entry.id,
      entry.state,
      entry.role,
      entry.revision,
      seq,
      0,
      canonicalJson(entry),
      entry.openpgp?.fingerprint ?? null,
    );
    return seq;
  }

  delete(id: string): number | undefined {
    const row = this.#get.get(id);
    if (!row || row.deleted) return undefined;
    const seq = this.#nextSeq();
    this.#upsert.run(row.id, row.state, row.role, row.revision, seq, 1, row.json, null);
    return seq;
  }

  /** Replaces or adds many entries in one transaction (admin import, demo seed). */
  importEntries(entries: readonly PointOfContact[]): number {
    const run = this.db.transaction((list: readonly PointOfContact[]) => {
      for (const entry of list) this.put(entry);
    });
    run(entries);
    return entries.length;
  }

  /**
   * A §8 « … confirmer par message qu'ils ont bien reçu la demande du gestionnaire » : a ping
   * answered in time marks the answering POC's own entries (its State and role) as confirmed at
   * `confirmedAt`. Each marked entry gets a new sequence (it travels in the signed feed) but keeps
   * its revision, so an edit the POC began before answering does not meet a false conflict.
   * Call inside the transaction that records the answer. Returns how many entries were marked.
   */
  confirmPing(state: string, role: string, confirmedAt: string): number {
    const rows = this.db
      .prepare<[string, string], EntryRow>(
        'SELECT * FROM entries WHERE state = ? AND role = ? AND deleted = 0 ORDER BY seq',
      )
      .all(state, role);
    for (const row of rows) {
      const entry = PointOfContactSchema.parse(JSON.parse(row.json));
      this.put({ ...entry, lastPingConfirmedAt: confirmedAt });
    }
    return rows.length;
  }

  listLive(): PointOfContact[] {
    return this.#since
      .all(0, Number.MAX_SAFE_INTEGER)
      .filter((row) => !row.deleted)
      .map((row) => PointOfContactSchema.parse(JSON.parse(row.json)));
  }

  counts(): { live: number; tombstones: number; head: number } {
    const row = this.#counts.get();
    return { live: row?.live ?? 0, tombstones: row?.tombstones ?? 0, head: this.head() };
  }

  #nextSeq(): number {
    const row = this.#bumpHead.get();
    if (!row) throw new Error('registry database has no head row');
    return Number(row.value);
  }
}
