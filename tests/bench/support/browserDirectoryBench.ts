/**
 * Runs inside Chromium (bundled by esbuild from tests/bench/directory.bench.ts): the directory load
 * and search measured where the app really runs — real IndexedDB, Chromium's WebCrypto, V8 — through
 * the same modules the renderer uses.
 */
import { PocDatabase } from '../../../renderer/db/database';
import { listEntries, loadDirectory, putEntries } from '../../../renderer/directory/store';
import { createVault } from '../../../renderer/vault/vault';
import { generateDemoDirectory } from '../../../shared/directory/demo/generateDemoDirectory';
import { searchEntries, type LoadedDirectory } from '../../../shared/directory/loadedDirectory';

export interface BrowserBenchResult {
  /** loadDirectory: read + decrypt + validate + index, indexing overlapped with decryption. */
  loads: number[];
  /** listEntries alone (read + decrypt + validate, no index), separate runs. */
  decrypts: number[];
  rounds: number[][];
  misses: number;
  heapBytes: number | null;
}

declare global {
  interface Window {
    runDirectoryBench?: (queries: string[], runs: number) => Promise<BrowserBenchResult>;
    gc?: () => void;
  }
}

window.runDirectoryBench = async (queries, runs) => {
  const db = new PocDatabase(`bench-${Date.now()}`);
  const session = await createVault(db, 'benchmark passphrase, fictional', { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 });
  await putEntries(session, generateDemoDirectory({ seed: 10_000, size: 10_000, now: new Date('2026-11-24T00:00:00Z') }));
  const result: BrowserBenchResult = { loads: [], decrypts: [], rounds: [], misses: 0, heapBytes: null };
  let directory: LoadedDirectory | null = null;
  for (let i = 0; i < runs; i++) {
    // Alternated, so that both see the same machine load.
    let started = performance.now();
    const listed = await listEntries(session);
    result.decrypts.push(performance.now() - started);
    if (listed.entries.length !== 10_000) throw new Error('listEntries did not read 10,000 entries');
    started = performance.now();
    directory = await loadDirectory(session);
    result.loads.push(performance.now() - started);
  }
  if (!directory || directory.entries.length !== 10_000) throw new Error('the directory did not load 10,000 entries');
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
  session.lock();
  await db.delete();
  return result;
};
