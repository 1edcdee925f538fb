/**
 * Runs inside Chromium (bundled by esbuild from tests/bench/directory.bench.ts): the directory load
 * and search measured where the app really runs — real IndexedDB, Chromium's WebCrypto, V8 — through
 * the same modules the renderer uses.
 */
import { PocDatabase } from '../../../renderer/db/database';
import { CHUNK_COLLECTION } from '../../../renderer/directory/chunkedDirectory';
import { listEntries, loadDirectory, putEntries } from '../../../renderer/directory/store';
import { createVault, unlockVault } from '../../../renderer/vault/vault';
import { generateDemoDirectory } from '../../../shared/directory/demo/generateDemoDirectory';
import { searchEntries, type LoadedDirectory } from '../../../shared/directory/loadedDirectory';

export interface BrowserBenchResult {
  /** loadDirectory in the setup page (warm JIT), each from a fresh unlock. */
  loads: number[];
  /** listEntries alone, same conditions. */
  decrypts: number[];
  /** loadDirectory in a fresh page, the first thing the page does after unlocking. */
  freshLoads: number[];
  /** The baseline in the same fresh page: one blob of the same bytes, one decrypt, one JSON.parse. */
  blobLoads: number[];
  /** Of blobLoads: the IndexedDB read alone (the rest is AES-GCM + inflate + JSON.parse). */
  blobReads: number[];
  /** Bytes of ciphertext the directory occupies (sum over chunks) and the baseline blob. */
  chunkBytes: number;
  blobBytes: number;
  rounds: number[][];
  misses: number;
  heapBytes: number | null;
}

export interface FreshLoad {
  app: number;
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

window.runDirectoryBench = async (queries, runs) => {
  await new PocDatabase(APP_DB).delete();
  await new PocDatabase(BLOB_DB).delete();
  const db = new PocDatabase(APP_DB);
  const session = await createVault(db, PASSPHRASE, FAST_KDF);
  const entries = generateDemoDirectory({
    seed: 10_000,
    size: 10_000,
    now: new Date('2026-11-24T00:00:00Z'),
  });
  await putEntries(session, entries);
  // The baseline: the same entries, as the same JSON in the same stored form (compressed, then
  // AES-GCM), in one record of another vault: one read, one decrypt, one inflate, one JSON.parse.
  const chunks = await db.records.where('collection').equals(CHUNK_COLLECTION).toArray();
  const listed = await listEntries(session);
  const blobDb = new PocDatabase(BLOB_DB);
  const blobSession = await createVault(blobDb, PASSPHRASE, FAST_KDF);
  await blobSession.writeBatch([
    { collection: CHUNK_COLLECTION, id: 'all', value: { entries: listed.entries }, compress: true },
  ]);
  const blob = await blobDb.records.get([CHUNK_COLLECTION, 'all']);
  const result: BrowserBenchResult = {
    loads: [],
    decrypts: [],
    freshLoads: [],
    blobLoads: [],
    blobReads: [],
    chunkBytes: chunks.reduce((n, c) => n + c.ct.byteLength, 0),
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
  session.lock();
  db.close();
  const blobDb = new PocDatabase(BLOB_DB);
  const blobSession = await unlockVault(blobDb, PASSPHRASE);
  started = performance.now();
  const row = await blobDb.records.get([CHUNK_COLLECTION, 'all']);
  if (!row) throw new Error('no baseline blob');
  const blobRead = performance.now() - started;
  const value = await blobSession.decryptStoredWith(row, (v) => v);
  const blob = performance.now() - started;
  if ((value as { entries: unknown[] }).entries.length !== 10_000)
    throw new Error('the blob does not hold 10,000 entries');
  blobSession.lock();
  blobDb.close();
  return { app, blob, blobRead };
};
