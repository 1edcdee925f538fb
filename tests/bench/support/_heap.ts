import { PocDatabase } from '../../../renderer/db/database';
import { listEntries, putEntries } from '../../../renderer/directory/store';
import { listEntries as oldList } from './_before/store';
import { indexDirectory as oldIndex } from './_before/loadedDirectory';
import { createVault } from '../../../renderer/vault/vault';
import { generateDemoDirectory } from '../../../shared/directory/demo/generateDemoDirectory';
import { indexDirectory } from '../../../shared/directory/loadedDirectory';
declare global { interface Window { exp?: (runs: number) => Promise<Record<string, number[]>> } }
const heap = () => { window.gc?.(); window.gc?.(); return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1048576; };
window.exp = async () => {
  const db = new PocDatabase(`exp-${Date.now()}`);
  const session = await createVault(db, 'benchmark passphrase, fictional', { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 });
  await putEntries(session, generateDemoDirectory({ seed: 10_000, size: 10_000, now: new Date('2026-11-24T00:00:00Z') }));
  const out: Record<string, number[]> = {};
  const push = (k: string, v: number) => (out[k] ??= []).push(v);
  for (let r = 0; r < 2; r++) {
    const base = heap(); push('base', base);
    let held: unknown = (await oldList(session)).entries; push('oldRead', heap() - base); held = null;
    held = (await listEntries(session)).entries; push('newRead', heap() - base); held = null;
    const entries = (await oldList(session)).entries;
    const b2 = heap();
    held = oldIndex(entries); push('oldIndex', heap() - b2); held = null;
    held = indexDirectory(entries); push('newIndex', heap() - b2); held = null;
    void held;
  }
  return out;
};
