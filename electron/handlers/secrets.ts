import type { HostHandlers } from '../../shared/host/contract';
import { HostError } from '../../shared/host/dispatch';

/** The part of Electron's safeStorage we use, plus the name of the backend it picked. */
export interface SecretStoreAdapter {
  isEncryptionAvailable(): boolean;
  /**
   * Linux: safeStorage.getSelectedStorageBackend() ('gnome_libsecret', 'kwallet5', 'basic_text',
   * 'unknown', …); macOS: 'keychain'; Windows: 'dpapi'.
   */
  backend(): string;
  encryptString(plainText: string): Uint8Array;
  decryptString(encrypted: Uint8Array): string;
}

/**
 * Backends that do not protect anything. `basic_text` is Chromium's Linux fallback when no keyring
 * is running: it "encrypts" with a hard-coded password, so a copied disk yields the vault key.
 * `unknown` means the backend was not chosen yet or could not be determined. We refuse both, and
 * the vault stays passphrase-only.
 */
const REFUSED_BACKENDS = new Set(['basic_text', 'unknown', '']);

export function isProtectiveBackend(adapter: SecretStoreAdapter): boolean {
  try {
    return adapter.isEncryptionAvailable() && !REFUSED_BACKENDS.has(adapter.backend());
  } catch {
    return false;
  }
}

export function createSecretHandlers(
  adapter: SecretStoreAdapter,
): Pick<HostHandlers, 'secrets.status' | 'secrets.protect' | 'secrets.unprotect'> {
  const requireProtective = () => {
    if (!isProtectiveBackend(adapter)) {
      throw new HostError(
        'unavailable',
        'No OS secret store that really encrypts is available; the passphrase alone protects the vault.',
      );
    }
  };
  return {
    'secrets.status': () =>
      Promise.resolve({ available: isProtectiveBackend(adapter), backend: safeBackendName(adapter) }),
    // The secret is already base64 text; the OS store encrypts that text as it is.
    'secrets.protect': ({ secret }) =>
      Promise.resolve().then(() => {
        requireProtective();
        return { protected: Buffer.from(adapter.encryptString(secret)).toString('base64') };
      }),
    'secrets.unprotect': ({ protected: encrypted }) =>
      Promise.resolve().then(() => {
        requireProtective();
        try {
          return { secret: adapter.decryptString(Buffer.from(encrypted, 'base64')) };
        } catch {
          throw new HostError(
            'failed',
            'The OS secret store could not decrypt this key (another user or machine?).',
          );
        }
      }),
  };
}

function safeBackendName(adapter: SecretStoreAdapter): string {
  try {
    return adapter.backend().slice(0, 100);
  } catch {
    return 'unknown';
  }
}
