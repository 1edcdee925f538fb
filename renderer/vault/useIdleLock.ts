import { useEffect } from 'react';
import { useHost } from '../host/HostContext';
import { startIdleLock, type IdleLockClock } from './idleLock';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

const windowClock: IdleLockClock = {
  now: () => Date.now(),
  setInterval: (tick, ms) => window.setInterval(tick, ms),
  clearInterval: (handle) => window.clearInterval(handle),
};

function onWindowActivity(listener: () => void): () => void {
  for (const name of ACTIVITY_EVENTS)
    window.addEventListener(name, listener, { passive: true, capture: true });
  return () => {
    for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, listener, { capture: true });
  };
}

/**
 * Locks the vault after `minutes` without keyboard or pointer activity, and at once when the host
 * says the OS screen locked or the machine is suspending (Electron powerMonitor; the browser host
 * sends no events). The timing logic is in idleLock.ts.
 */
export function useIdleLock(minutes: number, lock: () => void, active: boolean): void {
  const host = useHost();
  useEffect(() => {
    if (!active) return undefined;
    return startIdleLock(
      minutes,
      lock,
      { onActivity: onWindowActivity, onHostEvent: (listener) => host.onEvent(listener) },
      windowClock,
    );
  }, [host, minutes, lock, active]);
}
