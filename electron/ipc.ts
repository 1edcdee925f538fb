import type { HostEnvelope, HostHandlers } from '../shared/host/contract';
import { dispatchHostCall } from '../shared/host/dispatch';
import { isAppUrl } from './security';

/** The part of Electron's WebFrameMain the sender check needs. */
export interface SenderFrame {
  readonly url: string;
  readonly parent: unknown;
  readonly processId: number;
  readonly routingId: number;
}

/** Same frame: the same wrapper, or the same renderer process and routing id (robust to re-wrapping). */
function isSameFrame(a: SenderFrame, b: SenderFrame): boolean {
  return a === b || (a.processId === b.processId && a.routingId === b.routingId);
}

/** The part of Electron's IpcMainInvokeEvent the handler reads. */
export interface HostInvokeEvent {
  readonly senderFrame: SenderFrame | null;
}

/**
 * Only the top frame of our own window, showing our own app:// page, may call the host. A frame
 * that navigated elsewhere, a subframe, another window or a destroyed frame is refused.
 */
export function isTrustedSender(
  frame: SenderFrame | null,
  mainFrameOfOurWindow: SenderFrame | null,
): boolean {
  if (!frame || !mainFrameOfOurWindow) return false;
  if (!isSameFrame(frame, mainFrameOfOurWindow)) return false;
  if (frame.parent !== null) return false;
  return isAppUrl(frame.url);
}

/**
 * The one `ipcMain.handle(HOST_IPC_CHANNEL, …)` listener: checks the sender, then validates and runs
 * the call through the same dispatcher as the browser host. Never throws; always an envelope.
 */
export function createHostIpcHandler(options: {
  handlers: HostHandlers;
  /** The main frame of our window, or null while there is none. */
  mainFrame: () => SenderFrame | null;
}) {
  return async (event: HostInvokeEvent, name: unknown, arg: unknown): Promise<HostEnvelope<unknown>> => {
    if (!isTrustedSender(event.senderFrame, options.mainFrame())) {
      return { ok: false, error: { code: 'forbidden-sender', message: 'This frame may not call the host.' } };
    }
    return dispatchHostCall(options.handlers, name, arg);
  };
}
