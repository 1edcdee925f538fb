import { writeFileSync } from 'node:fs';
import { generateDemoKeyPool } from '../../../shared/directory/demo/keyPool';

/** One-off: `npx tsx tests/bench/support/makeDemoKeys.ts [count]` writes resources/demo/keys.json. */
const count = Number(process.argv[2] ?? 24);
const pool = await generateDemoKeyPool(count);
const target = new URL('../../../resources/demo/keys.json', import.meta.url);
writeFileSync(target, JSON.stringify(pool, null, 1) + '\n');
console.log(`wrote ${pool.keys.length} fictional demo keys to resources/demo/keys.json`);
