import { describe, expect, it, vi } from 'vitest';
import { SettingsSchema, type HostHandlers } from '../../../shared/host/contract';
import { createHostIpcHandler, isTrustedSender, type SenderFrame } from '../../../electron/ipc';

let nextRoutingId = 1;
/** A distinct frame each time (its own routing id), like Electron's WebFrameMain. */
const frame = (url: string, parent: unknown = null): SenderFrame => ({
  url,
  parent,
  processId: 7,
  routingId: nextRoutingId++,
});

function fakeHandlers() {
  const save = vi.fn<HostHandlers['files.save']>(() => Promise.resolve({ saved: true }));
  const handlers: HostHandlers = {
    'app.info': () => Promise.resolve({ version: '0.1.0', host: 'electron', platform: 'linux' }),
    'settings.get': () => Promise.resolve(SettingsSchema.parse({})),
    'settings.set': (patch) => Promise.resolve(SettingsSchema.parse(patch)),
    'secrets.status': () => Promise.resolve({ available: true, backend: 'gnome_libsecret' }),
    'secrets.protect': () => Promise.resolve({ protected: 'AAAA' }),
    'secrets.unprotect': () => Promise.resolve({ secret: 'AAAA' }),
    'files.open': () => Promise.resolve(null),
    'files.save': save,
    'external.open': () => Promise.resolve({ opened: true }),
    'notify.show': () => Promise.resolve({ shown: true }),
  };
  return { handlers, save };
}

describe('isTrustedSender', () => {
  const main = frame('app://poc-desk/index.html');
  it('trusts the main frame of our window on our origin', () => {
    expect(isTrustedSender(main, main)).toBe(true);
  });
  it('refuses another frame, even one showing our page', () => {
    expect(isTrustedSender(frame('app://poc-desk/index.html'), main)).toBe(false);
    expect(isTrustedSender({ ...main, processId: 8 }, main)).toBe(false);
  });
  it('recognises our main frame by process and routing id even through another wrapper object', () => {
    expect(isTrustedSender({ ...main }, main)).toBe(true);
  });
  it('refuses a subframe, a foreign origin, a destroyed frame and a missing window', () => {
    const sub = frame('app://poc-desk/index.html', main);
    expect(isTrustedSender(sub, sub)).toBe(false);
    const navigatedAway = frame('https://evil.example/');
    expect(isTrustedSender(navigatedAway, navigatedAway)).toBe(false);
    const fileFrame = frame('file:///tmp/x.html');
    expect(isTrustedSender(fileFrame, fileFrame)).toBe(false);
    expect(isTrustedSender(null, main)).toBe(false);
    expect(isTrustedSender(main, null)).toBe(false);
  });
});

describe('the host IPC handler', () => {
  const main = frame('app://poc-desk/index.html');
  const goodSave = { suggestedName: 'message.asc', mimeType: 'text/plain', bytes: 'AAAA' };

  it('runs a valid call from our main frame', async () => {
    const { handlers, save } = fakeHandlers();
    const handle = createHostIpcHandler({ handlers, mainFrame: () => main });
    expect(await handle({ senderFrame: main }, 'files.save', goodSave)).toEqual({
      ok: true,
      value: { saved: true },
    });
    expect(save).toHaveBeenCalledOnce();
  });

  it('refuses calls from an unexpected frame without running the handler', async () => {
    const { handlers, save } = fakeHandlers();
    const handle = createHostIpcHandler({ handlers, mainFrame: () => main });
    for (const sender of [
      frame('app://poc-desk/index.html'),
      frame('https://evil.example/'),
      frame('app://poc-desk/index.html', main),
      null,
    ]) {
      expect(await handle({ senderFrame: sender }, 'files.save', goodSave)).toMatchObject({
        ok: false,
        error: { code: 'forbidden-sender' },
      });
    }
    expect(save).not.toHaveBeenCalled();
  });

  it('refuses our own frame once it shows another origin', async () => {
    const { handlers } = fakeHandlers();
    const hijacked = frame('https://evil.example/');
    const handle = createHostIpcHandler({ handlers, mainFrame: () => hijacked });
    expect(await handle({ senderFrame: hijacked }, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
  });

  it.each([
    ['files.save', { ...goodSave, suggestedName: '../../.bashrc' }],
    ['files.save', { ...goodSave, bytes: '%%%' }],
    ['files.save', { ...goodSave, extra: true }],
    ['external.open', { url: 'file:///etc/passwd' }],
    ['settings.set', { registryUrl: 'ftp://registry.example' }],
    ['secrets.protect', { secret: 'x'.repeat(5000) }],
    ['notify.show', { title: '', body: 'x' }],
  ])('rejects %s with a bad argument before any handler runs', async (name, arg) => {
    const { handlers, save } = fakeHandlers();
    const handle = createHostIpcHandler({ handlers, mainFrame: () => main });
    expect(await handle({ senderFrame: main }, name, arg)).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
    expect(save).not.toHaveBeenCalled();
  });

  it('rejects unknown calls', async () => {
    const { handlers } = fakeHandlers();
    const handle = createHostIpcHandler({ handlers, mainFrame: () => main });
    expect(await handle({ senderFrame: main }, 'shell.exec', { cmd: 'id' })).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
    expect(await handle({ senderFrame: main }, '__proto__', {})).toMatchObject({
      ok: false,
      error: { code: 'unknown-call' },
    });
  });
});
