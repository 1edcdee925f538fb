import { app, BrowserWindow, ipcMain, powerMonitor, protocol, session, type WebContents } from 'electron';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { HOST_EVENT_CHANNEL, HOST_IPC_CHANNEL, type HostEvent } from '../shared/host/contract';
import { createElectronAdapters, openExternalSafely } from './adapters';
import { createElectronHandlers } from './handlers';
import { createHostIpcHandler } from './ipc';
import { logger } from './logger';
import { forwardOsLockEvents } from './osEvents';
import { createAppProtocolHandler } from './protocol';
import {
  APP_ENTRY_URL,
  APP_SCHEME,
  APP_SCHEME_PRIVILEGES,
  decideNavigation,
  decidePermission,
  decideWebviewAttach,
  decideWindowOpen,
  isAppUrl,
  PRIVATE_SESSION,
  secureWebPreferences,
} from './security';

/**
 * Composition root of the main process: no decisions here (they live in security.ts, ipc.ts,
 * protocol.ts and handlers/), only wiring them to Electron. Built to dist/electron/main.cjs.
 */

const distDir = __dirname; // dist/electron
const rendererDir = join(distDir, '..', 'renderer');
const preloadPath = join(distDir, 'preload.cjs');

// Must happen before `ready`. The scheme is chosen once: IndexedDB data belongs to this origin.
protocol.registerSchemesAsPrivileged([{ scheme: APP_SCHEME, privileges: APP_SCHEME_PRIVILEGES }]);
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

function openExternally(url: string): void {
  // Not the URL nor the OS message: a mailto: link carries an e-mail address.
  openExternalSafely(url).catch(() => logger.warn('The OS refused to open a link.'));
}

/** Applied to every WebContents that ever exists (our window, and anything that slips through). */
function hardenContents(contents: WebContents): void {
  contents.on('will-navigate', (event, url) => {
    const decision = decideNavigation(url);
    event.preventDefault();
    if (decision.openExternally) openExternally(url);
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => {
    if (!decideWebviewAttach().allow) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    if (decideWindowOpen(url).openExternally) openExternally(url);
    return { action: 'deny' };
  });
}

function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((contents, permission, callback, details) => {
    callback(
      decidePermission({
        permission,
        requestingUrl: details.requestingUrl,
        isMainFrame: details.isMainFrame,
      }),
    );
  });
  ses.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) =>
    decidePermission({ permission, requestingUrl: requestingOrigin, isMainFrame: details.isMainFrame }),
  );
  ses.setDevicePermissionHandler(() => false);
  ses.setSpellCheckerEnabled(PRIVATE_SESSION.spellCheckerEnabled);
  ses.on('will-download', (event) => event.preventDefault());
  protocol.handle(
    APP_SCHEME,
    createAppProtocolHandler({
      root: rendererDir,
      files: {
        async read(path) {
          try {
            if (!(await stat(path)).isFile()) return null;
            const bytes = await readFile(path);
            return new Uint8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
          } catch {
            return null;
          }
        },
      },
    }),
  );
}

function createMainWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1200,
    height: 820,
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'POC Directory Desk',
    webPreferences: secureWebPreferences(preloadPath),
  });
  window.once('ready-to-show', () => window.show());
  window.on('closed', () => {
    mainWindow = null;
  });
  window
    .loadURL(APP_ENTRY_URL)
    .catch((error: unknown) => logger.error('The app page could not be loaded', error));
  return window;
}

function sendHostEvent(event: HostEvent): void {
  if (mainWindow && !mainWindow.isDestroyed()) mainWindow.webContents.send(HOST_EVENT_CHANNEL, event);
}

function start(): void {
  hardenSession();
  const openRoute = (route: string) => {
    if (!mainWindow || mainWindow.isDestroyed()) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
    sendHostEvent({ type: 'navigate', route });
  };
  const handlers = createElectronHandlers(createElectronAdapters({ openRoute }));
  ipcMain.handle(
    HOST_IPC_CHANNEL,
    createHostIpcHandler({
      handlers,
      mainFrame: () => (mainWindow && !mainWindow.isDestroyed() ? mainWindow.webContents.mainFrame : null),
    }),
  );
  forwardOsLockEvents((name, listener) => {
    if (name === 'lock-screen') powerMonitor.on('lock-screen', listener);
    else powerMonitor.on('suspend', listener);
  }, sendHostEvent);
  mainWindow = createMainWindow();
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would share one IndexedDB vault; the second one hands over and leaves.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (!mainWindow) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('web-contents-created', (_event, contents) => hardenContents(contents));
  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });
  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) mainWindow = createMainWindow();
  });
  app
    .whenReady()
    .then(start)
    .catch((error: unknown) => {
      logger.error('The app could not start', error);
      app.exit(1);
    });
}
