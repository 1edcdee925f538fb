import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { runAdminCommand } from '../../registry/admin/commands';
import { tr, escapeRegExp } from './support/locales';
import {
  setUpPocPair,
  startDemoRegistry,
  switchLanguage,
  syncToHead,
  type DemoRegistry,
  type UiLanguage,
} from './support/pocs';

/**
 * Issue 11, "Done when": axe-core (WCAG 2.0/2.1 A and AA rules) on every area in all six languages,
 * failing on any serious or critical violation. One setup for the whole run — two enrolled POCs, an
 * inquiry from A received by B (so B has an incoming case with the response panel), a ping waiting —
 * then B's page switches language and visits every area by its hash route. The very first screen
 * (before any vault) gets a fresh context per language. Every violation found is listed at the end.
 */
const LANGUAGES: readonly UiLanguage[] = ['en', 'fr', 'es', 'ru', 'zh', 'ar'];
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

async function scan(page: Page, where: string, found: string[]): Promise<void> {
  // Let the screen settle (queries resolve, countdowns render) before looking at it.
  await expect(page.locator('main h2, main h1').first()).toBeVisible({ timeout: 30_000 });
  await page.waitForTimeout(300);
  const results = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(results.passes.length, `axe checked nothing on ${where}`).toBeGreaterThan(10);
  for (const violation of results.violations) {
    if (violation.impact !== 'serious' && violation.impact !== 'critical') continue;
    const nodes = violation.nodes
      .slice(0, 3)
      .map((node) => `${node.target.join(' ')} ${node.failureSummary?.split('\n')[1]?.trim() ?? ''}`)
      .join(' | ');
    const line = `${where}: ${violation.id} (${violation.impact}, ${violation.nodes.length}×) ${nodes}`;
    found.push(line);
    process.stdout.write(`axe: ${line}\n`); // seen while the run goes on, not only at its end
  }
}

async function scanFirstScreen(browser: Browser, language: UiLanguage, found: string[]) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript((lng) => {
    window.localStorage.setItem('poc-desk.settings', JSON.stringify({ language: lng }));
  }, language);
  await page.goto('/');
  await expect(page.locator('html')).toHaveAttribute('lang', language);
  await scan(page, `${language} first run (passphrase)`, found);
  await context.close();
}

/** A sends B an urgent inquiry as an e-mail file; B imports it: an incoming case. Returns B's case URL. */
async function incomingCase(a: Page, b: Page, recipient: string): Promise<string> {
  await a.goto('/#/inquiry');
  await a.getByLabel('Find the recipient in the directory').fill('Germany');
  await a.getByRole('radio', { name: new RegExp(escapeRegExp(recipient)) }).check({ timeout: 15_000 });
  await a.getByRole('button', { name: 'Next' }).click();
  await a.getByLabel('What happened').fill('Defacement of a ministry site (fictional)');
  await a.getByRole('button', { name: 'Next' }).click();
  await a.getByLabel('Urgency', { exact: true }).selectOption('urgent');
  await a.getByRole('button', { name: 'Next' }).click();
  await a.getByRole('button', { name: 'Next' }).click();
  await a.getByRole('button', { name: 'Sign, encrypt and send' }).click();
  const handover = a.getByRole('region', { name: 'Hand the message over' });
  const download = a.waitForEvent('download');
  await handover.getByRole('button', { name: 'Save as e-mail (.eml)' }).click();
  const path = '/tmp/pw-a11y-inquiry.eml';
  await (await download).saveAs(path);

  await b.goto('/#/messages');
  await b.getByRole('tab', { name: 'Read a message' }).click();
  const chooser = b.waitForEvent('filechooser');
  await b.getByRole('button', { name: 'Open a file' }).click();
  await (await chooser).setFiles(path);
  await expect(b.getByText(/Verified sender/)).toBeVisible({ timeout: 30_000 });
  await b.getByRole('button', { name: 'Open the case' }).click();
  await expect(b).toHaveURL(/#\/cases\/./);
  return new URL(b.url()).hash;
}

test.describe.configure({ mode: 'serial' });

test.describe('axe-core on every area', () => {
  let registry: DemoRegistry;
  let b: Page;
  let caseHash = '';
  let entryHash = '';
  let current: UiLanguage = 'en';

  test.beforeAll(async ({ browser }) => {
    test.setTimeout(600_000);
    // 400 entries: two per State, both roles (the default ~700 only makes every axe pass slower).
    registry = await startDemoRegistry({ demoSize: 400 });
    const pair = await setUpPocPair(browser, registry);
    b = pair.b;
    caseHash = await incomingCase(pair.a, b, pair.pocB.entryName);
    await pair.a.context().close();
    runAdminCommand('start-campaign', { data: registry.dataDir });
    await syncToHead(b, registry);
    await b.goto('/#/directory');
    entryHash = (await b.locator('.directory-results a').first().getAttribute('href')) ?? '#/directory';
  });
  test.afterAll(async () => {
    await registry.stop();
  });

  for (const language of LANGUAGES) {
    test(`no serious or critical violation in ${language}`, async ({ browser }) => {
      test.setTimeout(300_000);
      const found: string[] = [];
      await scanFirstScreen(browser, language, found);
      if (language !== current) await switchLanguage(b, language, tr(current, 'common', 'settings.language'));
      current = language;
      const t = (namespace: string, key: string) => tr(language, namespace, key);
      const visit = async (hash: string, area: string) => {
        await b.goto(`/${hash}`);
        await scan(b, `${language} ${area}`, found);
      };
      await visit('#/home', 'home');
      await visit('#/onboarding', 'first run (own key)');
      await visit('#/directory', 'directory');
      await visit(entryHash, 'entry');
      await b.goto('/#/inquiry');
      const steps = b.getByRole('list', { name: t('inquiry', 'stepsLabel') }).getByRole('button');
      for (let step = 0; step < 5; step++) {
        await steps.nth(step).click();
        await scan(b, `${language} inquiry step ${step + 1}`, found);
      }
      await visit('#/cases', 'cases');
      await visit(caseHash, 'case page');
      await b.getByRole('button', { name: t('response', 'acknowledge') }).click();
      await scan(b, `${language} response (acknowledgement)`, found);
      await visit('#/messages', 'messages (write)');
      await b.getByRole('tab', { name: t('messages', 'tabs.receive') }).click();
      await scan(b, `${language} messages (read)`, found);
      await b.getByRole('tab', { name: t('messages', 'tabs.history') }).click();
      await scan(b, `${language} messages (history)`, found);
      await visit('#/pings', 'pings');
      await visit('#/sync', 'registry and own entries');
      await visit('#/identity', 'keys');
      await visit('#/settings', 'settings');
      await visit('#/about', 'about');
      expect(found, found.join('\n')).toEqual([]);
    });
  }
});
