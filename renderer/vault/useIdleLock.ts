import { useEffect } from 'react';
import { useHost } from '../host/HostContext';

const ACTIVITY_EVENTS = ['pointerdown', 'pointermove', 'keydown', 'wheel', 'touchstart', 'focus'] as const;

/**
 * Locks the vault after `minutes` without keyboard or pointer activity, and at once when the host
 * says the OS screen locked or the machine is suspending (Electron powerMonitor; the browser host
 * sends no events).
 */
export function useIdleLock(minutes: number, lock: () => void, active: boolean): void {
  const host = useHost();
  useEffect(() => {
    if (!active) return undefined;
    let last = Date.now();
    const touch = () => {
      last = Date.now();
    };
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, touch, { passive: true, capture: true });
    const limit = minutes * 60_000;
    const timer = window.setInterval(() => {
      if (Date.now() - last >= limit) lock();
    }, Math.min(15_000, Math.max(1000, limit / 4)));
    const stopEvents = host.onEvent((event) => {
      if (event.type === 'os.lock' || event.type === 'os.suspend') lock();
    });
    return () => {
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, touch, { capture: true });
      window.clearInterval(timer);
      stopEvents();
    };
  }, [host, minutes, lock, active]);
}
