import { mkdtempSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import sirv from 'sirv';
import { build } from 'vite';
import type { RunningRegistry } from '../../support/registry-harness';

/**
 * Driving the real app (vite production build) in Chromium for the app benchmarks
 * (directoryApp.bench.ts, syncBundleApp.bench.ts): build, serve, open a page, enrol, and an in-page
 * stopwatch. Times are taken inside the page (performance.now() at the click, a MutationObserver
 * for the result), not by polling from Node.
 */
export const PASSPHRASE = 'benchmark passphrase, fictional';

declare global {
  interface Window {
    benchLongTasks?: { start: number; duration: number }[];
    benchMark?: { clicked: number; done: number };
  }
}

export async function buildApp(): Promise<string> {
  const outDir = mkdtempSync(join(tmpdir(), 'poc-bench-app-'));
  await build({
    configFile: resolve(import.meta.dirname, '../../../vite.config.ts'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true },
  });
  return outDir;
}

export async function serve(dir: string): Promise<{ server: Server; url: string }> {
  const handler = sirv(dir, { dev: false, etag: true });
  const server = createServer((req, res) => handler(req, res));
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  return { server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

/** Long tasks and the English UI, from the first script of every page. */
export async function newAppPage(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ baseURL: url, acceptDownloads: false });
  await context.addInitScript(() => {
    window.localStorage.setItem('poc-desk.settings', JSON.stringify({ language: 'en' }));
    window.benchLongTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries())
        window.benchLongTasks?.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  await page.goto('/#/directory');
  return page;
}

/** What ends a measurement: the directory lists `count` entries, or an element shows a text. */
export type Done = { listCount: number } | { testId: string; text: string } | { statusStartsWith: string };

/** The `button` of arm() that starts the stopwatch when a file is chosen instead of a click. */
export const FILE_CHOSEN = '<file chosen>';

/**
 * Arms an in-page stopwatch: starts at the next click on a button whose text is `button` (or, for
 * FILE_CHOSEN, when a file input receives a file), stops when `done` holds (checked in the page
 * after every DOM change).
 */
export async function arm(page: Page, button: string, done: Done): Promise<void> {
  await page.evaluate(
    ([label, until]) => {
      const mark = { clicked: 0, done: 0 };
      window.benchMark = mark;
      // No named functions in here: the bench runs through tsx, whose name helpers do not exist in the page.
      document.addEventListener(
        'click',
        (event) => {
          const target = event.target instanceof Element ? event.target.closest('button') : null;
          if (target?.textContent?.trim() === label && !mark.clicked) mark.clicked = performance.now();
        },
        { capture: true },
      );
      document.addEventListener(
        'change',
        (event) => {
          const input = event.target instanceof HTMLInputElement ? event.target : null;
          if (label === '<file chosen>' && input?.type === 'file' && !mark.clicked)
            mark.clicked = performance.now();
        },
        { capture: true },
      );
      const observer = new MutationObserver(() => {
        if (!mark.clicked || mark.done) return;
        const done =
          'listCount' in until
            ? [...document.querySelectorAll('[role=status]')].some(
                (e) =>
                  /^Entries found: [\d\s,.\u00a0\u202f]+$/.test(e.textContent ?? '') &&
                  Number((e.textContent ?? '').replace(/\D/g, '')) === until.listCount,
              )
            : 'statusStartsWith' in until
              ? [...document.querySelectorAll('[role=status]')].some((e) =>
                  (e.textContent ?? '').startsWith(until.statusStartsWith),
                )
              : document.querySelector(`[data-testid="${until.testId}"]`)?.textContent === until.text;
        if (done) {
          mark.done = performance.now();
          observer.disconnect();
        }
      });
      observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    },
    [button, done] as [string, Done],
  );
}

export async function stopwatch(page: Page, timeoutMs: number): Promise<{ clicked: number; done: number }> {
  await page.waitForFunction(() => (window.benchMark?.done ?? 0) > 0, undefined, {
    timeout: timeoutMs,
    polling: 100,
  });
  return page.evaluate(() => window.benchMark ?? { clicked: 0, done: 0 });
}

/** Waits until the directory's status line says `count` entries (any digit grouping). */
export async function waitForList(page: Page, count: number, timeout: number): Promise<void> {
  await page.waitForFunction(
    (n) =>
      [...document.querySelectorAll('[role=status]')].some(
        (e) =>
          /^Entries found: [\d\s,.\u00a0\u202f]+$/.test(e.textContent ?? '') &&
          Number((e.textContent ?? '').replace(/\D/g, '')) === n,
      ),
    count,
    { timeout, polling: 200 },
  );
}

export async function enrol(page: Page, registry: RunningRegistry, code: string): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(PASSPHRASE);
  await page.getByLabel('Confirm passphrase').fill(PASSPHRASE);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await page.getByRole('navigation', { name: 'Main navigation' }).waitFor({ timeout: 60_000 });
  await page.goto('/#/onboarding');
  await page.getByLabel('Your name or the name of your office, for the key').fill('Fictional benchmark desk');
  await page.getByRole('button', { name: 'Create my key' }).click();
  await page.getByLabel('Registry address').fill(registry.url);
  await page.getByRole('button', { name: "Show the registry's fingerprint" }).click();
  await page.getByLabel('I compared it', { exact: false }).check();
  await page.getByLabel('Enrolment code').fill(code);
}
