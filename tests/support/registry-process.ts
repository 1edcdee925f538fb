import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

export interface RegistryProcess {
  child: ChildProcess;
  url: string;
  fingerprint: string;
  port: number;
}

/** Starts `registry/cli.ts` as its own process (so a test can kill -9 it) and waits for REGISTRY_READY. */
export function spawnRegistry(args: {
  dataDir: string;
  port?: number;
  demo?: boolean;
  demoSize?: number;
}): Promise<RegistryProcess> {
  const argv = [
    '--import',
    'tsx',
    'registry/cli.ts',
    '--data',
    args.dataDir,
    '--port',
    String(args.port ?? 0),
    '--rate-limit',
    '100000',
  ];
  if (args.demo) argv.push('--demo', ...(args.demoSize ? ['--demo-size', String(args.demoSize)] : []));
  const child = spawn(process.execPath, argv, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolvePromise, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`registry did not start:\n${output}`)), 30_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /REGISTRY_READY (\S+) ([0-9A-F]+)/.exec(output);
      if (!match?.[1] || !match[2]) return;
      clearTimeout(timer);
      child.stdout?.off('data', onData);
      child.stdout?.resume();
      resolvePromise({ child, url: match[1], fingerprint: match[2], port: Number(new URL(match[1]).port) });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`registry exited (${code}):\n${output}`));
    });
  });
}

export function killHard(registry: RegistryProcess): Promise<void> {
  return new Promise((resolvePromise) => {
    if (registry.child.exitCode !== null || registry.child.signalCode !== null) return resolvePromise();
    registry.child.once('exit', () => resolvePromise());
    registry.child.kill('SIGKILL');
  });
}
