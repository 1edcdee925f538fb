import { describe, expect, it, vi } from 'vitest';
import { dispatchHostCall } from '../../../../shared/host/dispatch';
import { createElectronHandlers } from '../../../../electron/handlers';
import { createSystemHandlers } from '../../../../electron/handlers/system';
import { fakeAdapters } from './fakes';

function system() {
  const base = fakeAdapters().system;
  const openExternal = vi.fn<(url: string) => Promise<void>>(() => Promise.resolve());
  const showNotification = vi.fn<(title: string, body: string, onClick?: () => void) => void>();
  const openRoute = vi.fn<(route: string) => void>();
  return { ...base, openExternal, showNotification, openRoute };
}

describe('system handlers', () => {
  it('reports the app version and that it runs in Electron', async () => {
    expect(await createSystemHandlers(system())['app.info']({})).toEqual({
      version: '0.1.0',
      host: 'electron',
      platform: 'linux',
    });
  });

  it('hands https and mailto links to the OS', async () => {
    const adapter = system();
    const handlers = createSystemHandlers(adapter);
    expect(await handlers['external.open']({ url: 'https://www.un.org/' })).toEqual({ opened: true });
    expect(await handlers['external.open']({ url: 'mailto:poc@example.org' })).toEqual({ opened: true });
    expect(adapter.openExternal.mock.calls.map(([url]) => url)).toEqual([
      'https://www.un.org/',
      'mailto:poc@example.org',
    ]);
  });

  it('never hands other links to the OS, even when called directly past the schema', async () => {
    const adapter = system();
    const handlers = createSystemHandlers(adapter);
    for (const url of ['file:///etc/passwd', 'smb://host/share', 'https://user:pw@example.org/']) {
      await expect(handlers['external.open']({ url })).rejects.toMatchObject({ code: 'invalid-argument' });
    }
    expect(adapter.openExternal).not.toHaveBeenCalled();
  });

  it('rejects a bad link at dispatch with an error envelope', async () => {
    const adapter = system();
    const handlers = createElectronHandlers(fakeAdapters({ system: adapter }));
    expect(await dispatchHostCall(handlers, 'external.open', { url: 'javascript:alert(1)' })).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(adapter.openExternal).not.toHaveBeenCalled();
  });

  it('shows a notification, or says it could not', async () => {
    const adapter = system();
    expect(
      await createSystemHandlers(adapter)['notify.show']({ title: 'Ping', body: 'A ping test is waiting' }),
    ).toEqual({ shown: true });
    expect(adapter.showNotification).toHaveBeenCalledWith('Ping', 'A ping test is waiting', undefined);
    expect(
      await createSystemHandlers({ ...adapter, notificationsSupported: () => false })['notify.show']({
        title: 'Ping',
        body: '',
      }),
    ).toEqual({ shown: false });
  });

  it('takes the user to the place in the app a clicked notification names', async () => {
    const adapter = system();
    const handlers = createElectronHandlers({ ...fakeAdapters(), system: adapter });
    expect(
      await dispatchHostCall(handlers, 'notify.show', { title: 'Ping', body: '48 h', route: '#/pings' }),
    ).toEqual({
      ok: true,
      value: { shown: true },
    });
    const onClick = adapter.showNotification.mock.calls[0]?.[2];
    expect(adapter.openRoute).not.toHaveBeenCalled();
    onClick?.();
    expect(adapter.openRoute).toHaveBeenCalledWith('#/pings');
  });

  it('refuses a notification route that is not a place in the app', async () => {
    const adapter = system();
    const handlers = createElectronHandlers({ ...fakeAdapters(), system: adapter });
    for (const route of ['https://example.org', '#/pings/../../x', 'javascript:alert(1)']) {
      expect(
        await dispatchHostCall(handlers, 'notify.show', { title: 'Ping', body: '', route }),
      ).toMatchObject({
        ok: false,
        error: { code: 'invalid-argument' },
      });
    }
    expect(adapter.showNotification).not.toHaveBeenCalled();
  });
});
