/**
 * Runs inside Chromium (bundled by esbuild from tests/bench/directory.bench.ts): the directory load
 * and search measured where the app really runs — real IndexedDB, Chromium's WebCrypto, V8 — through
 * the same modules the renderer uses.
 */
import { PocDatabase } from '../../../renderer/db/database';
import { CHUNK_COLLECTION } from '../../../renderer/directory/chunkedDirectory';
import {
  directoryKeysLoaded,
  listEntries,
  loadDirectory,
  putEntries,
} from '../../../renderer/directory/store';
import { RecordReadFailure } from '../../../renderer/vault/session';
import { createVault, unlockVault } from '../../../renderer/vault/vault';
import { generateDemoDirectory } from '../../../shared/directory/demo/generateDemoDirectory';
import { searchEntries, type LoadedDirectory } from '../../../shared/directory/loadedDirectory';
import type { PointOfContact } from '../../../shared/directory/model';

export interface BrowserBenchResult {
  /** loadDirectory in the setup page (warm JIT), each from a fresh unlock. */
  loads: number[];
  /** listEntries alone, same conditions. */
  decrypts: number[];
  /** loadDirectory in a fresh page, the first thing the page does after unlocking. */
  freshLoads: number[];
  /** From the same start until every entry has its public key back (directoryKeysLoaded). */
  keysBack: number[];
  /** The baseline in the same fresh page: one blob of the same bytes, one decrypt, one JSON.parse. */
  blobLoads: number[];
  /** Of blobLoads: the IndexedDB read alone (the rest is AES-GCM + inflate + JSON.parse). */
  blobReads: number[];
  /** loadDirectory in the same fresh pages, of a directory where every entry has its own key. */
  uniqueLoads: number[];
  /** Bytes of ciphertext the directory occupies (sum over chunks) and the baseline blob. */
  chunkBytes: number;
  /** The same for the directory with a key of its own per entry. */
  uniqueChunkBytes: number;
  blobBytes: number;
  rounds: number[][];
  misses: number;
  heapBytes: number | null;
}

export interface FreshLoad {
  app: number;
  keysBack: number;
  unique: number;
  blob: number;
  blobRead: number;
}

declare global {
  interface Window {
    runDirectoryBench?: (queries: string[], runs: number) => Promise<BrowserBenchResult>;
    measureFreshLoad?: () => Promise<FreshLoad>;
    gc?: () => void;
  }
}

const PASSPHRASE = 'benchmark passphrase, fictional';
const FAST_KDF = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const APP_DB = 'bench-directory';
const BLOB_DB = 'bench-directory-blob';
const UNIQUE_DB = 'bench-directory-unique-keys';

/**
 * The demo directory draws its keys from a pool of 24, so its chunks compress far better than a
 * real directory's, where every entry has a key of its own (random bytes, which do not compress).
 * This copy gives each entry armour of the same length with a random body: what a load costs when
 * the stored bytes are as incompressible as real keys make them. (The load does not parse keys.)
 */
function withUniqueKeys(entries: PointOfContact[]): PointOfContact[] {
  return entries.map((entry) => {
    if (!entry.openpgp) return entry;
    const armour = entry.openpgp.publicKey;
    const body = armour.slice(armour.indexOf('\n\n') + 2, armour.lastIndexOf('\n='));
    const length = body.replace(/\n/g, '').length;
    let binary = '';
    for (const byte of crypto.getRandomValues(new Uint8Array(Math.ceil((length * 3) / 4))))
      binary += String.fromCharCode(byte);
    const lines =
      btoa(binary)
        .slice(0, length)
        .match(/.{1,60}/g) ?? [];
    return { ...entry, openpgp: { ...entry.openpgp, publicKey: armour.replace(body, lines.join('\n')) } };
  });
}

window.runDirectoryBench = async (queries, runs) => {
  await new PocDatabase(APP_DB).delete();
  await new PocDatabase(BLOB_DB).delete();
  await new PocDatabase(UNIQUE_DB).delete();
  const db = new PocDatabase(APP_DB);
  const session = await createVault(db, PASSPHRASE, FAST_KDF);
  const entries = generateDemoDirectory({
    seed: 10_000,
    size: 10_000,
    now: new Date('2026-11-24T00:00:00Z'),
  });
  await putEntries(session, entries);
  // The baseline: the same entries, as the same JSON in the same stored form (compressed, then
  // AES-GCM; the keys in the record's second part), in one record of another vault: one read, one
  // decrypt, one inflate and one JSON.parse of the first part, as the list needs it.
  const chunks = await db.records.where('collection').equals(CHUNK_COLLECTION).toArray();
  const listed = await listEntries(session);
  const blobDb = new PocDatabase(BLOB_DB);
  const blobSession = await createVault(blobDb, PASSPHRASE, FAST_KDF);
  await blobSession.writeBatch([
    {
      collection: CHUNK_COLLECTION,
      id: 'all',
      value: {
        entries: listed.entries.map((e) =>
          e.openpgp ? { ...e, openpgp: { fingerprint: e.openpgp.fingerprint } } : e,
        ),
      },
      later: { keys: listed.entries.flatMap((e) => (e.openpgp ? [[e.id, e.openpgp.publicKey]] : [])) },
      compress: true,
    },
  ]);
  const blob = await blobDb.records.get([CHUNK_COLLECTION, 'all']);
  const uniqueDb = new PocDatabase(UNIQUE_DB);
  const uniqueSession = await createVault(uniqueDb, PASSPHRASE, FAST_KDF);
  await putEntries(uniqueSession, withUniqueKeys(entries));
  const uniqueChunks = await uniqueDb.records.where('collection').equals(CHUNK_COLLECTION).toArray();
  uniqueSession.lock();
  uniqueDb.close();
  const result: BrowserBenchResult = {
    loads: [],
    decrypts: [],
    freshLoads: [],
    keysBack: [],
    blobLoads: [],
    blobReads: [],
    uniqueLoads: [],
    chunkBytes: chunks.reduce((n, c) => n + c.ct.byteLength, 0),
    uniqueChunkBytes: uniqueChunks.reduce((n, c) => n + c.ct.byteLength, 0),
    blobBytes: blob?.ct.byteLength ?? 0,
    rounds: [],
    misses: 0,
    heapBytes: null,
  };
  blobSession.lock();
  blobDb.close();
  let directory: LoadedDirectory | null = null;
  for (let i = 0; i < runs; i++) {
    // Each from a new unlock (the store keeps the directory per unlocked vault), alternated.
    const a = await unlockVault(db, PASSPHRASE);
    let started = performance.now();
    const list = await listEntries(a);
    result.decrypts.push(performance.now() - started);
    if (list.entries.length !== 10_000) throw new Error('listEntries did not read 10,000 entries');
    a.lock();
    const b = await unlockVault(db, PASSPHRASE);
    started = performance.now();
    directory = await loadDirectory(b);
    result.loads.push(performance.now() - started);
  }
  if (!directory || directory.entries.length !== 10_000)
    throw new Error('the directory did not load 10,000 entries');
  directory.index.search('a'); // builds the index: the heap figure includes it
  // Live heap, not garbage the collector has not reached yet: let the last IndexedDB transaction and
  // its promises settle (they hold the previous loads until the task ends), then collect twice.
  await new Promise((resolve) => setTimeout(resolve, 100));
  window.gc?.();
  await new Promise((resolve) => setTimeout(resolve, 0));
  window.gc?.();
  const memory = (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory;
  result.heapBytes = memory ? memory.usedJSHeapSize : null;
  for (let round = 0; round < runs; round++) {
    const latencies: number[] = [];
    for (const query of queries) {
      let last = 0;
      for (let end = 1; end <= query.length; end++) {
        const started = performance.now();
        last = searchEntries(directory, query.slice(0, end)).length;
        latencies.push(performance.now() - started);
      }
      if (round === 0 && last === 0) result.misses++;
    }
    result.rounds.push(latencies);
  }
  db.close();
  return result;
};

window.measureFreshLoad = async () => {
  const db = new PocDatabase(APP_DB);
  const session = await unlockVault(db, PASSPHRASE);
  let started = performance.now();
  const directory = await loadDirectory(session);
  const app = performance.now() - started;
  if (directory.entries.length !== 10_000) throw new Error('the directory did not load 10,000 entries');
  // The keys follow the list (renderer/directory/chunkedDirectory.ts): until they are all back.
  await directoryKeysLoaded(session);
  const keysBack = performance.now() - started;
  if (!directory.entries.every((e) => !e.openpgp || e.openpgp.publicKey.startsWith('-----BEGIN PGP')))
    throw new Error('an entry did not get its key back');
  session.lock();
  db.close();
  const blobDb = new PocDatabase(BLOB_DB);
  const blobSession = await unlockVault(blobDb, PASSPHRASE);
  started = performance.now();
  const row = await blobDb.records.get([CHUNK_COLLECTION, 'all']);
  if (!row) throw new Error('no baseline blob');
  const blobRead = performance.now() - started;
  const [read] = await blobSession.decryptManyInParts([row], (v) => v);
  const blob = performance.now() - started;
  if (!read || read instanceof RecordReadFailure) throw new Error('the baseline blob does not read');
  const value = read.value;
  if ((value as { entries: unknown[] }).entries.length !== 10_000)
    throw new Error('the blob does not hold 10,000 entries');
  blobSession.lock();
  blobDb.close();
  const uniqueDb = new PocDatabase(UNIQUE_DB);
  const uniqueSession = await unlockVault(uniqueDb, PASSPHRASE);
  started = performance.now();
  const uniqueDirectory = await loadDirectory(uniqueSession);
  const unique = performance.now() - started;
  if (uniqueDirectory.entries.length !== 10_000)
    throw new Error('the directory with unique keys did not load 10,000 entries');
  uniqueSession.lock();
  uniqueDb.close();
  return { app, keysBack, unique, blob, blobRead };
};
