import {
  HostEventSchema,
  type HostArg,
  type HostBridge,
  type HostCallName,
  type HostEventListener,
  type HostResult,
} from './contract';
import { HostError } from './dispatch';

/** The typed face of the host for the renderer: `host.call('files.save', {...})`. */
export interface HostClient {
  call<K extends HostCallName>(name: K, arg: HostArg<K>): Promise<HostResult<K>>;
  /**
   * Host events (OS screen locked, system suspending) so the vault can lock at once. Returns the
   * unsubscribe function; a host without events (the browser host) never calls the listener.
   */
  onEvent(listener: HostEventListener): () => void;
}

export function createHostClient(bridge: HostBridge): HostClient {
  return {
    async call<K extends HostCallName>(name: K, arg: HostArg<K>): Promise<HostResult<K>> {
      const envelope = await bridge.invoke(name, arg);
      if (!envelope.ok) throw new HostError(envelope.error.code, envelope.error.message);
      return envelope.value as HostResult<K>;
    },
    onEvent(listener: HostEventListener): () => void {
      if (!bridge.onEvent) return () => undefined;
      return bridge.onEvent((event) => {
        // The bridge crosses a process boundary: accept only events the contract knows.
        const parsed = HostEventSchema.safeParse(event);
        if (parsed.success) listener(parsed.data);
      });
    },
  };
}
