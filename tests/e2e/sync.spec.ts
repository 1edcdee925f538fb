import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { runAdminCommand } from '../../registry/admin/commands';
import { DirectoryRepository } from '../../registry/store/directoryRepository';
import { openRegistryDatabase } from '../../registry/store/database';
import { killHard, spawnRegistry, type RegistryProcess } from '../support/registry-process';
import { createVaultAndUnlock } from './support/app';
import { editOwnEntryTitle } from './support/pocs';

/**
 * Enrol with the fictional demo code against the real registry, sync, answer a ping; then stop the
 * registry, edit the own entry and answer a second ping offline; start it again: the outbox drains
 * and the registry has both.
 */
test('enrol, sync, answer pings and edit the own entry across a registry outage', async ({ page }) => {
  test.setTimeout(180_000);
  const dataDir = mkdtempSync(join(tmpdir(), 'poc-e2e-registry-'));
  let registry: RegistryProcess | null = await spawnRegistry({ dataDir, demo: true });
  const port = registry.port;
  try {
    await createVaultAndUnlock(page);
    await page.goto('/#/onboarding');
    await page
      .getByLabel('Your name or the name of your office, for the key')
      .fill('Fictional CERT duty officer');
    await page.getByRole('button', { name: 'Create my key' }).click();
    await page.getByLabel('Registry address').fill(registry.url);
    await page.getByRole('button', { name: "Show the registry's fingerprint" }).click();
    await expect(page.getByTestId('registry-fingerprint')).toHaveText(
      registry.fingerprint.replace(/(.{4})(?=.)/g, '$1 '),
    );
    await page.getByLabel('I compared it', { exact: false }).check();
    await page.getByLabel('Enrolment code').fill('DEMO-FRA-TECH-0001');
    await page.getByRole('button', { name: 'Enrol and register my key' }).click();
    await expect(
      page.getByText('This device is enrolled as technical point of contact of France.'),
    ).toBeVisible({ timeout: 30_000 });

    await page.goto('/#/sync');
    await expect(page.getByTestId('last-sync')).not.toHaveText('Never', { timeout: 60_000 });
    const headDb = openRegistryDatabase(dataDir);
    const head = new DirectoryRepository(headDb).head();
    headDb.close();
    await expect(page.getByTestId('last-seq')).toHaveText(String(head), { timeout: 60_000 });
    // The demo code grants no right to create entries: the app says so, and whom to ask, instead of
    // offering a form the registry would refuse once filled.
    const noRight = page.getByText(/This account may not add new entries/);
    await expect(noRight).toBeVisible();
    await expect(page.getByRole('button', { name: 'Add an entry' })).toHaveCount(0);

    // A ping arrives and is answered online.
    runAdminCommand('start-campaign', { data: dataDir });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await page.goto('/#/pings');
    await page.getByRole('button', { name: 'Confirm receipt' }).click();
    await expect(page.getByRole('cell', { name: 'In time' })).toBeVisible({ timeout: 30_000 });

    // A second campaign arrives; then the registry goes down.
    runAdminCommand('start-campaign', { data: dataDir });
    await page.goto('/#/sync');
    // "Sync now" works from the keyboard; the header then offers the way to the pings area.
    // (A sync still running from the answer above disables the button: wait for it, or the key
    // press would go nowhere and no sync would look for the new ping.)
    const syncNow = page.getByRole('button', { name: 'Sync now' });
    await expect(syncNow).toBeEnabled({ timeout: 30_000 });
    await syncNow.focus();
    await expect(syncNow).toBeFocused();
    await page.keyboard.press('Enter');
    const toPings = page.getByRole('link', { name: 'Ping tests to confirm: 1' });
    await expect(toPings).toBeVisible({ timeout: 30_000 });
    await toPings.click();
    await expect(page).toHaveURL(/#\/pings$/);
    const confirm = page.getByRole('button', { name: 'Confirm receipt' });
    await expect(confirm).toBeVisible({ timeout: 30_000 });
    await killHard(registry);
    registry = null;
    await confirm.click();
    await expect(page.getByText(/the signed confirmation is waiting to be sent/)).toBeVisible();

    await page.goto('/#/sync');
    await editOwnEntryTitle(page, 'Duty officer (edited offline, fictional)');
    await expect(page.getByTestId('outbox-count')).toHaveText('Waiting to send: 2', { timeout: 30_000 });
    await expect(page.getByRole('status', { name: 'Registry synchronisation status' })).toContainText(
      'Registry unreachable',
    );
    // Offline, the last known rights hold.
    await expect(noRight).toBeVisible();

    // The registry comes back on the same address: "Sync now" drains the outbox.
    registry = await spawnRegistry({ dataDir, port });
    await page.getByRole('button', { name: 'Sync now' }).click();
    await expect(page.getByTestId('outbox-count')).toHaveText('Waiting to send: 0', { timeout: 60_000 });
    const db = openRegistryDatabase(dataDir);
    try {
      const titles = new DirectoryRepository(db).listLive().map((e) => e.text.personTitle);
      expect(titles).toContain('Duty officer (edited offline, fictional)');
    } finally {
      db.close();
    }
    const report = runAdminCommand('ping-report', { data: dataDir, csv: true });
    expect(
      report.split('\n').filter((line) => line.startsWith('FRA,technical,') && line.includes(',answered,')),
    ).toHaveLength(1);
  } finally {
    if (registry) await killHard(registry);
    rmSync(dataDir, { recursive: true, force: true });
  }
});
