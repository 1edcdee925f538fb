import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import {
  HOST_BRIDGE_GLOBAL,
  HOST_EVENT_CHANNEL,
  HOST_IPC_CHANNEL,
  type HostBridge,
  type HostEnvelope,
  type HostEvent,
  type HostEventListener,
} from '../shared/host/contract';

/**
 * The preload (sandboxed, context-isolated) exposes exactly two functions on window.pocHost: invoke
 * a host call, and subscribe to host events. ipcRenderer itself never reaches the page.
 */
const bridge = {
  invoke: (name: string, arg: unknown): Promise<HostEnvelope<unknown>> =>
    ipcRenderer.invoke(HOST_IPC_CHANNEL, name, arg) as Promise<HostEnvelope<unknown>>,
  onEvent: (listener: HostEventListener): (() => void) => {
    // The IPC event object (with its sender) is not passed on to the page.
    const forward = (_event: IpcRendererEvent, payload: HostEvent) => listener(payload);
    ipcRenderer.on(HOST_EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(HOST_EVENT_CHANNEL, forward);
    };
  },
} satisfies HostBridge;

contextBridge.exposeInMainWorld(HOST_BRIDGE_GLOBAL, bridge);
