import { CodedError } from '../errors';
import {
  hostCalls,
  type HostCallName,
  type HostEnvelope,
  type HostErrorCode,
  type HostHandlers,
} from './contract';

export class HostError extends CodedError<HostErrorCode> {}

function isHostCallName(name: unknown): name is HostCallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(hostCalls, name);
}

/**
 * Validates a call against the contract and runs its handler. Used by the Electron main process for
 * every IPC message and by the browser host, so both reject the same bad input the same way.
 * Never throws: every outcome is an envelope.
 */
export async function dispatchHostCall(
  handlers: HostHandlers,
  name: unknown,
  arg: unknown,
): Promise<HostEnvelope<unknown>> {
  if (!isHostCallName(name)) {
    return {
      ok: false,
      error: { code: 'unknown-call', message: `Unknown host call: ${String(name).slice(0, 60)}` },
    };
  }
  const spec = hostCalls[name];
  const parsed = spec.arg.safeParse(arg ?? {});
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') || 'argument';
    return {
      ok: false,
      error: { code: 'invalid-argument', message: `${name}: ${where}: ${issue?.message ?? 'invalid'}` },
    };
  }
  try {
    const handler = handlers[name] as (value: unknown) => Promise<unknown>;
    const value = spec.result.parse(await handler(parsed.data));
    return { ok: true, value };
  } catch (error) {
    if (error instanceof HostError) return { ok: false, error: { code: error.code, message: error.message } };
    return { ok: false, error: { code: 'failed', message: `${name} failed` } };
  }
}
