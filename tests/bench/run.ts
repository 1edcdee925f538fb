import { readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { meetsTarget, type Figure } from './figure';

/**
 * `npm run bench [prefix…]`: runs every tests/bench/*.bench.ts (or those whose name starts with a
 * given prefix), prints one table and writes tests/bench/report.json. Each bench reports medians of
 * several runs; a missed target is printed as MISSED, never hidden.
 */
const here = dirname(fileURLToPath(import.meta.url));
const prefixes = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => prefixes.length === 0 || prefixes.some((p) => f.startsWith(p)))
  .sort();

const figures: Figure[] = [];
const failures: string[] = [];
for (const file of files) {
  const started = performance.now();
  console.log(`▶ ${file}`);
  try {
    const mod = (await import(pathToFileURL(join(here, file)).href)) as { run: () => Promise<Figure[]> };
    figures.push(...(await mod.run()));
    console.log(`  done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    failures.push(file);
    console.error(`  ${file} failed:`, error);
  }
}

const rows = figures.map((f) => {
  const met = meetsTarget(f);
  return {
    name: f.name,
    value: Number.isInteger(f.value) ? String(f.value) : f.value.toFixed(f.value < 10 ? 3 : 1),
    unit: f.unit,
    target: f.target === undefined ? '' : `${f.better === 'lower' ? '≤' : '≥'} ${f.target}`,
    status: met === undefined ? '' : met ? 'ok' : 'MISSED',
    note: f.note ?? '',
  };
});
const headers = ['name', 'value', 'unit', 'target', 'status', 'note'] as const;
const widths = headers.map((h) => Math.max(h.length, ...rows.map((r) => r[h].length)));
const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join('  ');
console.log('\n' + line(headers));
console.log(widths.map((w) => '-'.repeat(w)).join('  '));
for (const row of rows) console.log(line(headers.map((h) => row[h])));

writeFileSync(
  join(here, 'report.json'),
  JSON.stringify({ generatedAt: new Date().toISOString(), figures }, null, 2) + '\n',
);
console.log(`\nreport: tests/bench/report.json (${figures.length} figures)`);
if (failures.length) {
  console.error(`benchmarks that failed to run: ${failures.join(', ')}`);
  process.exitCode = 1;
}
