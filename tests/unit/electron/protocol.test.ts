import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, mimeTypeFor, resolveAppRequest } from '../../../electron/protocol';

const root = resolve('/srv/app/dist/renderer');

describe('resolveAppRequest', () => {
  it('maps our URLs to files inside the renderer folder', () => {
    expect(resolveAppRequest('app://poc-desk/index.html', root)).toEqual({
      kind: 'file',
      path: join(root, 'index.html'),
      mimeType: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://poc-desk/', root)).toMatchObject({
      kind: 'file',
      path: join(root, 'index.html'),
    });
    expect(resolveAppRequest('app://poc-desk/assets/index-abc.js?v=1#x', root)).toMatchObject({
      kind: 'file',
      path: join(root, 'assets', 'index-abc.js'),
      mimeType: 'text/javascript; charset=utf-8',
    });
    expect(resolveAppRequest('app://poc-desk/assets/my%20font.woff2', root)).toMatchObject({
      path: join(root, 'assets', 'my font.woff2'),
    });
  });

  it.each([
    ['encoded slash', 'app://poc-desk/..%2f..%2f..%2fetc%2fpasswd'],
    ['encoded slash, upper case', 'app://poc-desk/assets/..%2F..%2F..%2Fetc/passwd'],
    ['fully encoded dots', 'app://poc-desk/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['encoded backslash', 'app://poc-desk/..%5c..%5cwindows%5csystem.ini'],
    ['encoded NUL', 'app://poc-desk/index.html%00.png'],
    ['malformed encoding', 'app://poc-desk/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['double-encoded climb, once decoded', 'app://poc-desk/assets/..%2f'],
  ])('refuses %s', (_label, url) => {
    expect(resolveAppRequest(url, root).kind).toBe('forbidden');
  });

  it('never resolves outside the folder, whatever the URL parser normalised', () => {
    for (const url of [
      'app://poc-desk/../../etc/passwd',
      'app://poc-desk/%2e%2e/%2e%2e/etc/passwd',
      'app://poc-desk/a/b/../../../x',
    ]) {
      const target = resolveAppRequest(url, root);
      if (target.kind === 'file') expect(target.path.startsWith(root + '/')).toBe(true);
    }
  });

  it('knows the types the renderer build uses', () => {
    expect(mimeTypeFor('a.wasm')).toBe('application/wasm');
    expect(mimeTypeFor('a.CSS')).toBe('text/css; charset=utf-8');
    expect(mimeTypeFor('a.svg')).toBe('image/svg+xml');
    expect(mimeTypeFor('LICENSE')).toBe('application/octet-stream');
  });
});

describe('createAppProtocolHandler', () => {
  let dir: string;
  let secret: string;
  let handler: ReturnType<typeof createAppProtocolHandler>;

  beforeAll(() => {
    const base = mkdtempSync(join(tmpdir(), 'poc-protocol-'));
    dir = join(base, 'renderer');
    mkdirSync(join(dir, 'assets'), { recursive: true });
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>app</title>');
    writeFileSync(join(dir, 'assets', 'app.js'), 'export {};');
    secret = join(base, 'secret.txt');
    writeFileSync(secret, 'outside the app folder');
    handler = createAppProtocolHandler({
      root: dir,
      files: {
        read: async (path) => {
          try {
            return new Uint8Array(await readFile(path));
          } catch {
            return null;
          }
        },
      },
    });
  });
  afterAll(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('serves a file with its type and the CSP', async () => {
    const response = await handler({ url: 'app://poc-desk/index.html', method: 'GET' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).toContain('<title>app</title>');
  });

  it('refuses to climb to a sibling file, with the CSP on the refusal too', async () => {
    const response = await handler({ url: 'app://poc-desk/..%2fsecret.txt', method: 'GET' });
    expect(response.status).toBe(403);
    expect(response.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(await response.text()).not.toContain('outside');
  });

  it('answers 404 for a missing file and 405 for writes', async () => {
    expect((await handler({ url: 'app://poc-desk/nope.js', method: 'GET' })).status).toBe(404);
    expect((await handler({ url: 'app://poc-desk/index.html', method: 'POST' })).status).toBe(405);
  });
});
