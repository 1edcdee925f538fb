import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import { DEMO_PASSPHRASE, collectConsoleErrors, createVaultAndUnlock, unlockVault } from './support/app';
import { chromiumLaunchOptions } from './support/browser';
import { CANARIES, backupFileWith, canaryEntries, expectedDemoMatches } from './support/directory';
import { filesUnder } from './support/profileFiles';

const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

/** One query per script (and State names in several languages), with or without diacritics/harakat. */
const SEARCHES = [
  { script: 'Latin, diacritics ignored', query: 'cote d ivoire', shows: /Côte d.Ivoire/ },
  { script: 'Latin, Türkiye typed plainly', query: 'turkiye', shows: /Türkiye/ },
  { script: 'Latin (Spanish)', query: 'penalver', shows: /Peñalver/ },
  { script: 'Cyrillic', query: 'центр реагирования', shows: /центр реагирования/i },
  { script: 'Cyrillic State name', query: 'Россия', shows: /Russia/ },
  { script: 'Arabic', query: 'السيبراني', shows: /السيبراني/ },
  { script: 'Arabic without harakat', query: 'محمد', shows: /مُحَمَّد/ },
  { script: 'Arabic State name', query: 'مصر', shows: /Egypt/ },
  { script: 'Chinese', query: '虚构演示', shows: /虚构演示/ },
  { script: 'Chinese State name', query: '中国', shows: /China/ },
];

async function search(page: Page, query: string, expected: number, shows: RegExp): Promise<void> {
  await page.getByLabel('Search the directory').fill(query);
  await expect(page.getByRole('status').filter({ hasText: /Entries found|No entry/ })).toHaveText(
    `Entries found: ${expected}`,
  );
  await expect(page.getByRole('list', { name: 'Directory entries' })).toContainText(shows);
}

test('create a vault, load the demo directory, search in six scripts, lock, reload, unlock: data intact', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await createVaultAndUnlock(page);
  await page.getByRole('button', { name: 'Load the fictional demo directory' }).click();
  await expect(page.getByLabel('Search the directory')).toBeVisible({ timeout: 30_000 });

  for (const { script, query, shows } of SEARCHES) {
    const expected = expectedDemoMatches(query);
    expect(expected, `${script}: the demo has matches for ${query}`).toBeGreaterThan(0);
    await test.step(script, () => search(page, query, expected, shows));
  }

  // Entry page: copy buttons, grouped fingerprint, original/English toggle.
  await page.getByLabel('Search the directory').fill('ficticia');
  await page.getByRole('list', { name: 'Directory entries' }).getByRole('link').first().click();
  await expect(page.getByRole('button', { name: /^Copy telephone number \+/ }).first()).toBeVisible();
  await expect(page.getByRole('button', { name: /^Copy e-mail address / }).first()).toBeVisible();
  await expect(page.getByText('Last ping test confirmed')).toBeVisible();
  await page.getByRole('link', { name: 'Back to the directory' }).click();

  await page.getByRole('button', { name: 'Lock' }).click();
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeVisible();
  await page.reload();

  // A wrong passphrase is refused with a clear message; nothing is wiped.
  await page.getByLabel('Passphrase', { exact: true }).fill('not the passphrase at all');
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('alert')).toContainText('Wrong passphrase');
  await expect(page.getByRole('button', { name: 'Unlock' })).toBeEnabled({ timeout: 5_000 });
  await unlockVault(page, DEMO_PASSPHRASE);

  await search(page, 'مصر', expectedDemoMatches('مصر'), /Egypt/);
  await search(page, 'cote d ivoire', expectedDemoMatches('cote d ivoire'), /Côte d.Ivoire/);
  expect(errors).toEqual([]);
});

test("canary entries leave no name, e-mail or phone in clear in Chromium's profile directory", async () => {
  const profile = mkdtempSync(join(tmpdir(), 'poc-canary-profile-'));
  const backupDir = mkdtempSync(join(tmpdir(), 'poc-canary-backup-'));
  const backupPath = join(backupDir, 'canary.pocvault');
  writeFileSync(backupPath, await backupFileWith(canaryEntries(25), DEMO_PASSPHRASE));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions(),
      baseURL: BASE_URL,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    // First run: restore the canary backup instead of creating an empty vault.
    await page.getByRole('button', { name: 'Restore from an encrypted backup instead' }).click();
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose the backup file' }).click();
    await (await chooser).setFiles(backupPath);
    await page.getByLabel('Passphrase of the backup').fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Restore the backup' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 30_000 });
    // The canaries are really in the vault: search finds them and the entry page shows them.
    await page.getByRole('link', { name: 'Directory', exact: true }).click();
    await page.getByLabel('Search the directory').fill('qzxwvkanary');
    await expect(page.getByRole('status').filter({ hasText: /Entries found/ })).toHaveText(
      'Entries found: 25',
    );
    await page.getByRole('list', { name: 'Directory entries' }).getByRole('link').first().click();
    await expect(page.getByText(CANARIES.email)).toBeVisible();
    // Lock and unlock once more, as a user would, before Chromium shuts down and flushes its files.
    await page.getByRole('button', { name: 'Lock' }).click();
    await page.getByLabel('Passphrase', { exact: true }).fill(DEMO_PASSPHRASE);
    await page.getByRole('button', { name: 'Unlock' }).click();
    await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 30_000 });
    await context.close();

    const files = filesUnder(profile);
    const blobs = files.map((path) => ({ path, bytes: readFileSync(path) }));
    // Positive control: the directory's collection name is stored in clear with every chunk, so a
    // scan that finds it can see IndexedDB (entry ids, States and roles no longer are: issue 14).
    expect(
      blobs.some(
        ({ bytes }) =>
          bytes.includes('directoryChunks', 0, 'latin1') ||
          bytes.includes(Buffer.from('directoryChunks', 'utf16le')),
      ),
    ).toBe(true);
    const hits: string[] = [];
    for (const canary of [
      CANARIES.name,
      'Qzxwvkanary',
      CANARIES.email,
      'kanary-e2e',
      CANARIES.phone,
      '225550173',
      CANARIES.entity,
      'Kanaryinstitut',
    ]) {
      for (const { path, bytes } of blobs) {
        if (bytes.includes(Buffer.from(canary, 'utf8')) || bytes.includes(Buffer.from(canary, 'utf16le')))
          hits.push(`${canary} in ${path}`);
      }
    }
    expect(hits).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
    rmSync(backupDir, { recursive: true, force: true });
  }
});
