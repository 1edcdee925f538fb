import { _electron as electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { collectConsoleErrors } from './support/app';
import { findElectronBinary } from './support/electron';

/**
 * The desktop shell itself: the hardened window, the app:// origin, the preload bridge and the
 * main-process host. Runs where an Electron binary exists; elsewhere it is skipped, saying why, and
 * the same UI is tested in Chromium through the browser host by the other specs.
 */
const root = fileURLToPath(new URL('../../', import.meta.url));
const binary = findElectronBinary(root);

const skipReason = `Electron binary not available on this machine (${binary.why ?? 'unknown reason'}); the same UI is tested in Chromium by the other specs`;
test.skip(!binary.path, skipReason);

let app: ElectronApplication;
let page: Page;
let errors: string[];
let userData: string;

test.beforeAll(async () => {
  if (!existsSync(join(root, 'dist/renderer/index.html')))
    execFileSync('npx', ['vite', 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  execFileSync(process.execPath, [join(root, 'build/scripts/build-electron.mjs')], {
    cwd: root,
    stdio: 'inherit',
  });
  // Each run gets its own data folder: settings and the IndexedDB vault start empty.
  userData = mkdtempSync(join(tmpdir(), 'poc-electron-e2e-'));
  // Chromium refuses its OS sandbox to root (CI containers); elsewhere the sandbox stays on.
  const asRoot = process.getuid?.() === 0;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(
      (e): e is [string, string] => e[0] !== 'ELECTRON_RUN_AS_NODE' && e[1] !== undefined,
    ),
  );
  app = await electron.launch({
    executablePath: binary.path!,
    args: [...(asRoot ? ['--no-sandbox'] : []), `--user-data-dir=${userData}`, root],
    env,
  });
  page = await app.firstWindow();
  errors = collectConsoleErrors(page);
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (userData) rmSync(userData, { recursive: true, force: true });
});

test('serves the UI from app://poc-desk with the host bridge and nothing of Node', async () => {
  expect(page.url()).toBe('app://poc-desk/index.html');
  const exposed = await page.evaluate(() => ({
    bridge: Object.keys((window as unknown as { pocHost?: object }).pocHost ?? {}).sort(),
    require: typeof (window as unknown as { require?: unknown }).require,
    process: typeof (window as unknown as { process?: unknown }).process,
  }));
  expect(exposed).toEqual({ bridge: ['invoke', 'onEvent'], require: 'undefined', process: 'undefined' });
  const info = await page.evaluate(() =>
    (
      window as unknown as { pocHost: { invoke: (n: string, a: unknown) => Promise<unknown> } }
    ).pocHost.invoke('app.info', {}),
  );
  expect(info).toMatchObject({ ok: true, value: { host: 'electron' } });
});

test('the main process rejects a bad argument', async () => {
  const result = await page.evaluate(() =>
    (
      window as unknown as { pocHost: { invoke: (n: string, a: unknown) => Promise<unknown> } }
    ).pocHost.invoke('external.open', { url: 'file:///etc/passwd' }),
  );
  expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
});

test('navigation and new windows are refused', async () => {
  await page.evaluate(() => {
    window.open('https://example.org/', '_blank');
    window.location.href = 'file:///etc/passwd';
  });
  await page.waitForTimeout(500);
  expect(app.windows()).toHaveLength(1);
  expect(page.url()).toBe('app://poc-desk/index.html');
  expect(errors.filter((e) => !e.includes('Not allowed to load local resource'))).toEqual([]);
});
