import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import { listEntries, putEntries } from '../../../../renderer/directory/store';
import { listTryOutDemoIds, removeTryOutDemo } from '../../../../renderer/onboarding/demoEntries';
import { createVault } from '../../../../renderer/vault/vault';
import {
  DEMO_DIRECTORY_SEED,
  generateDemoDirectory,
} from '../../../../shared/directory/demo/generateDemoDirectory';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const dbs: PocDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('try-out demo entries and enrolment (issue 9 §6)', () => {
  it('finds every loaded demo entry and removes them all, leaving other entries alone', async () => {
    const db = new PocDatabase('demo-entries-test');
    dbs.push(db);
    const session = await createVault(db, 'a long enough passphrase', FAST);
    const demo = generateDemoDirectory({ seed: DEMO_DIRECTORY_SEED }).slice(0, 40);
    const [first] = demo;
    if (!first) throw new Error('no demo entries');
    const restored = { ...first, id: 'restored-entry-0001', revision: 1 };
    await putEntries(session, [...demo, restored]);

    expect((await listTryOutDemoIds(session)).sort()).toEqual(demo.map((e) => e.id).sort());
    expect(await removeTryOutDemo(session)).toBe(40);
    expect((await listEntries(session)).entries.map((e) => e.id)).toEqual(['restored-entry-0001']);
    expect(await listTryOutDemoIds(session)).toEqual([]);
  });
});
