import { build } from 'esbuild';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeElectron, preventable } from './support/fakeElectron';

/**
 * Builds electron/main.ts exactly as build:electron does and loads the bundle in Node with a fake
 * `electron` module: proves the composition root wires the hardened pieces together (the parts are
 * tested one by one in the other files).
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const work = mkdtempSync(join(tmpdir(), 'poc-main-bundle-'));
const fake = createFakeElectron(join(work, 'appdata'));
type Loader = (request: string, ...rest: unknown[]) => unknown;
const moduleWithLoad = Module as unknown as { _load: Loader };
const originalLoad = moduleWithLoad._load;
/** Another frame showing our page (a different routing id): still not our main frame. */
const otherFrame = { url: 'app://poc-desk/index.html', parent: null, processId: 4, routingId: 2 };

beforeAll(async () => {
  await build({
    absWorkingDir: root,
    entryPoints: ['electron/main.ts'],
    outfile: join(work, 'electron/main.cjs'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node22',
    external: ['electron'],
    logLevel: 'silent',
  });
  mkdirSync(join(work, 'renderer'), { recursive: true });
  writeFileSync(join(work, 'renderer/index.html'), '<!doctype html><title>POC</title>');
  writeFileSync(join(work, 'secret.txt'), 'outside');
  moduleWithLoad._load = function (this: unknown, request: string, ...rest: unknown[]) {
    return request === 'electron' ? fake.module : originalLoad.call(this, request, ...rest);
  };
  createRequire(import.meta.url)(join(work, 'electron/main.cjs'));
  fake.markReady();
  await new Promise((resolve) => setTimeout(resolve, 50));
}, 60_000);

afterAll(() => {
  moduleWithLoad._load = originalLoad;
  rmSync(work, { recursive: true, force: true });
});

describe('the main process as built', () => {
  it('registers app:// as standard + secure before ready, enables the sandbox and starts cleanly', () => {
    expect(fake.registered.schemes).toEqual([
      {
        scheme: 'app',
        privileges: expect.objectContaining({
          standard: true,
          secure: true,
          supportFetchAPI: true,
        }) as unknown,
      },
    ]);
    expect(fake.registered.sandboxEnabled).toBe(true);
    expect(fake.registered.exitCode).toBeUndefined();
  });

  it('opens one hardened window on app://poc-desk with the preload', () => {
    expect(fake.registered.windows).toHaveLength(1);
    const [window] = fake.registered.windows;
    expect(window?.url).toBe('app://poc-desk/index.html');
    expect(window?.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    });
    expect(String(window?.webPreferences.preload)).toMatch(/preload\.cjs$/);
    // Nothing typed reaches a spellchecker, in the window or in the session (issue 9 §5).
    expect(fake.registered.spellChecker).toBe(false);
  });

  it('serves the renderer with the CSP and refuses to climb out of it', async () => {
    const handler = fake.registered.protocol.get('app');
    const page = await handler!(new Request('app://poc-desk/index.html'));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect((await handler!(new Request('app://poc-desk/..%2fsecret.txt'))).status).toBe(403);
  });

  it('answers host calls from our main frame only, validating arguments', async () => {
    const ipc = fake.registered.ipc.get('poc-host:invoke');
    expect(
      await ipc!({ senderFrame: fake.webContents.mainFrame }, 'settings.set', { language: 'fr' }),
    ).toMatchObject({ ok: true, value: { language: 'fr' } });
    expect(JSON.parse(readFileSync(join(work, 'appdata/userData/settings.json'), 'utf8'))).toMatchObject({
      settings: { language: 'fr' },
    });
    expect(await ipc!({ senderFrame: otherFrame }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(
      await ipc!({ senderFrame: fake.webContents.mainFrame }, 'external.open', { url: 'file:///etc/passwd' }),
    ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(await ipc!({ senderFrame: fake.webContents.mainFrame }, 'secrets.status', {})).toMatchObject({
      ok: true,
      value: { available: false, backend: 'basic_text' },
    });
  });

  it('denies navigation, new windows, webviews and permissions; hands allowed links to the OS', async () => {
    const navigation = preventable();
    fake.webContents.emit('will-navigate', navigation, 'https://example.org/page');
    const webview = preventable();
    fake.webContents.emit('will-attach-webview', webview, {}, {});
    expect(navigation.prevented).toBe(true);
    expect(webview.prevented).toBe(true);
    expect(fake.registered.windowOpen!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(fake.registered.opened).toEqual(['https://example.org/page']);
    let granted: boolean | undefined;
    fake.registered.permissionRequest!(fake.webContents, 'media', (g) => (granted = g), {
      requestingUrl: 'app://poc-desk/index.html',
      isMainFrame: true,
    });
    expect(granted).toBe(false);
    expect(
      fake.registered.permissionCheck!(fake.webContents, 'geolocation', 'app://poc-desk', {
        isMainFrame: true,
      }),
    ).toBe(false);
  });

  it('tells the page when the OS screen locks', () => {
    fake.module.powerMonitor.emit('lock-screen');
    expect(fake.registered.sent).toContainEqual(['poc-host:event', { type: 'os.lock' }]);
  });
});
