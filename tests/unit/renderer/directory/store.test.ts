import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import {
  COMPACT_AFTER_MS,
  deleteEntries,
  directoryKeysLoaded,
  getEntry,
  listEntries,
  putEntries,
  subscribeDirectory,
} from '../../../../renderer/directory/store';
import { CHUNK_COLLECTION, CHUNK_FORM, CHUNK_SIZE } from '../../../../renderer/directory/chunkedDirectory';
import { loadDirectory } from '../../../../renderer/directory/useDirectory';
import { createVault, unlockVault } from '../../../../renderer/vault/vault';
import { RecordReadFailure, type VaultSession } from '../../../../renderer/vault/session';
import type { StoredRecord } from '../../../../renderer/db/database';
import { searchEntries } from '../../../../shared/directory/loadedDirectory';
import type { PointOfContact } from '../../../../shared/directory/model';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const PASS = 'correct horse battery staple';
const dbs: PocDatabase[] = [];
let counter = 0;
function freshDb(): PocDatabase {
  const db = new PocDatabase(`directory-store-test-${counter++}`);
  dbs.push(db);
  return db;
}
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

// Canaries: values that must never appear in clear in what is stored.
const CANARY_NAME = 'Zyxwvutsrq Canaryname';
const CANARY_EMAIL = 'canary.mailbox@canary-test.example';
const CANARY_PHONE = '+41225551234';
const CANARY_ENTITY = 'Qqqcanary Institute';

function canaryEntry(n: number): PointOfContact {
  return {
    id: `canary-entry-${String(n).padStart(4, '0')}`,
    state: 'CHE',
    role: n % 2 ? 'technical' : 'diplomatic',
    kind: 'representative',
    language: 'fr',
    text: { entity: CANARY_ENTITY, personName: CANARY_NAME, notes: 'Fictional canary entry' },
    english: { entity: `${CANARY_ENTITY} (English)` },
    phones: [CANARY_PHONE],
    emails: [CANARY_EMAIL],
    workingLanguages: ['fr', 'en'],
    regionalDirectories: ['OSCE'],
    revision: 1,
    updatedAt: '2026-11-01T10:00:00.000Z',
  };
}

/** Every byte IndexedDB holds for this database, as the strings a forensic scan would look for. */
async function rawDump(db: PocDatabase): Promise<string> {
  const parts: string[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: false });
  const walk = (value: unknown): void => {
    if (value instanceof Uint8Array) parts.push(decoder.decode(value), Buffer.from(value).toString('latin1'));
    else if (typeof value === 'string') parts.push(value);
    else if (Array.isArray(value)) value.forEach(walk);
    else if (value && typeof value === 'object') Object.values(value).forEach(walk);
    else parts.push(String(value));
  };
  for (const table of db.tables) walk(await table.toArray());
  return parts.join('\n');
}

/** The directory's chunk records on disk, by id. */
async function chunksOnDisk(db: PocDatabase) {
  return db.records.where('collection').equals(CHUNK_COLLECTION).toArray();
}

/** A chunk record's two parts, decrypted: the entries (without keys) and the keys. */
async function chunkParts(session: VaultSession, row: StoredRecord) {
  const [read] = await session.decryptManyInParts([row], (value) => value as Record<string, unknown>);
  if (!read || read instanceof RecordReadFailure) throw new Error(`chunk ${row.id} does not read`);
  return { value: read.value, later: (await read.later?.()) as { keys: [string, string][] } | undefined };
}

async function damage(db: PocDatabase, collection: string, id: string): Promise<Uint8Array> {
  const stored = await db.records.get([collection, id]);
  const ct = new Uint8Array(stored!.ct);
  ct[5] = (ct[5] ?? 0) ^ 0xff;
  await db.records.put({ ...stored!, ct });
  return ct;
}

describe('directory store over the vault', () => {
  it('writes, lists, gets and deletes entries, and tells listeners', async () => {
    const session = await createVault(freshDb(), PASS, FAST);
    let changes = 0;
    const stop = subscribeDirectory(() => changes++);
    await putEntries(session, [canaryEntry(1), canaryEntry(2)]);
    expect((await listEntries(session)).entries.map((e) => e.id).sort()).toEqual([
      'canary-entry-0001',
      'canary-entry-0002',
    ]);
    expect((await getEntry(session, 'canary-entry-0001'))?.text.personName).toBe(CANARY_NAME);
    await deleteEntries(session, ['canary-entry-0001']);
    expect(await getEntry(session, 'canary-entry-0001')).toBeUndefined();
    expect(changes).toBe(2);
    stop();
  });

  it('refuses an invalid entry and writes nothing of the batch', async () => {
    const session = await createVault(freshDb(), PASS, FAST);
    const bad = { ...canaryEntry(2), phones: ['0612'] };
    await expect(putEntries(session, [canaryEntry(1), bad])).rejects.toThrow();
    expect((await listEntries(session)).entries).toEqual([]);
  });

  it('stores no name, e-mail, phone, entity text, State or entry id in clear (raw IndexedDB scan: zero hits)', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    await putEntries(
      session,
      Array.from({ length: 20 }, (_, i) => canaryEntry(i)),
    );
    const dump = await rawDump(db);
    expect(dump).toContain(CHUNK_COLLECTION); // the scan does see stored values
    for (const canary of [
      CANARY_NAME,
      'Zyxwvutsrq',
      CANARY_EMAIL,
      'canary-test',
      CANARY_PHONE,
      '225551234',
      CANARY_ENTITY,
      'Qqqcanary',
      'canary-entry',
      'CHE',
    ]) {
      expect(dump.includes(canary), canary).toBe(false);
    }
    // One chunk for 20 entries; in clear only the collection and a random id.
    const rows = await chunksOnDisk(db);
    expect(rows).toHaveLength(1);
    expect(Object.keys(rows[0] ?? {}).sort()).toEqual(['collection', 'ct', 'id', 'iv']);
  });
});

describe('chunked directory storage', () => {
  it('round trip: 1,234 entries in chunks of at most 500, read back whole by the next unlock', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    const entries = Array.from({ length: 1234 }, (_, i) => canaryEntry(i));
    await putEntries(session, entries);
    expect(await chunksOnDisk(db)).toHaveLength(Math.ceil(1234 / CHUNK_SIZE));
    const again = await unlockVault(db, PASS);
    const loaded = await loadDirectory(again);
    expect(loaded.corrupted).toEqual([]);
    expect([...loaded.entries].sort((a, b) => a.id.localeCompare(b.id))).toEqual(entries);
    expect(searchEntries(loaded, 'zyxwvutsrq', 5000)).toHaveLength(1234);
  });

  it('quarantines a damaged chunk: reported, never rewritten, the other chunks load; its entries can come back', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    await putEntries(
      session,
      Array.from({ length: 2 * CHUNK_SIZE }, (_, i) => canaryEntry(i)),
    );
    const [first, second] = await chunksOnDisk(db);
    const damagedCt = await damage(db, CHUNK_COLLECTION, first!.id);
    const again = await unlockVault(db, PASS);
    const loaded = await loadDirectory(again);
    expect(loaded.corrupted).toEqual([first!.id]);
    expect(loaded.entries).toHaveLength(CHUNK_SIZE);
    const lost = (await listEntries(session)).entries.find((e) => !loaded.byId.has(e.id))!;
    // Writes go around the damaged chunk: an update of a readable entry, and an entry that was in it.
    const kept = loaded.entries[0]!;
    await putEntries(again, [
      { ...kept, revision: 2, text: { entity: 'Updated fictional entity' } },
      { ...lost, revision: 2 },
    ]);
    expect((await db.records.get([CHUNK_COLLECTION, first!.id]))?.ct).toEqual(damagedCt);
    const third = await unlockVault(db, PASS);
    const reloaded = await loadDirectory(third);
    expect(reloaded.corrupted).toEqual([first!.id]);
    expect(reloaded.byId.get(kept.id)?.text.entity).toBe('Updated fictional entity');
    expect(reloaded.byId.get(lost.id)?.revision).toBe(2);
    expect(second).toBeDefined();
  });

  it('an authentic entry that breaks the schema is reported and kept as it is when its chunk is rewritten', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    // Written past validation, as a buggy or older build might have: authentic ciphertext.
    const { regionalDirectories: _dropped, ...withoutDefault } = canaryEntry(3);
    const broken = { ...canaryEntry(2), phones: ['not a phone'] };
    await session.writeBatch([
      {
        collection: CHUNK_COLLECTION,
        id: 'chunk-test-1',
        value: {
          entries: [canaryEntry(1), broken, { ...withoutDefault, text: { entity: `  ${CANARY_ENTITY}  ` } }],
        },
      },
      // Another collection's record is never read as a directory entry.
      { collection: 'sync', id: 'state', value: { lastSyncAt: '2026-11-01T10:00:00.000Z' } },
    ]);
    const loaded = await listEntries(session);
    expect(loaded.corrupted).toEqual(['canary-entry-0002']);
    const third = loaded.entries.find((e) => e.id === 'canary-entry-0003');
    expect(third?.text.entity).toBe(CANARY_ENTITY);
    expect(third?.regionalDirectories).toEqual([]);
    expect(loaded.entries.map((e) => e.id)).toEqual(['canary-entry-0001', 'canary-entry-0003']);
    await putEntries(session, [{ ...canaryEntry(1), revision: 2 }]);
    const again = await listEntries(await unlockVault(db, PASS));
    expect(again.corrupted).toEqual(['canary-entry-0002']);
    expect(again.entries.find((e) => e.id === 'canary-entry-0001')?.revision).toBe(2);
  });

  it('updates the loaded directory and its index in place; an update writes a small chunk, a delete its own', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    await putEntries(
      session,
      Array.from({ length: 3 * CHUNK_SIZE }, (_, i) => canaryEntry(i)),
    );
    const before = await loadDirectory(session);
    const rowsBefore = await chunksOnDisk(db);
    const reads = vi.spyOn(db.records, 'where');
    const changed = { ...canaryEntry(7), revision: 2, text: { entity: 'Renamed fictional office' } };
    await putEntries(session, [changed]);
    // The update is written as one new small chunk; the 500-entry chunk keeps its old copy (stale).
    const rowsAfterPut = await chunksOnDisk(db);
    expect(changedRows(rowsBefore, rowsAfterPut)).toEqual([]);
    expect(rowsAfterPut).toHaveLength(rowsBefore.length + 1);
    await deleteEntries(session, ['canary-entry-0008']);
    const after = await loadDirectory(session);
    expect(reads).toHaveBeenCalledTimes(1); // the test's own read only: the store read nothing back
    reads.mockRestore();
    expect(after).not.toBe(before);
    expect(after.version).toBeGreaterThan(before.version);
    expect(after.entries).toHaveLength(3 * CHUNK_SIZE - 1);
    expect(after.entries.findIndex((e) => e.id === changed.id)).toBe(
      before.entries.findIndex((e) => e.id === changed.id),
    );
    expect(searchEntries(after, 'renamed').map((e) => e.id)).toEqual([changed.id]);
    expect(searchEntries(after, 'zyxwvutsrq', 5000)).toHaveLength(3 * CHUNK_SIZE - 2);
    // The delete rewrites the chunk that held entry 8 (and the stale copy of 7), nothing else.
    expect(changedRows(rowsAfterPut, await chunksOnDisk(db))).toHaveLength(1);
    // The next unlock reads the same directory from disk: the later copy of 7 wins.
    const fresh = await loadDirectory(await unlockVault(db, PASS));
    expect(fresh.byId.get(changed.id)).toEqual(changed);
    expect(fresh.byId.has('canary-entry-0008')).toBe(false);
    expect(fresh.entries).toHaveLength(3 * CHUNK_SIZE - 1);
  });

  it('a 1 % delta writes ~1 % of the directory; stale copies never win, are bounded, and a delete removes them', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    const size = 4 * CHUNK_SIZE;
    await putEntries(
      session,
      Array.from({ length: size }, (_, i) => canaryEntry(i)),
    );
    const bytes = async () => (await chunksOnDisk(db)).reduce((n, r) => n + r.ct.byteLength, 0);
    const full = await bytes();
    let expected = Array.from({ length: size }, (_, i) => canaryEntry(i));
    for (let round = 1; round <= 40; round++) {
      const rowsBefore = await chunksOnDisk(db);
      // 1 % of the entries, spread over every chunk, as a registry delta is.
      const delta = expected
        .filter((_, i) => i % 100 === round % 100)
        .map((e) => ({
          ...e,
          revision: e.revision + 1,
          text: { ...e.text, notes: `Fictional change ${round}` },
        }));
      await putEntries(session, delta);
      expected = expected.map((e) => delta.find((d) => d.id === e.id) ?? e);
      const rowsAfter = await chunksOnDisk(db);
      const written = rowsAfter.filter(
        (r) => !rowsBefore.some((b) => b.id === r.id && sameBytes(b.ct, r.ct)),
      );
      // The early rounds write one small chunk only; later a chunk at its stale limit is rewritten.
      if (round <= 10) expect(written).toHaveLength(1);
    }
    // Stale copies cost at most STALE_LIMIT per chunk on disk.
    expect(await bytes()).toBeLessThan(full * 1.5);
    const gone = expected[3]!.id;
    await deleteEntries(session, [gone]);
    expected = expected.filter((e) => e.id !== gone);
    const fresh = await loadDirectory(await unlockVault(db, PASS));
    expect(fresh.corrupted).toEqual([]);
    expect([...fresh.entries].sort((a, b) => a.id.localeCompare(b.id))).toEqual(expected);
    expect(fresh.byId.has(gone)).toBe(false);
  });

  it('fails with "locked" (not a quarantine) when the vault is locked', async () => {
    const session = await createVault(freshDb(), PASS, FAST);
    await putEntries(session, [canaryEntry(1)]);
    session.lock();
    await expect(loadDirectory(session)).rejects.toMatchObject({ code: 'locked' });
  });
});

/** Records of `after` whose bytes differ from the record of the same id in `before` (new ones excluded). */
function changedRows(before: StoredRows, after: StoredRows): StoredRows {
  const old = new Map(before.map((r) => [r.id, r.ct]));
  return after.filter((r) => old.has(r.id) && !sameBytes(old.get(r.id), r.ct));
}
type StoredRows = Awaited<ReturnType<typeof chunksOnDisk>>;

function sameBytes(a: Uint8Array | undefined, b: Uint8Array): boolean {
  return a !== undefined && a.length === b.length && a.every((byte, i) => byte === b[i]);
}

describe('migration of per-entry records (version 1) into chunks', () => {
  it('strips the clear State and role on upgrade, then moves readable entries into chunks at the first load', async () => {
    const name = `directory-store-test-${counter++}`;
    const source = new PocDatabase(`${name}-source`);
    const session = await createVault(source, PASS, FAST);
    const legacy = Array.from({ length: 30 }, (_, i) => canaryEntry(i));
    await session.writeBatch([
      ...legacy.map((entry) => ({
        collection: 'directory' as const,
        id: entry.id,
        value: entry,
        index: { state: entry.state, role: entry.role, updatedAt: entry.updatedAt },
      })),
      {
        collection: 'directory',
        id: 'canary-entry-0099',
        value: { ...canaryEntry(99), emails: ['not an e-mail'] },
        index: { state: 'CHE' },
      },
    ]);
    const header = await source.vault.toArray();
    const records = await source.records.toArray();
    await source.delete();
    // A database as version 1 of the app left it.
    const v1 = new Dexie(name);
    v1.version(1).stores({
      vault: 'key',
      records: '[collection+id], collection, [collection+state], [collection+role], [collection+updatedAt]',
    });
    await v1.table('vault').bulkPut(header);
    await v1.table('records').bulkPut(records);
    v1.close();

    const db = new PocDatabase(name);
    dbs.push(db);
    await db.open();
    const upgraded = await db.records.where('collection').equals('directory').toArray();
    expect(upgraded).toHaveLength(31);
    expect(
      upgraded.every((r) => r.state === undefined && r.role === undefined && r.updatedAt === undefined),
    ).toBe(true);
    const damagedCt = await damage(db, 'directory', 'canary-entry-0005');

    const loaded = await loadDirectory(await unlockVault(db, PASS));
    expect(loaded.entries.map((e) => e.id).sort()).toEqual(
      legacy.map((e) => e.id).filter((id) => id !== 'canary-entry-0005'),
    );
    expect(loaded.corrupted).toEqual(['canary-entry-0005', 'canary-entry-0099']);
    // Moved: the readable per-entry records are gone, the damaged and the invalid ones stay as they were.
    const left = await db.records.where('collection').equals('directory').toArray();
    expect(left.map((r) => r.id).sort()).toEqual(['canary-entry-0005', 'canary-entry-0099']);
    expect(left.find((r) => r.id === 'canary-entry-0005')?.ct).toEqual(damagedCt);
    expect(await chunksOnDisk(db)).toHaveLength(1);
    const next = await loadDirectory(await unlockVault(db, PASS));
    expect(next.entries).toHaveLength(29);
    expect(next.corrupted).toEqual(['canary-entry-0005', 'canary-entry-0099']);
  });
});

/** Runs `run` with setTimeout faked (the background rewrite waits COMPACT_AFTER_MS). */
async function withFakeTimeouts(run: () => Promise<void>): Promise<void> {
  vi.useFakeTimers({ toFake: ['setTimeout'] });
  try {
    await run();
  } finally {
    vi.useRealTimers();
  }
}

/** A new vault and two chunks' worth of canary entries (not yet stored). */
async function twoChunksOfEntries() {
  const db = freshDb();
  const session = await createVault(db, PASS, FAST);
  const entries = Array.from({ length: 2 * CHUNK_SIZE }, (_, i) => canaryEntry(i));
  return { db, session, entries };
}

const byId = (entries: readonly PointOfContact[]) => [...entries].sort((a, b) => a.id.localeCompare(b.id));

describe('migration of chunks of the first chunked form into compressed, stamped chunks', () => {
  it('reads uncompressed chunks as they are, rewrites them once in the background, and reads the same back', async () => {
    await withFakeTimeouts(async () => {
      const { db, session, entries } = await twoChunksOfEntries();
      // Two chunks as the first chunked version wrote them: plain JSON, no write stamp.
      await session.writeBatch([
        { collection: CHUNK_COLLECTION, id: 'chunk-old-1', value: { entries: entries.slice(0, CHUNK_SIZE) } },
        { collection: CHUNK_COLLECTION, id: 'chunk-old-2', value: { entries: entries.slice(CHUNK_SIZE) } },
      ]);
      const before = await chunksOnDisk(db);
      const opened = await unlockVault(db, PASS);
      const loaded = await loadDirectory(opened);
      expect(byId(loaded.entries)).toEqual(entries);
      expect(changedRows(before, await chunksOnDisk(db))).toEqual([]); // nothing written by the load
      await vi.advanceTimersByTimeAsync(COMPACT_AFTER_MS);
      await vi.waitFor(async () => expect(changedRows(before, await chunksOnDisk(db))).toHaveLength(2));
      const after = await chunksOnDisk(db);
      const bytes = (rows: StoredRows) => rows.reduce((n, r) => n + r.ct.byteLength, 0);
      expect(bytes(after)).toBeLessThan(bytes(before) / 2); // compressed before encryption
      expect(await rawDump(db)).not.toContain(CANARY_NAME);
      const again = await loadDirectory(await unlockVault(db, PASS));
      expect(byId(again.entries)).toEqual(entries);
      expect(again.corrupted).toEqual([]);
    });
  });

  it('checks every entry of a chunk of an earlier form; its rewrite keeps the refused value apart, still reported', async () => {
    await withFakeTimeouts(async () => {
      const { db, session, entries } = await twoChunksOfEntries();
      const broken = { ...canaryEntry(9_999), phones: ['not a phone'] };
      await session.writeBatch([
        {
          collection: CHUNK_COLLECTION,
          id: 'chunk-form-2',
          // As the build before form 3 wrote it: valid entries and a refused value side by side.
          value: { entries: [...entries.slice(0, 3), broken], written: 1, form: 2 },
          compress: true,
        },
      ]);
      const loaded = await loadDirectory(await unlockVault(db, PASS));
      expect(loaded.corrupted).toEqual([broken.id]);
      expect(byId(loaded.entries)).toEqual(entries.slice(0, 3));
      await vi.advanceTimersByTimeAsync(COMPACT_AFTER_MS);
      await vi.waitFor(async () => {
        const opened = await unlockVault(db, PASS);
        const row = (await chunksOnDisk(db))[0];
        const { value } = await chunkParts(opened, row!);
        expect(value).toMatchObject({ form: CHUNK_FORM, quarantined: [broken] });
        expect(value.entries).toHaveLength(3);
      });
      // The next build's load takes the entries as written and still reports the refused value.
      const again = await loadDirectory(await unlockVault(db, PASS));
      expect(again.corrupted).toEqual([broken.id]);
      expect(byId(again.entries)).toEqual(entries.slice(0, 3));
    });
  });

  it('rewrites once the compressed chunks of the form before ASCII escaping, and leaves current chunks alone', async () => {
    await withFakeTimeouts(async () => {
      const { db, session, entries } = await twoChunksOfEntries();
      await session.writeBatch([
        // As the previous version wrote it: compressed and stamped, with no form marker.
        {
          collection: CHUNK_COLLECTION,
          id: 'chunk-utf8',
          value: { entries: entries.slice(0, CHUNK_SIZE), written: 1 },
          compress: true,
        },
        {
          collection: CHUNK_COLLECTION,
          id: 'chunk-current',
          value: { entries: entries.slice(CHUNK_SIZE), written: 1, form: CHUNK_FORM },
          compress: true,
        },
      ]);
      const before = await chunksOnDisk(db);
      const loaded = await loadDirectory(await unlockVault(db, PASS));
      expect(loaded.entries).toHaveLength(2 * CHUNK_SIZE);
      await vi.advanceTimersByTimeAsync(COMPACT_AFTER_MS);
      await vi.waitFor(async () =>
        expect(changedRows(before, await chunksOnDisk(db)).map((r) => r.id)).toEqual(['chunk-utf8']),
      );
      // Rewritten once: the next load finds nothing of an earlier form and writes nothing.
      const rewritten = await chunksOnDisk(db);
      const again = await loadDirectory(await unlockVault(db, PASS));
      await vi.advanceTimersByTimeAsync(COMPACT_AFTER_MS * 2);
      expect(changedRows(rewritten, await chunksOnDisk(db))).toEqual([]);
      expect(byId(again.entries)).toEqual(entries);
    });
  });
});

describe('public keys stored after the entries (chunk form 4)', () => {
  const keyOf = (n: number) =>
    `-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nCANARYKEY${String(n).padStart(4, '0')}/fictional\n-----END PGP PUBLIC KEY BLOCK-----`;
  const keyed = (n: number): PointOfContact => ({
    ...canaryEntry(n),
    openpgp: {
      fingerprint: (n.toString(16).toUpperCase() + 'A'.repeat(40)).slice(0, 40),
      publicKey: keyOf(n),
    },
  });

  it('a load shows the entries first, then every key comes back; the first part of a chunk holds no key', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    const entries = [...Array.from({ length: CHUNK_SIZE + 20 }, (_, i) => keyed(i)), canaryEntry(9_000)];
    await putEntries(session, entries);
    for (const row of await chunksOnDisk(db)) {
      const { value, later } = await chunkParts(session, row);
      expect(JSON.stringify(value)).not.toContain('CANARYKEY');
      expect(value.form).toBe(CHUNK_FORM);
      expect(later?.keys.length).toBe((value.entries as PointOfContact[]).filter((e) => e.openpgp).length);
    }
    const opened = await unlockVault(db, PASS);
    const loaded = await loadDirectory(opened);
    expect(loaded.entries).toHaveLength(entries.length);
    // The fingerprint is there at once (lists, pins and labels use it); the key follows.
    expect(loaded.byId.get('canary-entry-0007')?.openpgp?.fingerprint).toBe(keyed(7).openpgp?.fingerprint);
    await directoryKeysLoaded(opened);
    expect(byId((await loadDirectory(opened)).entries)).toEqual(byId(entries));
    expect(loaded.byId.get('canary-entry-0007')?.openpgp?.publicKey).toBe(keyOf(7)); // the same objects
  });

  it('a write right after a load waits for the keys: none is lost on disk', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    const entries = Array.from({ length: CHUNK_SIZE }, (_, i) => keyed(i));
    await putEntries(session, entries);
    const opened = await unlockVault(db, PASS);
    await loadDirectory(opened);
    // Deletes rewrite the chunk the entries sit in, from memory, keys included.
    await deleteEntries(opened, ['canary-entry-0001']);
    await putEntries(opened, [{ ...keyed(2), revision: 2 }]);
    const reopened = await unlockVault(db, PASS);
    const again = await listEntries(reopened);
    await directoryKeysLoaded(reopened);
    const expected = entries
      .filter((e) => e.id !== 'canary-entry-0001')
      .map((e) => (e.id === 'canary-entry-0002' ? { ...e, revision: 2 } : e));
    expect(byId(again.entries)).toEqual(byId(expected));
  });

  it('reads a chunk of form 3 (keys inline) with its keys at once and rewrites it with its keys apart', async () => {
    await withFakeTimeouts(async () => {
      const db = freshDb();
      const session = await createVault(db, PASS, FAST);
      const entries = Array.from({ length: 10 }, (_, i) => keyed(i));
      await session.writeBatch([
        {
          collection: CHUNK_COLLECTION,
          id: 'chunk-form-3',
          value: { entries, quarantined: [], written: 1, form: 3 },
          compress: true,
        },
      ]);
      const loaded = await loadDirectory(await unlockVault(db, PASS));
      expect(byId(loaded.entries)).toEqual(entries);
      await vi.advanceTimersByTimeAsync(COMPACT_AFTER_MS);
      await vi.waitFor(async () => {
        const { value, later } = await chunkParts(session, (await chunksOnDisk(db))[0]!);
        expect(value.form).toBe(CHUNK_FORM);
        expect(later?.keys).toEqual(entries.map((e) => [e.id, e.openpgp?.publicKey]));
      });
    });
  });

  it('a key part that does not read is reported; the entries still list, without a key to seal to', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    const entries = Array.from({ length: 3 }, (_, i) => keyed(i));
    const stripped = entries.map((e) => ({ ...e, openpgp: { fingerprint: e.openpgp!.fingerprint } }));
    await session.writeBatch([
      {
        collection: CHUNK_COLLECTION,
        id: 'chunk-bad-keys',
        value: { entries: stripped, quarantined: [], written: 1, form: CHUNK_FORM },
        later: { notKeys: true }, // authentic, but not what a chunk's second part holds
        compress: true,
      },
    ]);
    const opened = await unlockVault(db, PASS);
    expect((await loadDirectory(opened)).entries).toHaveLength(3);
    await directoryKeysLoaded(opened);
    const loaded = await loadDirectory(opened);
    expect(loaded.corrupted).toEqual(['chunk-bad-keys']);
    expect(loaded.entries.every((e) => e.openpgp && e.openpgp.publicKey === undefined)).toBe(true);
  });
});
