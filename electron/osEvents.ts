import type { HostEvent, HostEventType } from '../shared/host/contract';

/** Electron powerMonitor events that should lock the vault at once, and the host event each becomes. */
export const OS_LOCK_EVENTS = {
  'lock-screen': 'os.lock',
  suspend: 'os.suspend',
} as const satisfies Record<string, HostEventType>;

export type OsLockEventName = keyof typeof OS_LOCK_EVENTS;

/**
 * Forwards OS lock/suspend to the renderer as host events. `subscribe` is powerMonitor.on, `emit`
 * sends on HOST_EVENT_CHANNEL to our window (and does nothing while there is none).
 */
export function forwardOsLockEvents(
  subscribe: (name: OsLockEventName, listener: () => void) => void,
  emit: (event: HostEvent) => void,
): void {
  for (const name of Object.keys(OS_LOCK_EVENTS) as OsLockEventName[]) {
    subscribe(name, () => emit({ type: OS_LOCK_EVENTS[name] }));
  }
}
