import type { HostHandlers } from '../../shared/host/contract';
import { HostError } from '../../shared/host/dispatch';
import { isAllowedExternalUrl } from '../security';

/** shell.openExternal, Notification and app facts, as the handlers need them. */
export interface SystemAdapter {
  openExternal(url: string): Promise<void>;
  notificationsSupported(): boolean;
  /** Shows a notification; `onClick` runs when the user clicks it. */
  showNotification(title: string, body: string, onClick?: () => void): void;
  /** Brings the window forward and takes the renderer to a route (a notification was clicked). */
  openRoute(route: string): void;
  appVersion(): string;
  platform(): string;
}

export function createSystemHandlers(
  system: SystemAdapter,
): Pick<HostHandlers, 'app.info' | 'external.open' | 'notify.show'> {
  return {
    'app.info': () =>
      Promise.resolve({ version: system.appVersion(), host: 'electron', platform: system.platform() }),
    'external.open': async ({ url }) => {
      // The contract's schema already refused other schemes; check again right before the OS call.
      if (!isAllowedExternalUrl(url))
        throw new HostError('invalid-argument', 'Only https: and mailto: links can be opened.');
      try {
        await system.openExternal(url);
      } catch {
        return { opened: false };
      }
      return { opened: true };
    },
    'notify.show': ({ title, body, route }) => {
      if (!system.notificationsSupported()) return Promise.resolve({ shown: false });
      system.showNotification(title, body, route ? () => system.openRoute(route) : undefined);
      return Promise.resolve({ shown: true });
    },
  };
}
