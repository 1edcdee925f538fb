import { describe, expect, it, vi } from 'vitest';
import { SettingsSchema, type HostHandlers } from '../../../../shared/host/contract';
import { dispatchHostCall, HostError } from '../../../../shared/host/dispatch';

function handlers(overrides: Partial<HostHandlers> = {}): HostHandlers {
  const reject = () => Promise.reject(new HostError('unavailable', 'not in this test'));
  return {
    'app.info': () => Promise.resolve({ version: '1.0.0', host: 'browser', platform: 'test' }),
    'settings.get': () => Promise.resolve(SettingsSchema.parse({})),
    'settings.set': (patch) => Promise.resolve(SettingsSchema.parse(patch)),
    'secrets.status': () => Promise.resolve({ available: false, backend: 'none' }),
    'secrets.protect': reject,
    'secrets.unprotect': reject,
    'files.open': () => Promise.resolve(null),
    'files.save': () => Promise.resolve({ saved: true }),
    'external.open': () => Promise.resolve({ opened: true }),
    'notify.show': () => Promise.resolve({ shown: true }),
    ...overrides,
  };
}

describe('dispatchHostCall', () => {
  it('runs a valid call and wraps the result', async () => {
    expect(await dispatchHostCall(handlers(), 'app.info', {})).toEqual({
      ok: true,
      value: { version: '1.0.0', host: 'browser', platform: 'test' },
    });
  });

  it('refuses an unknown call without running anything', async () => {
    const result = await dispatchHostCall(handlers(), 'shell.exec', { cmd: 'rm -rf /' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-call' } });
  });

  it.each([
    ['external.open', { url: 'file:///etc/passwd' }],
    ['external.open', { url: 'javascript:alert(1)' }],
    ['external.open', { url: 'http://example.org' }],
    ['files.save', { suggestedName: '../../.bashrc', mimeType: 'text/plain', bytes: '' }],
    ['files.save', { suggestedName: 'a.txt', mimeType: 'text/plain', bytes: 'not base64!' }],
    ['settings.set', { registryUrl: 'ftp://registry.example.org' }],
    ['settings.set', { idleLockMinutes: 0 }],
    ['settings.set', { unknownKey: true }],
    ['notify.show', { title: '', body: 'x' }],
    ['app.info', { extra: 1 }],
  ])('refuses %s with %j before the handler runs', async (name, arg) => {
    const spy = vi.fn(() => Promise.resolve({ opened: true, saved: true, shown: true }));
    const h = handlers({ 'external.open': spy, 'files.save': spy, 'notify.show': spy });
    const result = await dispatchHostCall(h, name, arg);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    expect(spy).not.toHaveBeenCalled();
  });

  it('accepts https and mailto links', async () => {
    for (const url of ['https://example.org/poc', 'mailto:cert@example.org?subject=x']) {
      expect(await dispatchHostCall(handlers(), 'external.open', { url })).toMatchObject({ ok: true });
    }
  });

  it('passes typed host errors through and hides unexpected ones', async () => {
    expect(await dispatchHostCall(handlers(), 'secrets.protect', { secret: 'AAAA' })).toEqual({
      ok: false,
      error: { code: 'unavailable', message: 'not in this test' },
    });
    const leaky = handlers({ 'files.open': () => Promise.reject(new Error('/home/someone/secret path')) });
    const result = await dispatchHostCall(leaky, 'files.open', {});
    expect(result).toEqual({ ok: false, error: { code: 'failed', message: 'files.open failed' } });
  });

  it('refuses a handler result that breaks the contract', async () => {
    const bad = handlers({ 'app.info': () => Promise.resolve({ version: 1 } as never) });
    expect(await dispatchHostCall(bad, 'app.info', {})).toMatchObject({
      ok: false,
      error: { code: 'failed' },
    });
  });
});

describe('registry address setting', () => {
  it.each([
    ['https://registry.example.org', true],
    ['http://127.0.0.1:8787', true],
    ['http://localhost:8787', true],
    ['http://registry.example.org', false],
    ['ftp://registry.example.org', false],
  ])('%s allowed: %s', async (registryUrl, allowed) => {
    const result = await dispatchHostCall(handlers(), 'settings.set', { registryUrl });
    expect(result.ok).toBe(allowed);
  });
});
