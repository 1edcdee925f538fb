import { median } from '../figure';
import { runInChromium } from './runInChromium';

/** `npx tsx tests/bench/support/profileDirectory.ts [runs]`: prints the median of each load stage in Chromium. */
const runs = Number(process.argv[2] ?? 5);
const result = await runInChromium<Record<string, number[]>>('./browserDirectoryProfile.ts', 'profileDirectory', [runs]);
if (!result) throw new Error('no Chromium found');
for (const [name, values] of Object.entries(result)) {
  console.log(`${name.padEnd(28)} ${median(values).toFixed(1).padStart(8)} ms   [${values.map((v) => v.toFixed(0)).join(' ')}]`);
}
