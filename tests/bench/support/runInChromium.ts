import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../../e2e/support/browser';
import type { BrowserBenchResult } from './browserDirectoryBench';

/**
 * Bundles a browser script of this folder, serves it on a loopback port (IndexedDB needs a real
 * origin), runs it in the system Chromium and calls the function it put on `window`.
 * Returns null when no Chromium is installed.
 */
export async function runInChromium<T>(entry: string, functionName: string, args: readonly unknown[]): Promise<T | null> {
  const executablePath = findChromium();
  if (!executablePath) return null;
  const bundle = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2022',
    minify: true,
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const script = bundle.outputFiles[0]?.text ?? '';
  const server = createServer((req, res) => {
    if (req.url === '/bench.js') {
      res.writeHead(200, { 'content-type': 'text/javascript' });
      res.end(script);
    } else {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!doctype html><meta charset="utf-8"><script src="/bench.js"></script>');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const browser = await chromium.launch({
    executablePath,
    args: [...CHROMIUM_FLAGS, '--js-flags=--expose-gc', '--enable-precise-memory-info'],
  });
  try {
    const page = await browser.newPage();
    await page.goto(`http://127.0.0.1:${port}/`);
    await page.waitForFunction((name) => typeof (window as unknown as Record<string, unknown>)[name] === 'function', functionName);
    return (await page.evaluate(
      ([name, a]) => ((window as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[name] as (...x: unknown[]) => Promise<unknown>)(...a),
      [functionName, args] as [string, readonly unknown[]],
    )) as T;
  } finally {
    await browser.close();
    server.close();
  }
}

/** The directory benchmark (browserDirectoryBench.ts) in Chromium. */
export async function runDirectoryBenchInChromium(queries: string[], runs: number): Promise<BrowserBenchResult | null> {
  return runInChromium<BrowserBenchResult>('./browserDirectoryBench.ts', 'runDirectoryBench', [queries, runs]);
}
