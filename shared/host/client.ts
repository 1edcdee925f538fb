import type { HostArg, HostBridge, HostCallName, HostResult } from './contract';
import { HostError } from './dispatch';

/** The typed face of the host for the renderer: `host.call('files.save', {...})`. */
export interface HostClient {
  call<K extends HostCallName>(name: K, arg: HostArg<K>): Promise<HostResult<K>>;
}

export function createHostClient(bridge: HostBridge): HostClient {
  return {
    async call<K extends HostCallName>(name: K, arg: HostArg<K>): Promise<HostResult<K>> {
      const envelope = await bridge.invoke(name, arg);
      if (!envelope.ok) throw new HostError(envelope.error.code, envelope.error.message);
      return envelope.value as HostResult<K>;
    },
  };
}
