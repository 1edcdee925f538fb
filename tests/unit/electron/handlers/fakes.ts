import type { Settings } from '../../../../shared/host/contract';
import type { ElectronHostAdapters } from '../../../../electron/handlers';

/** In-memory stand-ins for the OS, so no test imports electron. */
export function fakeAdapters(overrides: Partial<ElectronHostAdapters> = {}): ElectronHostAdapters {
  let stored: unknown = {};
  const files = new Map<string, Uint8Array>();
  return {
    secrets: {
      isEncryptionAvailable: () => false,
      backend: () => 'unknown',
      encryptString: () => new Uint8Array(),
      decryptString: () => '',
    },
    settings: {
      read: () => stored,
      write: (settings: Settings) => {
        stored = settings;
      },
    },
    dialogs: {
      chooseFileToOpen: () => Promise.resolve(null),
      chooseFileToSave: () => Promise.resolve(null),
    },
    files: {
      sizeOf: (path) => Promise.resolve(files.get(path)?.length ?? null),
      read: (path) => Promise.resolve(files.get(path) ?? new Uint8Array()),
      write: (path, bytes) => {
        files.set(path, bytes);
        return Promise.resolve();
      },
      baseName: (path) => path.split('/').pop() ?? path,
    },
    system: {
      openExternal: () => Promise.resolve(),
      notificationsSupported: () => true,
      showNotification: () => undefined,
      openRoute: () => undefined,
      appVersion: () => '0.1.0',
      platform: () => 'linux',
    },
    ...overrides,
  };
}
