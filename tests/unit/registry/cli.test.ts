import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CliUsageError, parseCliArgs } from '../../../registry/cliArgs';
import { DEFAULT_PING_INTERVAL_DAYS } from '../../../registry/pingScheduler';

const ROOT = resolve(import.meta.dirname, '../../..');

describe('registry command line', () => {
  it('reads a serve command with its defaults', () => {
    expect(parseCliArgs(['--data', '/tmp/r'])).toEqual({
      kind: 'serve',
      options: {
        dataDir: '/tmp/r',
        port: 8787,
        host: '127.0.0.1',
        demo: false,
        pingIntervalDays: DEFAULT_PING_INTERVAL_DAYS,
      },
    });
    expect(
      parseCliArgs([
        'serve',
        '--data',
        'd',
        '--port',
        '0',
        '--demo',
        '--demo-size',
        '50',
        '--ping-interval-days',
        '0',
        '--rate-limit',
        '100',
      ]),
    ).toMatchObject({
      kind: 'serve',
      options: { port: 0, demo: true, demoSize: 50, pingIntervalDays: 0, rateLimitPerMinute: 100 },
    });
    expect(parseCliArgs(['admin', 'counts', '--data', 'd'])).toMatchObject({
      kind: 'admin',
      command: 'counts',
    });
    expect(parseCliArgs(['--help'])).toEqual({ kind: 'help' });
  });

  it.each([
    [['--port', '8787'], /--data DIR is required/],
    [['--data', 'd', '--port', 'eighty'], /--port must be a whole number, not "eighty"/],
    [['--data', 'd', '--port', '70000'], /--port must be between 0 and 65535, not 70000/],
    [['--data', 'd', '--ping-interval-days=-3'], /--ping-interval-days must be a whole number/],
    [['--data', 'd', '--demo-size', '1.5'], /--demo-size must be a whole number/],
    [['--data', 'd', '--prot', '1'], /Unknown option '--prot'/],
    [['start', '--data', 'd'], /unknown command "start"/],
    [['admin'], /admin needs a command: issue-code, revoke/],
    [['admin', 'delete-all', '--data', 'd'], /unknown admin command "delete-all"/],
    [['admin', 'counts'], /--data DIR is required/],
    [['admin', 'issue-code', '--data', 'd', '--days', '0'], /--days must be between 1 and 3650/],
  ])('refuses %j with a message naming the mistake', (argv, message) => {
    expect(() => parseCliArgs(argv)).toThrow(CliUsageError);
    expect(() => parseCliArgs(argv)).toThrow(message);
  });

  it('exits with 2 and prints the message and the usage on a wrong command line; 1 on a failure while running', () => {
    const dir = mkdtempSync(join(tmpdir(), 'poc-registry-cli-'));
    try {
      const run = (args: string[]) =>
        spawnSync(process.execPath, ['--import', 'tsx', 'registry/cli.ts', ...args], {
          cwd: ROOT,
          encoding: 'utf8',
          timeout: 30_000,
        });
      const usage = run(['admin', 'issue-code', '--data', dir, '--role', 'technical']);
      expect(usage.status).toBe(2);
      expect(usage.stderr).toContain('Error: --state is required');
      expect(usage.stderr).toContain('Usage:');
      expect(usage.stdout).toBe('');

      const failure = run(['admin', 'import', '--data', dir, '--file', join(dir, 'missing.json')]);
      expect(failure.status).toBe(1);
      expect(failure.stderr).toMatch(/Error: .*missing\.json is not a readable JSON file/);
      expect(failure.stderr).not.toContain('Usage:');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
