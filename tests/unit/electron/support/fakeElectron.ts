import { EventEmitter } from 'node:events';

/**
 * A stand-in for the `electron` module, just wide enough for electron/main.ts to start, so a test
 * can load the real main bundle in Node and drive what it registered. No test imports electron.
 */
export interface Preventable {
  prevented: boolean;
  preventDefault(): void;
}
export const preventable = (): Preventable => ({
  prevented: false,
  preventDefault() {
    this.prevented = true;
  },
});

type PermissionRequest = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
  details: { requestingUrl: string; isMainFrame: boolean },
) => void;
type PermissionCheck = (
  contents: unknown,
  permission: string,
  origin: string,
  details: { isMainFrame: boolean },
) => boolean;

/** What the main process registered with "Electron", for the test to drive. */
export interface Registered {
  schemes: unknown[];
  sandboxEnabled: boolean;
  windows: { webPreferences: Record<string, unknown>; url?: string }[];
  ipc: Map<string, (event: unknown, ...args: unknown[]) => Promise<unknown>>;
  protocol: Map<string, (request: Request) => Promise<Response>>;
  permissionRequest?: PermissionRequest;
  permissionCheck?: PermissionCheck;
  /** What main.ts set with session.setSpellCheckerEnabled (issue 9 §5: false). */
  spellChecker?: boolean;
  windowOpen?: (details: { url: string }) => { action: string };
  opened: string[];
  sent: unknown[][];
  exitCode?: number;
}

export interface FakeElectron {
  module: { powerMonitor: EventEmitter } & Record<string, unknown>;
  registered: Registered;
  webContents: EventEmitter & {
    mainFrame: { url: string; parent: null; processId: number; routingId: number };
  };
  markReady(): void;
}

export function createFakeElectron(userDataDir: string): FakeElectron {
  const registered: Registered = {
    schemes: [],
    sandboxEnabled: false,
    windows: [],
    ipc: new Map(),
    protocol: new Map(),
    opened: [],
    sent: [],
  };
  let markReady = () => undefined as void;
  const ready = new Promise<void>((resolve) => (markReady = resolve));
  const app = Object.assign(new EventEmitter(), {
    name: 'POC Directory Desk',
    enableSandbox: () => void (registered.sandboxEnabled = true),
    requestSingleInstanceLock: () => true,
    quit: () => undefined,
    exit: (code: number) => void (registered.exitCode = code),
    whenReady: () => ready,
    isReady: () => true,
    getVersion: () => '0.1.0',
    getName: () => 'POC Directory Desk',
    getPath: (name: string) => `${userDataDir}/${name}`,
  });
  const webContents = Object.assign(new EventEmitter(), {
    mainFrame: { url: 'app://poc-desk/index.html', parent: null, processId: 4, routingId: 1 },
    setWindowOpenHandler: (handler: (details: { url: string }) => { action: string }) =>
      void (registered.windowOpen = handler),
    send: (...args: unknown[]) => void registered.sent.push(args),
  });
  class BrowserWindow extends EventEmitter {
    readonly webContents = webContents;
    readonly record: { webPreferences: Record<string, unknown>; url?: string };
    constructor(options: { webPreferences: Record<string, unknown> }) {
      super();
      this.record = { webPreferences: options.webPreferences };
      registered.windows.push(this.record);
      app.emit('web-contents-created', {}, webContents);
    }
    loadURL(url: string) {
      this.record.url = url;
      return Promise.resolve();
    }
    isDestroyed = () => false;
    isMinimized = () => false;
    static getAllWindows = () => [];
    static getFocusedWindow = () => null;
  }
  const session = Object.assign(new EventEmitter(), {
    setPermissionRequestHandler: (handler: PermissionRequest) =>
      void (registered.permissionRequest = handler),
    setPermissionCheckHandler: (handler: PermissionCheck) => void (registered.permissionCheck = handler),
    setDevicePermissionHandler: () => undefined,
    setSpellCheckerEnabled: (enabled: boolean) => void (registered.spellChecker = enabled),
  });
  const module = {
    app,
    BrowserWindow,
    session: { defaultSession: session },
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => void registered.schemes.push(...schemes),
      handle: (scheme: string, handler: (request: Request) => Promise<Response>) =>
        void registered.protocol.set(scheme, handler),
    },
    ipcMain: {
      on: () => undefined,
      handle: (channel: string, handler: (event: unknown, ...args: unknown[]) => Promise<unknown>) =>
        void registered.ipc.set(channel, handler),
    },
    powerMonitor: new EventEmitter(),
    shell: { openExternal: (url: string) => Promise.resolve(void registered.opened.push(url)) },
    dialog: {},
    Notification: class {
      static isSupported = () => false;
    },
    safeStorage: { isEncryptionAvailable: () => true, getSelectedStorageBackend: () => 'basic_text' },
  };
  return { module, registered, webContents, markReady };
}
