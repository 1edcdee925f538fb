import { describe, expect, it, vi } from 'vitest';
import { dispatchHostCall } from '../../../../shared/host/dispatch';
import { createElectronHandlers } from '../../../../electron/handlers';
import {
  createSecretHandlers,
  isProtectiveBackend,
  type SecretStoreAdapter,
} from '../../../../electron/handlers/secrets';
import { fakeAdapters } from './fakes';

/** A reversible fake "OS store": XOR with a constant, enough to prove bytes round-trip. */
function fakeStore(backend: string, available = true) {
  const encryptString = vi.fn((text: string) => new TextEncoder().encode(text).map((b) => b ^ 0x5a));
  const store: SecretStoreAdapter = {
    isEncryptionAvailable: () => available,
    backend: () => backend,
    encryptString,
    decryptString: (bytes: Uint8Array) => {
      if (bytes.length === 0)
        throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return new TextDecoder().decode(bytes.map((b) => b ^ 0x5a));
    },
  };
  return Object.assign(store, { encrypted: encryptString });
}

describe('OS secret store handlers', () => {
  it.each(['gnome_libsecret', 'kwallet5', 'kwallet6', 'keychain', 'dpapi'])(
    'protects and recovers the vault key with %s',
    async (backend) => {
      const handlers = createSecretHandlers(fakeStore(backend));
      expect(await handlers['secrets.status']({})).toEqual({ available: true, backend });
      const { protected: sealed } = await handlers['secrets.protect']({ secret: 'q83vEjRWeJA=' });
      expect(sealed).not.toContain('q83vEjRWeJA');
      expect(await handlers['secrets.unprotect']({ protected: sealed })).toEqual({ secret: 'q83vEjRWeJA=' });
    },
  );

  it.each(['basic_text', 'unknown'])(
    'refuses the Linux %s backend: it is not encryption',
    async (backend) => {
      const store = fakeStore(backend);
      const handlers = createSecretHandlers(store);
      expect(isProtectiveBackend(store)).toBe(false);
      expect(await handlers['secrets.status']({})).toEqual({ available: false, backend });
      await expect(handlers['secrets.protect']({ secret: 'q83vEjRWeJA=' })).rejects.toMatchObject({
        code: 'unavailable',
      });
      await expect(handlers['secrets.unprotect']({ protected: 'AAAA' })).rejects.toMatchObject({
        code: 'unavailable',
      });
      expect(store.encrypted).not.toHaveBeenCalled();
    },
  );

  it('refuses when the OS says encryption is not available', async () => {
    const handlers = createSecretHandlers(fakeStore('gnome_libsecret', false));
    expect((await handlers['secrets.status']({})).available).toBe(false);
    await expect(handlers['secrets.protect']({ secret: 'AAAA' })).rejects.toMatchObject({
      code: 'unavailable',
    });
  });

  it('reports a key sealed elsewhere as a failure, not a crash', async () => {
    const handlers = createSecretHandlers(fakeStore('keychain'));
    await expect(handlers['secrets.unprotect']({ protected: '' })).rejects.toMatchObject({ code: 'failed' });
  });

  it('answers basic_text through the full dispatch with an error envelope', async () => {
    const handlers = createElectronHandlers({ ...fakeAdapters(), secrets: fakeStore('basic_text') });
    expect(await dispatchHostCall(handlers, 'secrets.protect', { secret: 'AAAA' })).toMatchObject({
      ok: false,
      error: { code: 'unavailable' },
    });
  });
});
