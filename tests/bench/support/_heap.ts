import { PocDatabase } from '../../../renderer/db/database';
import { listEntries, putEntries } from '../../../renderer/directory/store';
import { listEntries as oldList } from './_before/store';
import { indexDirectory as oldIndex } from './_before/loadedDirectory';
import { createVault } from '../../../renderer/vault/vault';
import { generateDemoDirectory } from '../../../shared/directory/demo/generateDemoDirectory';
import { indexDirectory } from '../../../shared/directory/loadedDirectory';
declare global { interface Window { exp?: (mode: number) => Promise<Record<string, number[]>> } }
const heap = () => { window.gc?.(); return (performance as unknown as { memory: { usedJSHeapSize: number } }).memory.usedJSHeapSize / 1048576; };
window.exp = async (mode) => {
  const db = new PocDatabase(`exp-${Date.now()}`);
  const session = await createVault(db, 'benchmark passphrase, fictional', { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 });
  await putEntries(session, generateDemoDirectory({ seed: 10_000, size: 10_000, now: new Date('2026-11-24T00:00:00Z') }));
  const out: Record<string, number[]> = {};
  const push = (k: string, v: number) => (out[k] ??= []).push(v);
  const read = mode & 1 ? listEntries : oldList;
  const index = mode & 2 ? indexDirectory : oldIndex;
  push('start', heap());
  let d: unknown = null;
  for (let r = 0; r < 5; r++) { const l = await read(session); d = index(l.entries); }
  push('after5', heap());
  await new Promise((r) => setTimeout(r, 500));
  push('after5+500ms', heap());
  void d;
  return out;
};
