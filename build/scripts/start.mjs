// `npm start`: build the app and launch it in Electron.
// Where the Electron binary cannot be obtained (no download possible), exit at once with a clear
// message that names `npm run start:web` (the same UI in a browser) instead of a stack trace.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '../..');
const electronPackage = join(root, 'node_modules', 'electron');

/** The Electron executable, found the way node_modules/electron does it but without downloading. */
function findElectronBinary() {
  if (!existsSync(join(electronPackage, 'package.json'))) return undefined;
  const pathFile = join(electronPackage, 'path.txt');
  const relative = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) {
    const candidate = join(process.env.ELECTRON_OVERRIDE_DIST_PATH, relative || 'electron');
    return existsSync(candidate) ? candidate : undefined;
  }
  if (!relative) return undefined;
  const candidate = join(electronPackage, 'dist', relative);
  return existsSync(candidate) ? candidate : undefined;
}

/** One attempt to fetch the binary (the install script npm did not run); works where downloads do. */
function tryInstallElectronOnce() {
  const installer = join(electronPackage, 'install.js');
  if (!existsSync(installer) || process.env.ELECTRON_SKIP_BINARY_DOWNLOAD)
    return 'the download is disabled here';
  console.log('Electron binary missing; downloading it once…');
  const result = spawnSync(process.execPath, [installer], {
    cwd: electronPackage,
    encoding: 'utf8',
    timeout: 10 * 60_000,
  });
  if (result.status === 0) return undefined;
  const firstLine =
    `${result.stderr ?? ''}${result.stdout ?? ''}`.split('\n').find((line) => line.trim()) ?? 'no details';
  return result.error?.code === 'ETIMEDOUT' ? 'the download timed out' : firstLine.trim().slice(0, 200);
}

function explainAndExit(reason) {
  console.error(
    [
      '',
      'POC Directory Desk cannot start in Electron on this machine: the Electron binary is not installed',
      `and could not be downloaded (${reason}).`,
      '',
      'Run the same app in your browser instead:',
      '',
      '    npm run start:web        (then open http://127.0.0.1:4173)',
      '',
      'Or, on a machine with Internet access, install the binary with `node node_modules/electron/install.js`',
      'and run `npm start` again.',
      '',
    ].join('\n'),
  );
  process.exit(1);
}

/** Where electron-store keeps the settings (userData/settings.json), to see if a registry is configured. */
function configuredRegistryUrl() {
  if (process.env.POC_REGISTRY_URL) return process.env.POC_REGISTRY_URL;
  const productName = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).productName;
  const appData =
    process.platform === 'win32'
      ? process.env.APPDATA
      : process.platform === 'darwin'
        ? join(homedir(), 'Library', 'Application Support')
        : (process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'));
  try {
    const stored = JSON.parse(readFileSync(join(appData ?? '', productName, 'settings.json'), 'utf8'));
    return typeof stored?.settings?.registryUrl === 'string' ? stored.settings.registryUrl : undefined;
  } catch {
    return undefined;
  }
}

const children = [];
function stopAll(code) {
  for (const child of children)
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  process.exit(code);
}
process.on('SIGINT', () => stopAll(0));
process.on('SIGTERM', () => stopAll(0));

function runStep(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`\n\`${[command, ...args].join(' ')}\` failed; see the messages above.`);
    process.exit(result.status ?? 1);
  }
}

let electronBinary = findElectronBinary();
if (!electronBinary) {
  const reason = tryInstallElectronOnce();
  electronBinary = findElectronBinary();
  if (!electronBinary) explainAndExit(reason ?? 'the installer finished but left no binary');
}

runStep('npx', ['vite', 'build', '--logLevel', 'warn']);
runStep(process.execPath, [join(root, 'build/scripts/build-electron.mjs')]);

// Local demo registry (fictional data) when no registry address is configured, as start:web does.
const demoRegistry = join(root, 'build/scripts/demo-registry.mjs');
if (existsSync(demoRegistry) && !configuredRegistryUrl()) {
  children.push(spawn(process.execPath, [demoRegistry], { cwd: root, stdio: 'inherit' }));
}

const env = { ...process.env };
delete env.ELECTRON_RUN_AS_NODE;
const app = spawn(electronBinary, [root], { cwd: root, stdio: 'inherit', env });
children.push(app);
app.on('exit', (code, signal) => stopAll(code ?? (signal ? 1 : 0)));
