// Starts the reference registry with the fictional demo directory, for `npm start`, `npm run
// start:web`, Playwright and first-time users. Prints `REGISTRY_READY <url> <fingerprint>` once it
// listens. Fictional demo enrolment codes (reusable, demo only): DEMO-FRA-TECH-0001 (FRA technical),
// DEMO-FRA-DIPL-0001 (FRA diplomatic), DEMO-DEU-TECH-0001 (DEU technical).
//
//   node build/scripts/demo-registry.mjs [--port 8787] [--data .registry-data] [--demo-size N] [--ping-interval-days N]
// The registry starts a ping campaign by itself every --ping-interval-days (default 182, A §8).
import { spawn } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    port: { type: 'string', default: process.env.REGISTRY_PORT ?? '8787' },
    data: { type: 'string', default: process.env.REGISTRY_DATA ?? '.registry-data' },
    'demo-size': { type: 'string' },
    'ping-interval-days': { type: 'string' },
  },
});

const child = spawn(
  process.execPath,
  [
    '--import',
    'tsx',
    'registry/cli.ts',
    '--data',
    resolve(root, values.data),
    '--port',
    values.port,
    '--demo',
    ...(values['demo-size'] ? ['--demo-size', values['demo-size']] : []),
    ...(values['ping-interval-days'] ? ['--ping-interval-days', values['ping-interval-days']] : []),
  ],
  { cwd: root, stdio: 'inherit' },
);
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
