import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { chromium, type Page } from '@playwright/test';
import { CHROMIUM_FLAGS, findChromium } from '../../e2e/support/browser';
import type { BrowserBenchResult, FreshLoad } from './browserDirectoryBench';

export interface BenchBrowser {
  /** A new page (same profile, so IndexedDB persists between pages) with the script loaded. */
  newPage(): Promise<Page>;
  close(): Promise<void>;
}

/**
 * Bundles a browser script of this folder, serves it on a loopback port (IndexedDB needs a real
 * origin) and opens the system Chromium on it. Returns null when no Chromium is installed.
 */
export async function openBenchBrowser(entry: string, functionName: string): Promise<BenchBrowser | null> {
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
  const context = await browser.newContext();
  return {
    async newPage() {
      const page = await context.newPage();
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(
        (name) => typeof (window as unknown as Record<string, unknown>)[name] === 'function',
        functionName,
      );
      return page;
    },
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/** Calls a function the bench script put on `window`. */
export async function callInPage<T>(page: Page, functionName: string, args: readonly unknown[]): Promise<T> {
  return (await page.evaluate(
    ([name, a]) =>
      (
        (window as unknown as Record<string, (...x: unknown[]) => Promise<unknown>>)[name] as (
          ...x: unknown[]
        ) => Promise<unknown>
      )(...a),
    [functionName, args] as [string, readonly unknown[]],
  )) as T;
}

/** Runs one function of a browser script in a fresh Chromium page. Returns null when no Chromium is installed. */
export async function runInChromium<T>(
  entry: string,
  functionName: string,
  args: readonly unknown[],
): Promise<T | null> {
  const browser = await openBenchBrowser(entry, functionName);
  if (!browser) return null;
  try {
    return await callInPage<T>(await browser.newPage(), functionName, args);
  } finally {
    await browser.close();
  }
}

/**
 * The directory benchmark (browserDirectoryBench.ts): one page stores 10,000 entries and runs the
 * search rounds; then each load is measured in a fresh page (nothing warm: no JIT, no cache), the
 * app's load first, then the one-blob baseline in the same page.
 */
export async function runDirectoryBenchInChromium(
  queries: string[],
  runs: number,
): Promise<BrowserBenchResult | null> {
  const browser = await openBenchBrowser('./browserDirectoryBench.ts', 'runDirectoryBench');
  if (!browser) return null;
  try {
    const setup = await browser.newPage();
    const result = await callInPage<BrowserBenchResult>(setup, 'runDirectoryBench', [queries, runs]);
    await setup.close();
    for (let i = 0; i < runs + 1; i++) {
      const page = await browser.newPage();
      const load = await callInPage<FreshLoad>(page, 'measureFreshLoad', []);
      await page.close();
      if (i === 0) continue; // warm-up: the browser's own first-use costs (disk cache, IndexedDB backend)
      result.freshLoads.push(load.app);
      result.keysBack.push(load.keysBack);
      result.blobLoads.push(load.blob);
      result.blobReads.push(load.blobRead);
      result.uniqueLoads.push(load.unique);
    }
    return result;
  } finally {
    await browser.close();
  }
}
