/**
 * Two (or more) points of contact in one Playwright test, each in its own browser context, talking
 * through a real demo registry started on a free port.
 *
 *   const registry = await startDemoRegistry();
 *   try {
 *     const a = await newPocPage(browser);  const b = await newPocPage(browser);
 *     const pocA = await setUpPoc(a, { registry, code: 'DEMO-FRA-TECH-0001', language: 'fr' });
 *     const pocB = await setUpPoc(b, { registry, code: 'DEMO-DEU-TECH-0001' });
 *     await syncToHead(a, registry);   // A now also holds B's key (B published after A synced)
 *   } finally { await registry.stop(); }
 *
 * Or `setUpPocPair(browser, registry, { a: {...}, b: {...} })`, which does exactly that.
 *
 * What `setUpPoc` does, always in the ENGLISH UI (the accessible names below are the en texts):
 *   1. opens the app (fresh context → no vault) and creates a vault (support/app.ts `createVault`:
 *      "Passphrase", "Confirm passphrase", button "Create vault");
 *   2. Enrolment (#/onboarding): "Your name or the name of your office, for the key" + button
 *      "Create my key" (Ed25519/Cv25519 key in the vault); "Registry address" + button
 *      "Show the registry's fingerprint"; checkbox "I compared it…"; "Enrolment code" + button
 *      "Enrol and register my key"; waits for "This device is enrolled as …";
 *   3. My keys (#/identity): waits for the button "Publish my key in my directory entry" (it appears
 *      once the first sync has brought the own State's entry of the own role), clicks it, and waits
 *      until test id `key-publication` says "Published: …" (the registry signed the entry with the
 *      key into the feed and this device pulled it back);
 *   4. switches the UI to `options.language` (header combobox "Language") when it is not 'en'.
 *
 * Afterwards the page is unlocked, on #/identity, in `options.language`; the vault holds the own
 * key, the enrolment, and the directory up to the moment of publishing. A POC set up EARLIER does
 * not yet hold the key of one set up later: call `syncToHead(earlierPage, registry)` (test id
 * `last-seq`; works in any UI language). `setUpPocPair` sets both up in English, syncs A, and only
 * then switches each page to its language (so A's page is on #/sync afterwards, B's on #/identity).
 * Everything waits on visible state, never on fixed timeouts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { DirectoryRepository } from '../../../registry/store/directoryRepository';
import { openRegistryDatabase } from '../../../registry/store/database';
import { killHard, spawnRegistry, type RegistryProcess } from '../../support/registry-process';
import { stateName } from '../../../shared/directory/stateNames';
import { createVault, openApp } from './app';

export type DemoCode = 'DEMO-FRA-TECH-0001' | 'DEMO-FRA-DIPL-0001' | 'DEMO-DEU-TECH-0001';
export type UiLanguage = 'ar' | 'en' | 'es' | 'fr' | 'ru' | 'zh';

export interface DemoRegistry {
  url: string;
  fingerprint: string;
  dataDir: string;
  /** The registry's current feed head (read from its SQLite file). */
  head(): number;
  stop(): Promise<void>;
}

/** Starts `registry/cli.ts --demo` in its own process on a free port, with its own data folder. */
export async function startDemoRegistry(options: { demoSize?: number } = {}): Promise<DemoRegistry> {
  const dataDir = mkdtempSync(join(tmpdir(), 'poc-e2e-pocs-'));
  let child: RegistryProcess;
  try {
    child = await spawnRegistry({
      dataDir,
      demo: true,
      ...(options.demoSize ? { demoSize: options.demoSize } : {}),
    });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  return {
    url: child.url,
    fingerprint: child.fingerprint,
    dataDir,
    head() {
      const db = openRegistryDatabase(dataDir);
      try {
        return new DirectoryRepository(db).head();
      } finally {
        db.close();
      }
    },
    async stop() {
      await killHard(child);
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A new browser context (own storage = own vault) that accepts downloads, and a page in it. */
export async function newPocPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  return context.newPage();
}

export interface PocSetUp {
  code: DemoCode;
  state: string;
  role: 'technical' | 'diplomatic';
  /** The name the directory shows for the own entry ("Person — Entity" or "Entity"), as in the verdict. */
  entryName: string;
  /** The State's name in English (as the English UI shows it), e.g. "Germany". */
  stateLabel: string;
  /** Accessible name of this POC's checkbox in an English recipient picker (several demo entries share an entity name). */
  pickerName: RegExp;
  /** What to type in an English recipient search so that this POC is among the first matches. */
  pickerQuery: string;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const CODE_FACTS: Record<DemoCode, { state: string; role: PocSetUp['role'] }> = {
  'DEMO-FRA-TECH-0001': { state: 'FRA', role: 'technical' },
  'DEMO-FRA-DIPL-0001': { state: 'FRA', role: 'diplomatic' },
  'DEMO-DEU-TECH-0001': { state: 'DEU', role: 'technical' },
};

export async function setUpPoc(
  page: Page,
  options: { registry: DemoRegistry; code: DemoCode; language?: UiLanguage; keyName?: string },
): Promise<PocSetUp> {
  const facts = CODE_FACTS[options.code];
  await openApp(page, { language: 'en' });
  await createVault(page);

  await page.goto('/#/onboarding');
  await page
    .getByLabel('Your name or the name of your office, for the key')
    .fill(options.keyName ?? `Fictional ${facts.state} ${facts.role} POC`);
  await page.getByRole('button', { name: 'Create my key' }).click();
  await page.getByLabel('Registry address').fill(options.registry.url);
  await page.getByRole('button', { name: "Show the registry's fingerprint" }).click();
  await expect(page.getByTestId('registry-fingerprint')).toHaveText(
    options.registry.fingerprint.replace(/(.{4})(?=.)/g, '$1 '),
  );
  await page.getByLabel('I compared it', { exact: false }).check();
  await page.getByLabel('Enrolment code').fill(options.code);
  await page.getByRole('button', { name: 'Enrol and register my key' }).click();
  await expect(
    page.getByText(
      `This device is enrolled as ${facts.role} point of contact of ${stateName(facts.state, 'en')}.`,
    ),
  ).toBeVisible({ timeout: 30_000 });

  await page.goto('/#/identity');
  const publish = page.getByRole('button', { name: 'Publish my key in my directory entry' });
  await expect(publish).toBeVisible({ timeout: 90_000 });
  await publish.click();
  const publication = page.getByTestId('key-publication');
  await expect(publication).toContainText('Published:', { timeout: 90_000 });
  const match = /the directory entry (.+) carries your key/.exec((await publication.textContent()) ?? '');
  if (!match?.[1]) throw new Error('could not read the published entry name');

  if (options.language && options.language !== 'en') await switchLanguage(page, options.language);
  const entryName = match[1];
  const stateLabel = stateName(facts.state, 'en');
  const entity = entryName.split(' — ').pop() ?? entryName;
  return {
    code: options.code,
    ...facts,
    entryName,
    stateLabel,
    pickerName: new RegExp(`^${escapeRegExp(`${entryName} · ${stateLabel}`)}\\b`),
    pickerQuery: `${stateLabel} ${entity}`,
  };
}

/** Switches the UI language with the header's language list (named "Language" in English). */
export async function switchLanguage(
  page: Page,
  language: UiLanguage,
  fromLanguageLabel = 'Language',
): Promise<void> {
  await page.getByRole('combobox', { name: fromLanguageLabel }).selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

/**
 * Syncs until this device has applied everything the registry has now (test id `last-seq` of the
 * sync area equals the registry's head). The sync area's own "Sync now" button is found by its place
 * (the button right in the status section), so this works in any UI language.
 */
export async function syncToHead(page: Page, registry: DemoRegistry): Promise<void> {
  const head = registry.head();
  await page.goto('/#/sync');
  const lastSeq = page.getByTestId('last-seq');
  await expect(lastSeq).toBeVisible({ timeout: 30_000 });
  if ((await lastSeq.textContent()) !== String(head))
    await page.locator('section.sync-status > button').first().click();
  await expect(lastSeq).toHaveText(String(head), { timeout: 60_000 });
}

/** Two POCs, A then B, each in its own context; afterwards each one's directory holds the other's key. */
export async function setUpPocPair(
  browser: Browser,
  registry: DemoRegistry,
  options: {
    a?: { code?: DemoCode; language?: UiLanguage };
    b?: { code?: DemoCode; language?: UiLanguage };
  } = {},
): Promise<{ a: Page; b: Page; pocA: PocSetUp; pocB: PocSetUp }> {
  const a = await newPocPage(browser);
  const b = await newPocPage(browser);
  // Both in English first; languages are switched only once A has pulled B's published key.
  const pocA = await setUpPoc(a, { registry, code: options.a?.code ?? 'DEMO-FRA-TECH-0001' });
  const pocB = await setUpPoc(b, { registry, code: options.b?.code ?? 'DEMO-DEU-TECH-0001' });
  await syncToHead(a, registry);
  if (options.a?.language && options.a.language !== 'en') await switchLanguage(a, options.a.language);
  if (options.b?.language && options.b.language !== 'en') await switchLanguage(b, options.b.language);
  return { a, b, pocA, pocB };
}

/** In Sync → own entries (English UI): edits the first own entry's person title and signs it for sending. */
export async function editOwnEntryTitle(page: Page, title: string): Promise<void> {
  await page
    .getByRole('button', { name: /^Edit / })
    .first()
    .click();
  await page.getByLabel('Title of the person (optional)').fill(title);
  await page.getByRole('button', { name: 'Sign and send' }).click();
}
