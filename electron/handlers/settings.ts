import { SettingsSchema, type HostHandlers, type Settings } from '../../shared/host/contract';

/** Where non-secret settings live (electron-store in the app). Never keys, passphrases or contacts. */
export interface SettingsStore {
  read(): unknown;
  write(settings: Settings): void;
}

/** Reads stored settings through the schema: a damaged or outdated file falls back to defaults. */
function readSettings(store: SettingsStore): Settings {
  const parsed = SettingsSchema.safeParse(store.read() ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

export function createSettingsHandlers(
  store: SettingsStore,
): Pick<HostHandlers, 'settings.get' | 'settings.set'> {
  return {
    'settings.get': () => Promise.resolve(readSettings(store)),
    'settings.set': (patch) => {
      const next = SettingsSchema.parse({ ...readSettings(store), ...patch });
      store.write(next);
      return Promise.resolve(next);
    },
  };
}
