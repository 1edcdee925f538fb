import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/** `npm start` where no Electron binary can be had: a clear message naming start:web, at once. */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const emptyDist = mkdtempSync(join(tmpdir(), 'poc-no-electron-'));
afterAll(() => rmSync(emptyDist, { recursive: true, force: true }));

describe('build/scripts/start.mjs without an Electron binary', () => {
  it('exits at once with a message that names npm run start:web, not a stack trace', () => {
    const started = Date.now();
    const result = spawnSync(process.execPath, [join(root, 'build/scripts/start.mjs')], {
      cwd: root,
      encoding: 'utf8',
      timeout: 20_000,
      // Point at an empty Electron folder and forbid the download, so this holds on every machine.
      env: { ...process.env, ELECTRON_OVERRIDE_DIST_PATH: emptyDist, ELECTRON_SKIP_BINARY_DOWNLOAD: '1' },
    });
    expect(result.status).toBe(1);
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(result.stderr).toContain('npm run start:web');
    expect(result.stderr).toContain('Electron binary is not installed');
    expect(result.stderr).not.toMatch(/^\s+at /m);
    expect(result.stderr).not.toMatch(/Error:/);
  });
});
