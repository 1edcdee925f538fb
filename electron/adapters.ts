import { app, BrowserWindow, dialog, Notification, safeStorage, shell } from 'electron';
import Store from 'electron-store';
import { join } from 'node:path';
import type { Settings } from '../shared/host/contract';
import type { ElectronHostAdapters } from './handlers';
import type { FileFilter } from './handlers/files';
import { nodeFileAccess } from './nodeFiles';
import { isAllowedExternalUrl } from './security';

/**
 * The real OS behind the host handlers. With main.ts and preload.ts, the only file that imports
 * electron; everything it wires is tested with fakes in tests/unit/electron.
 */

/** safeStorage's backend: Linux reports the keyring it picked; macOS and Windows have one each. */
function secretBackend(): string {
  if (process.platform === 'linux') return safeStorage.getSelectedStorageBackend();
  if (process.platform === 'darwin') return 'keychain';
  if (process.platform === 'win32') return 'dpapi';
  return 'unknown';
}

/** electron-store holds the non-secret settings only (language, registry address, delays). */
function settingsStore(): ElectronHostAdapters['settings'] {
  const store = new Store<{ settings: Record<string, unknown> }>({
    name: 'settings',
    defaults: { settings: {} },
  });
  return {
    read: () => store.get('settings'),
    write: (settings: Settings) => store.set('settings', settings),
  };
}

/** Open external links only after the same allow-list check that main.ts applies to navigation. */
export async function openExternalSafely(url: string): Promise<void> {
  if (!isAllowedExternalUrl(url)) throw new Error('refused external URL');
  await shell.openExternal(url, { activate: true });
}

const withDialogParent = (): BrowserWindow | undefined =>
  BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];

const dialogFilters = (filters: FileFilter[]) =>
  filters.map((f) => ({ name: f.name, extensions: f.extensions }));

export function createElectronAdapters(options: {
  openRoute: (route: string) => void;
}): ElectronHostAdapters {
  return {
    secrets: {
      isEncryptionAvailable: () => safeStorage.isEncryptionAvailable(),
      backend: secretBackend,
      encryptString: (plainText) => safeStorage.encryptString(plainText),
      decryptString: (encrypted) => safeStorage.decryptString(Buffer.from(encrypted)),
    },
    settings: settingsStore(),
    dialogs: {
      async chooseFileToOpen({ title, filters }) {
        const options = {
          ...(title ? { title } : {}),
          filters: dialogFilters(filters),
          properties: ['openFile' as const],
        };
        const parent = withDialogParent();
        const result = parent
          ? await dialog.showOpenDialog(parent, options)
          : await dialog.showOpenDialog(options);
        return result.canceled ? null : (result.filePaths[0] ?? null);
      },
      async chooseFileToSave({ suggestedName, filters }) {
        const options = {
          defaultPath: join(app.getPath('documents'), suggestedName),
          filters: dialogFilters(filters),
        };
        const parent = withDialogParent();
        const result = parent
          ? await dialog.showSaveDialog(parent, options)
          : await dialog.showSaveDialog(options);
        return result.canceled || !result.filePath ? null : result.filePath;
      },
    },
    files: nodeFileAccess,
    system: {
      openExternal: openExternalSafely,
      notificationsSupported: () => Notification.isSupported(),
      showNotification: (title, body, onClick) => {
        const notification = new Notification({ title, body, silent: false });
        if (onClick) notification.on('click', onClick);
        notification.show();
      },
      openRoute: options.openRoute,
      appVersion: () => app.getVersion(),
      platform: () => process.platform,
    },
  };
}
