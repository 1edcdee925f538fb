import { describe, expect, it } from 'vitest';
import { dispatchHostCall } from '../../../../shared/host/dispatch';
import { createElectronHandlers } from '../../../../electron/handlers';
import { createSettingsHandlers } from '../../../../electron/handlers/settings';
import { fakeAdapters } from './fakes';

describe('settings handlers (electron-store)', () => {
  it('starts from defaults and keeps what the user set', async () => {
    const { settings } = fakeAdapters();
    const handlers = createSettingsHandlers(settings);
    expect(await handlers['settings.get']({})).toEqual({ idleLockMinutes: 15, staleSyncDays: 14 });
    await handlers['settings.set']({ language: 'ar', registryUrl: 'https://registry.example.org/' });
    expect(await handlers['settings.get']({})).toMatchObject({
      language: 'ar',
      registryUrl: 'https://registry.example.org/',
      idleLockMinutes: 15,
    });
    expect(settings.read()).toMatchObject({ language: 'ar' });
  });

  it('falls back to defaults when the stored file was damaged or edited by hand', async () => {
    const handlers = createSettingsHandlers({
      read: () => ({ language: 'xx', idleLockMinutes: -4 }),
      write: () => undefined,
    });
    expect(await handlers['settings.get']({})).toEqual({ idleLockMinutes: 15, staleSyncDays: 14 });
  });

  it('refuses keys that are not settings, so nothing secret can be slipped into the store', async () => {
    const adapters = fakeAdapters();
    const handlers = createElectronHandlers(adapters);
    expect(await dispatchHostCall(handlers, 'settings.set', { passphrase: 'hunter2' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(await dispatchHostCall(handlers, 'settings.set', { idleLockMinutes: 0 })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(adapters.settings.read()).toEqual({});
  });
});
