import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { HostBridge, HostEvent, HostEventListener } from '../../../shared/host/contract';
import { createHostClient } from '../../../shared/host/client';
import { forwardOsLockEvents } from '../../../electron/osEvents';

/** A stand-in for the preload's bridge: an IPC channel from main to the page. */
function fakeBridge(channel: EventEmitter): HostBridge {
  return {
    invoke: () => Promise.resolve({ ok: true, value: null }),
    onEvent: (listener: HostEventListener) => {
      channel.on('event', listener);
      return () => channel.off('event', listener);
    },
  };
}

describe('host events from the OS to the vault', () => {
  it('reaches a renderer subscriber when the screen locks, until it unsubscribes', () => {
    const powerMonitor = new EventEmitter();
    const channel = new EventEmitter();
    forwardOsLockEvents(
      (name, listener) => powerMonitor.on(name, listener),
      (event: HostEvent) => channel.emit('event', event),
    );
    const client = createHostClient(fakeBridge(channel));
    const listener = vi.fn();
    const unsubscribe = client.onEvent(listener);
    powerMonitor.emit('lock-screen');
    expect(listener).toHaveBeenCalledWith({ type: 'os.lock' });
    unsubscribe();
    powerMonitor.emit('suspend');
    expect(listener).toHaveBeenCalledTimes(1);
  });

  it('drops anything that is not a known host event', () => {
    const channel = new EventEmitter();
    const listener = vi.fn();
    createHostClient(fakeBridge(channel)).onEvent(listener);
    channel.emit('event', { type: 'shell.exec', cmd: 'id' });
    channel.emit('event', { type: 'os.lock', extra: 1 });
    channel.emit('event', 'os.lock');
    expect(listener).not.toHaveBeenCalled();
  });

  it('is a harmless no-op on a host without events (the browser host)', () => {
    const client = createHostClient({ invoke: () => Promise.resolve({ ok: true, value: null }) });
    const unsubscribe = client.onEvent(() => undefined);
    expect(unsubscribe).toBeTypeOf('function');
    expect(() => unsubscribe()).not.toThrow();
  });
});
