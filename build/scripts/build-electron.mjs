// `npm run build:electron`: bundles the main process and the preload for Electron with esbuild.
//   electron/main.ts    -> dist/electron/main.cjs     (Node, CommonJS; electron-store & co. bundled)
//   electron/preload.ts -> dist/electron/preload.cjs  (sandboxed preload: one file, only `electron` required)
// `electron` itself stays external: the runtime provides it.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const electronMajor = String(pkg.devDependencies?.electron ?? '45')
  .replace(/^\D*/, '')
  .split('.')[0];

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  // Electron 45 ships Node 22.
  target: 'node22',
  external: ['electron'],
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
  define: { 'process.env.NODE_ENV': '"production"' },
};

try {
  await Promise.all([
    build({ ...common, entryPoints: ['electron/main.ts'], outfile: 'dist/electron/main.cjs' }),
    build({ ...common, entryPoints: ['electron/preload.ts'], outfile: 'dist/electron/preload.cjs' }),
  ]);
  console.log(`electron: built dist/electron/main.cjs and preload.cjs (for Electron ${electronMajor})`);
} catch {
  // esbuild has already printed the errors with file and line.
  process.exitCode = 1;
}
