import { runInChromium } from './runInChromium';
const result = await runInChromium<Record<string, number[]>>(process.argv[2] ?? './_exp.ts', 'exp', [Number(process.argv[3] ?? 0)]);
for (const [name, values] of Object.entries(result ?? {})) console.log(`${name.padEnd(12)} [${values.map((v) => v.toFixed(1)).join(' ')}]`);
