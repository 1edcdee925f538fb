import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { HostEvent } from '../../../shared/host/contract';
import { forwardOsLockEvents } from '../../../electron/osEvents';

describe('forwardOsLockEvents', () => {
  it('turns OS screen lock and suspend into host events for the vault', () => {
    const powerMonitor = new EventEmitter();
    const sent: HostEvent[] = [];
    forwardOsLockEvents(
      (name, listener) => powerMonitor.on(name, listener),
      (event) => sent.push(event),
    );
    powerMonitor.emit('lock-screen');
    powerMonitor.emit('suspend');
    powerMonitor.emit('resume');
    expect(sent).toEqual([{ type: 'os.lock' }, { type: 'os.suspend' }]);
  });
});
