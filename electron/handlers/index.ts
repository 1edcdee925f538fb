import type { HostHandlers } from '../../shared/host/contract';
import { createFileHandlers, type FileAccess, type FileDialogs } from './files';
import { createSecretHandlers, type SecretStoreAdapter } from './secrets';
import { createSettingsHandlers, type SettingsStore } from './settings';
import { createSystemHandlers, type SystemAdapter } from './system';

/** Everything the Electron host needs from the OS, injected (real ones in electron/adapters.ts). */
export interface ElectronHostAdapters {
  secrets: SecretStoreAdapter;
  settings: SettingsStore;
  dialogs: FileDialogs;
  files: FileAccess;
  system: SystemAdapter;
}

/** The host contract implemented for Electron's main process. */
export function createElectronHandlers(adapters: ElectronHostAdapters): HostHandlers {
  return {
    ...createSystemHandlers(adapters.system),
    ...createSettingsHandlers(adapters.settings),
    ...createSecretHandlers(adapters.secrets),
    ...createFileHandlers(adapters.dialogs, adapters.files),
  } satisfies HostHandlers;
}
