// `npm run start:web`: the whole UI in a browser, through the browser host. Builds the renderer,
// starts the local demo registry (fictional data) when no registry address is configured, and serves
// the app on http://127.0.0.1:4173.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const children = [];

function run(command, args, options = {}) {
  const child = spawn(command, args, { cwd: root, stdio: 'inherit', ...options });
  children.push(child);
  return child;
}

function stopAll(code = 0) {
  for (const child of children) if (child.exitCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

const build = run('npx', ['vite', 'build', '--logLevel', 'warn']);
build.on('exit', (code) => {
  if (code !== 0) {
    console.error('The web build failed; see the messages above.');
    stopAll(code ?? 1);
    return;
  }
  const demoRegistry = join(root, 'build/scripts/demo-registry.mjs');
  if (existsSync(demoRegistry) && !process.env.POC_REGISTRY_URL) run('node', [demoRegistry]);
  run('npx', ['vite', 'preview', '--port', '4173', '--strictPort']).on('exit', (c) => stopAll(c ?? 0));
  console.log('\nPOC Directory Desk (browser host): http://127.0.0.1:4173\n');
});
