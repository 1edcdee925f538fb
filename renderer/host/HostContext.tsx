import { createContext, useContext } from 'react';
import { HOST_BRIDGE_GLOBAL, type HostBridge } from '../../shared/host/contract';
import { createHostClient, type HostClient } from '../../shared/host/client';
import { dispatchHostCall } from '../../shared/host/dispatch';
import { createBrowserHandlers } from './browserHandlers';

declare global {
  interface Window {
    [HOST_BRIDGE_GLOBAL]?: HostBridge;
  }
}

/**
 * The Electron preload exposes a bridge on window.pocHost; in plain Chromium there is none and the
 * browser host takes its place, behind the same validation.
 */
export function resolveHost(version: string): HostClient {
  const electronBridge = window[HOST_BRIDGE_GLOBAL];
  if (electronBridge) return createHostClient(electronBridge);
  const handlers = createBrowserHandlers({ version });
  return createHostClient({ invoke: (name, arg) => dispatchHostCall(handlers, name, arg) });
}

export const HostContext = createContext<HostClient | null>(null);

export function useHost(): HostClient {
  const host = useContext(HostContext);
  if (!host) throw new Error('useHost outside HostContext');
  return host;
}
