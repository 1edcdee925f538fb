import { SettingsSchema, type HostHandlers, type Settings } from '../../shared/host/contract';
import { HostError } from '../../shared/host/dispatch';
import { base64ToBytes, bytesToBase64 } from '../../shared/encoding/base64';
import { saveInBrowser } from './browserSave';

const SETTINGS_KEY = 'poc-desk.settings';

/**
 * The host contract implemented with web APIs, for plain Chromium (npm run start:web and every e2e
 * test). What a browser cannot do safely is refused, not faked: there is no OS secret store here.
 */
export function createBrowserHandlers(options: { version: string; storage?: Storage }): HostHandlers {
  const storage = options.storage ?? window.localStorage;

  const readSettings = (): Settings => {
    try {
      const parsed = SettingsSchema.safeParse(JSON.parse(storage.getItem(SETTINGS_KEY) ?? '{}'));
      return parsed.success ? parsed.data : SettingsSchema.parse({});
    } catch {
      return SettingsSchema.parse({});
    }
  };

  return {
    'app.info': () =>
      Promise.resolve({ version: options.version, host: 'browser', platform: navigator.platform || 'web' }),
    'settings.get': () => Promise.resolve(readSettings()),
    'settings.set': (patch) => {
      const next = SettingsSchema.parse({ ...readSettings(), ...patch });
      storage.setItem(SETTINGS_KEY, JSON.stringify(next));
      return Promise.resolve(next);
    },
    'secrets.status': () => Promise.resolve({ available: false, backend: 'none' }),
    'secrets.protect': () =>
      Promise.reject(new HostError('unavailable', 'No OS secret store in the browser host.')),
    'secrets.unprotect': () =>
      Promise.reject(new HostError('unavailable', 'No OS secret store in the browser host.')),
    'files.open': ({ filters, maxBytes }) =>
      new Promise((resolve, reject) => {
        const input = document.createElement('input');
        input.type = 'file';
        input.accept = filters.flatMap((f) => f.extensions.map((e) => `.${e}`)).join(',');
        input.style.display = 'none';
        input.dataset.hostFileInput = 'true';
        input.addEventListener('change', () => {
          const file = input.files?.[0];
          input.remove();
          if (!file) return resolve(null);
          if (file.size > maxBytes)
            return reject(new HostError('too-large', `File is larger than ${maxBytes} bytes.`));
          file
            .arrayBuffer()
            .then((buffer) => resolve({ name: file.name, bytes: bytesToBase64(new Uint8Array(buffer)) }))
            .catch(() => reject(new HostError('failed', 'The file could not be read.')));
        });
        input.addEventListener('cancel', () => {
          input.remove();
          resolve(null);
        });
        document.body.append(input);
        input.click();
      }),
    'files.save': ({ suggestedName, mimeType, bytes }) =>
      saveInBrowser(suggestedName, mimeType, base64ToBytes(bytes)),
    'external.open': ({ url }) => {
      if (url.startsWith('mailto:')) {
        window.location.href = url;
        return Promise.resolve({ opened: true });
      }
      const opened = window.open(url, '_blank', 'noopener,noreferrer');
      return Promise.resolve({ opened: opened !== null });
    },
    'notify.show': async ({ title, body, route }) => {
      if (typeof Notification === 'undefined') return { shown: false };
      if (Notification.permission === 'default') await Notification.requestPermission();
      if (Notification.permission !== 'granted') return { shown: false };
      const notification = new Notification(title, { body });
      if (route) {
        notification.onclick = () => {
          window.focus();
          window.location.hash = route;
        };
      }
      return { shown: true };
    },
  };
}
