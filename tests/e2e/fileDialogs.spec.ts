import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { runAdminCommand } from '../../registry/admin/commands';
import { runFeedCommand } from '../../registry/admin/feedCommands';
import type { PointOfContact } from '../../shared/directory/model';
import { collectConsoleErrors, createVaultAndUnlock, unlockVault } from './support/app';
import { escapeRegExp, tr } from './support/locales';
import {
  editOwnEntryTitle,
  newPocPage,
  setUpPoc,
  startDemoRegistry,
  switchLanguage,
  syncToHead,
} from './support/pocs';
import { savedByDialog, stubSaveDialog } from './support/saveDialog';

/**
 * Files written and read through the app's own dialogs, and "saved" said only when true.
 *
 * Issue 14, sync by file, through the app's own file dialogs (the desktop shell refuses browser
 * downloads, so a download link would save nothing there while the app said "saved"): an offline
 * desk saves its waiting changes to a file (cancelled: nothing is said; saved: the file holds them),
 * refuses a tampered directory update file with a translated error, and applies the registry
 * manager's real one. Under My keys, the revocation reminder goes away only when the certificate
 * was really saved; under Messages → Files and signatures, "File saved." appears only then too.
 */
async function chooseFile(page: Page, buttonName: string, file: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: buttonName }).click();
  await (await chooser).setFiles(file);
}

test('sync by file: save the outbox, refuse a tampered update, apply the real one (en, ar)', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const work = mkdtempSync(join(tmpdir(), 'poc-e2e-file-sync-'));
  const registry = await startDemoRegistry();
  let stopped = false;
  try {
    const page = await newPocPage(browser);
    const errors = collectConsoleErrors(page);
    await setUpPoc(page, { registry, code: 'DEMO-FRA-TECH-0001' });
    await syncToHead(page, registry);
    const before = registry.head();

    // At the registry, after the desk's last sync: one entry changes (fictional), then the manager
    // writes the update file and the desk goes offline.
    const exported = join(work, 'export.json');
    runAdminCommand('export', { data: registry.dataDir, out: exported });
    const { entries } = JSON.parse(readFileSync(exported, 'utf8')) as { entries: PointOfContact[] };
    const changed = entries.find((entry) => entry.state === 'DEU');
    if (!changed) throw new Error('the demo directory has no DEU entry');
    const edited = join(work, 'edited.json');
    writeFileSync(
      edited,
      JSON.stringify({
        format: 'poc-directory-export',
        version: 1,
        entries: [{ ...changed, text: { ...changed.text, personTitle: 'Night duty officer (fictional)' } }],
      }),
    );
    runAdminCommand('import', { data: registry.dataDir, file: edited });
    const bundle = join(work, 'directory.bundle');
    await runFeedCommand('export-bundle', { data: registry.dataDir, out: bundle });
    const head = registry.head();
    expect(head).toBe(before + 1);
    await registry.stop();
    stopped = true;

    await page.goto('/#/sync');
    // Nothing waiting: no dialog, and the app says so.
    await page.getByRole('button', { name: 'Save waiting changes to a file' }).click();
    await expect(
      page.getByText('No changes are waiting to be sent: there is nothing to save.'),
    ).toBeVisible();

    // Offline, an edit of the own entry waits in the outbox.
    await editOwnEntryTitle(page, 'Duty officer (edited offline, fictional)');
    await expect(page.getByTestId('outbox-count')).toHaveText('Waiting to send: 1', { timeout: 30_000 });

    // The save dialog cancelled: nothing is said to be saved.
    await stubSaveDialog(page, 'cancels');
    await page.getByRole('button', { name: 'Save waiting changes to a file' }).click();
    await expect(page.getByRole('button', { name: 'Save waiting changes to a file' })).toBeEnabled();
    await expect(page.getByText(/Waiting changes saved to a file/)).toHaveCount(0);
    // Saved: the file holds the signed edit, and only now the app says so.
    await stubSaveDialog(page, 'saves');
    await page.getByRole('button', { name: 'Save waiting changes to a file' }).click();
    await expect(page.getByText('Waiting changes saved to a file: 1.')).toBeVisible();
    const [outboxFile] = await savedByDialog(page);
    expect(outboxFile).toContain('Duty officer (edited offline, fictional)');

    // A tampered copy of the update file is refused, in the user's language; nothing is applied.
    await switchLanguage(page, 'ar');
    await expect(page.locator('input[type=file]')).toHaveCount(0);
    const tampered = join(work, 'tampered.bundle');
    writeFileSync(
      tampered,
      readFileSync(bundle, 'utf8').replace('Night duty officer (fictional)', 'Night duty officer (forged)'),
    );
    expect(readFileSync(tampered, 'utf8')).not.toBe(readFileSync(bundle, 'utf8'));
    await chooseFile(page, tr('ar', 'sync', 'file.update'), tampered);
    // A changed chunk fails its hash (tampered) or no longer parses (bad file): refused either way.
    const refusal = new RegExp(
      [tr('ar', 'sync', 'errors.tampered'), tr('ar', 'sync', 'errors.bad-file')].map(escapeRegExp).join('|'),
    );
    await expect(page.getByRole('alert').filter({ hasText: refusal })).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('last-seq')).toHaveText(String(before));

    // The real file: verified and applied, as online.
    await chooseFile(page, tr('ar', 'sync', 'file.update'), bundle);
    await expect(
      page.getByRole('status').filter({
        hasText: tr('ar', 'sync', 'file.imported', { count: 1, seq: head }),
      }),
    ).toBeVisible({ timeout: 30_000 });
    await expect(page.getByTestId('last-seq')).toHaveText(String(head));
    await page.screenshot({ path: 'tests/e2e/output/sync-by-file-ar.png', fullPage: true });
    // The only console errors are the browser's own notes of the registry being down (offline desk).
    expect(errors.filter((error) => !error.includes('net::ERR_CONNECTION_REFUSED'))).toEqual([]);
  } finally {
    if (!stopped) await registry.stop();
    rmSync(work, { recursive: true, force: true });
  }
});

test('the revocation reminder goes away only when the certificate was saved', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await createVaultAndUnlock(page);
  await page.goto('/#/onboarding');
  await page.getByLabel('Your name or the name of your office, for the key').fill('Fictional key holder');
  await page.getByRole('button', { name: 'Create my key' }).click();
  await page.goto('/#/identity');
  const reminder = page.getByText(/You have not saved your revocation certificate yet/);
  await expect(reminder).toBeVisible({ timeout: 30_000 });

  await stubSaveDialog(page, 'cancels');
  await page.getByRole('button', { name: 'Save revocation certificate' }).click();
  await expect(page.getByRole('button', { name: 'Save revocation certificate' })).toBeEnabled();
  await page.reload();
  await unlockVault(page);
  await page.goto('/#/identity');
  await expect(reminder).toBeVisible({ timeout: 30_000 });

  await stubSaveDialog(page, 'saves');
  await page.getByRole('button', { name: 'Save revocation certificate' }).click();
  await expect(reminder).toHaveCount(0);
  const [certificate] = await savedByDialog(page);
  expect(certificate).toContain('-----BEGIN PGP PUBLIC KEY BLOCK-----');
  expect(errors).toEqual([]);
});

test('a signed file\'s signature: "File saved." only when the dialog wrote it', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const file = join(mkdtempSync(join(tmpdir(), 'poc-e2e-sign-')), 'fictional-report.txt');
  writeFileSync(file, 'Fictional incident report for a test (example.org).\n');
  try {
    await createVaultAndUnlock(page);
    await page.goto('/#/onboarding');
    await page.getByLabel('Your name or the name of your office, for the key').fill('Fictional signer');
    await page.getByRole('button', { name: 'Create my key' }).click();
    // The key exists once the first run moves on to enrolment.
    await expect(page.getByLabel('Registry address')).toBeVisible({ timeout: 30_000 });
    await page.goto('/#/messages');
    await page.getByRole('tab', { name: 'Files and signatures' }).click();
    await chooseFile(page, 'Choose a file to sign', file);
    await expect(page.getByText('fictional-report.txt is signed.', { exact: false })).toBeVisible({
      timeout: 30_000,
    });
    const saved = page.getByRole('status').filter({ hasText: 'File saved.' });

    await stubSaveDialog(page, 'cancels');
    await page.getByRole('button', { name: 'Save the signature (.asc)' }).click();
    await expect(page.getByRole('button', { name: 'Save the signature (.asc)' })).toBeEnabled();
    await expect(saved).toHaveCount(0);

    await stubSaveDialog(page, 'saves');
    await page.getByRole('button', { name: 'Save the signature (.asc)' }).click();
    await expect(saved).toBeVisible();
    const [signature] = await savedByDialog(page);
    expect(signature).toContain('-----BEGIN PGP SIGNATURE-----');
    expect(errors).toEqual([]);
  } finally {
    rmSync(join(file, '..'), { recursive: true, force: true });
  }
});
