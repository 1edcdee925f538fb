import { extname, isAbsolute, relative, resolve, sep } from 'node:path';
import { APP_HOST, APP_SCHEME, appResponseHeaders } from './security';

/**
 * Serves the built renderer (dist/renderer) on app://poc-desk/. Pure Node: takes the folder and a
 * file reader, returns a web Response, so the path-traversal guard is tested without Electron.
 */

const MIME_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.otf': 'font/otf',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

export function mimeTypeFor(filePath: string): string {
  return MIME_TYPES[extname(filePath).toLowerCase()] ?? 'application/octet-stream';
}

export type AppRequestTarget =
  { kind: 'file'; path: string; mimeType: string } | { kind: 'forbidden'; reason: string };

/**
 * Maps an app:// URL to a file inside `root`, or refuses it. Refused: another scheme or host,
 * malformed percent-encoding, encoded separators or dots that would climb out (`..%2f`, `%2e%2e`),
 * backslashes, NUL bytes, and anything that resolves outside `root`.
 */
export function resolveAppRequest(url: string, root: string): AppRequestTarget {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { kind: 'forbidden', reason: 'not a URL' };
  }
  if (parsed.protocol !== `${APP_SCHEME}:` || parsed.host !== APP_HOST)
    return { kind: 'forbidden', reason: 'not our origin' };
  let pathname: string;
  try {
    pathname = decodeURIComponent(parsed.pathname);
  } catch {
    return { kind: 'forbidden', reason: 'malformed encoding' };
  }
  if (pathname.includes('\0') || pathname.includes('\\'))
    return { kind: 'forbidden', reason: 'forbidden character' };
  // After decoding, any ".." segment is an attempt to climb, even if it would land back inside.
  if (pathname.split('/').some((segment) => segment === '..'))
    return { kind: 'forbidden', reason: 'path traversal' };
  const relativePath = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel) || !target.startsWith(base + sep)) {
    return { kind: 'forbidden', reason: 'outside the app folder' };
  }
  return { kind: 'file', path: target, mimeType: mimeTypeFor(target) };
}

export interface AppFileReader {
  /** Resolves with the bytes, or with null when there is no such (regular) file. */
  read(path: string): Promise<Uint8Array<ArrayBuffer> | null>;
}

/** The handler for `protocol.handle('app', …)`: every response carries the CSP. */
export function createAppProtocolHandler(options: { root: string; files: AppFileReader }) {
  return async (request: { url: string; method: string }): Promise<Response> => {
    const textHeaders = appResponseHeaders('text/plain; charset=utf-8');
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return new Response('Method not allowed', { status: 405, headers: textHeaders });
    }
    const target = resolveAppRequest(request.url, options.root);
    if (target.kind === 'forbidden') return new Response('Forbidden', { status: 403, headers: textHeaders });
    const bytes = await options.files.read(target.path);
    if (!bytes) return new Response('Not found', { status: 404, headers: textHeaders });
    return new Response(request.method === 'HEAD' ? null : bytes, {
      status: 200,
      headers: appResponseHeaders(target.mimeType),
    });
  };
}
