import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import { deleteEntries, getEntry, listEntries, putEntries, subscribeDirectory } from '../../../../renderer/directory/store';
import { loadDirectory } from '../../../../renderer/directory/useDirectory';
import { createVault, unlockVault } from '../../../../renderer/vault/vault';
import { indexDirectory, searchEntries } from '../../../../shared/directory/loadedDirectory';
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

describe('directory store over the vault', () => {
  it('writes, lists, gets and deletes entries, and tells listeners', async () => {
    const session = await createVault(freshDb(), PASS, FAST);
    let changes = 0;
    const stop = subscribeDirectory(() => changes++);
    await putEntries(session, [canaryEntry(1), canaryEntry(2)]);
    expect((await listEntries(session)).entries.map((e) => e.id).sort()).toEqual(['canary-entry-0001', 'canary-entry-0002']);
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

  it('stores no name, e-mail, phone or entity text in clear (raw IndexedDB scan: zero hits)', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    await putEntries(session, Array.from({ length: 20 }, (_, i) => canaryEntry(i)));
    const dump = await rawDump(db);
    expect(dump).toContain('CHE'); // the clear index is there, so the scan does see stored values
    for (const canary of [CANARY_NAME, 'Zyxwvutsrq', CANARY_EMAIL, 'canary-test', CANARY_PHONE, '225551234', CANARY_ENTITY, 'Qqqcanary']) {
      expect(dump.includes(canary), canary).toBe(false);
    }
    // Index fields are only the opaque id, State, role and update time.
    const row = await db.records.get(['directory', 'canary-entry-0001']);
    expect(Object.keys(row ?? {}).sort()).toEqual(['collection', 'ct', 'id', 'iv', 'role', 'state', 'updatedAt']);
  });

  it('quarantines a damaged record, loads the rest, and leaves the damaged one untouched', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    await putEntries(session, [canaryEntry(1), canaryEntry(2), canaryEntry(3)]);
    const stored = await db.records.get(['directory', 'canary-entry-0002']);
    const ct = new Uint8Array(stored!.ct);
    ct[5] = (ct[5] ?? 0) ^ 0xff;
    await db.records.put({ ...stored!, ct });
    const again = await unlockVault(db, PASS);
    const loaded = await loadDirectory(again);
    expect(loaded.corrupted).toEqual(['canary-entry-0002']);
    expect(loaded.entries.map((e) => e.id).sort()).toEqual(['canary-entry-0001', 'canary-entry-0003']);
    expect(searchEntries(loaded, 'zyxwvutsrq').length).toBe(2);
    expect((await db.records.get(['directory', 'canary-entry-0002']))?.ct).toEqual(ct);
  });

  it('quarantines an authentic record that breaks the schema, and reads a valid non-canonical one through zod', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    await putEntries(session, [canaryEntry(1)]);
    // Written past directoryPutOps' validation, as a buggy or older build might have: authentic ciphertext.
    const { regionalDirectories: _dropped, ...withoutDefault } = canaryEntry(3);
    await session.writeBatch([
      { collection: 'directory', id: 'canary-entry-0002', value: { ...canaryEntry(2), phones: ['not a phone'] } },
      { collection: 'directory', id: 'canary-entry-0003', value: { ...withoutDefault, text: { entity: `  ${CANARY_ENTITY}  ` } } },
      // Another collection's record is never read as a directory entry.
      { collection: 'sync', id: 'state', value: { lastSyncAt: '2026-11-01T10:00:00.000Z' } },
    ]);
    const loaded = await listEntries(session);
    expect(loaded.corrupted).toEqual(['canary-entry-0002']);
    const third = loaded.entries.find((e) => e.id === 'canary-entry-0003');
    expect(third?.text.entity).toBe(CANARY_ENTITY);
    expect(third?.regionalDirectories).toEqual([]);
    expect(loaded.entries.map((e) => e.id)).toEqual(['canary-entry-0001', 'canary-entry-0003']);
  });
});

describe('loadDirectory (decrypt, check and index in one pass)', () => {
  it('gives the same entries, order, quarantine and search results as listEntries + indexDirectory', async () => {
    const db = freshDb();
    const session = await createVault(db, PASS, FAST);
    await putEntries(session, Array.from({ length: 12 }, (_, i) => canaryEntry(i)));
    // One record altered on disk, one authentic but breaking the schema, one valid but not canonical.
    const stored = await db.records.get(['directory', 'canary-entry-0004']);
    const ct = new Uint8Array(stored!.ct);
    ct[3] = (ct[3] ?? 0) ^ 0x01;
    await db.records.put({ ...stored!, ct });
    await session.writeBatch([
      { collection: 'directory', id: 'canary-entry-0007', value: { ...canaryEntry(7), emails: ['not an e-mail'] } },
      { collection: 'directory', id: 'canary-entry-0009', value: { ...canaryEntry(9), text: { entity: ' Trimmed later ' } } },
    ]);
    const listed = await listEntries(session);
    const expected = indexDirectory(listed.entries, listed.corrupted);
    const loaded = await loadDirectory(session);
    expect(loaded.corrupted).toEqual(['canary-entry-0004', 'canary-entry-0007']);
    expect(loaded.entries).toEqual(expected.entries);
    expect(loaded.entries.map((e) => e.id)).toEqual(
      Array.from({ length: 12 }, (_, i) => canaryEntry(i).id).filter((id) => !id.endsWith('0004') && !id.endsWith('0007')),
    );
    expect(loaded.byId.get('canary-entry-0009')?.text.entity).toBe('Trimmed later');
    for (const query of ['zyx', 'qqqcanary', 'trimmed', '+41 22', 'switzerland', 'canary.mailbox']) {
      expect(loaded.index.search(query), query).toEqual(expected.index.search(query));
    }
    expect(loaded.index.search('trimmed').map((h) => h.id)).toEqual(['canary-entry-0009']);
  });

  it('fails with "locked" (not a quarantine) when the vault is locked', async () => {
    const session = await createVault(freshDb(), PASS, FAST);
    await putEntries(session, [canaryEntry(1)]);
    session.lock();
    await expect(loadDirectory(session)).rejects.toMatchObject({ code: 'locked' });
  });
});
