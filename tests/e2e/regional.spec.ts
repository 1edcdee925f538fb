import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { collectConsoleErrors, createVaultAndUnlock } from './support/app';

/**
 * Issue 13, regional directories (A §12) in Chromium: import the fictional OSCE demo CSV with one
 * bad row added (reported, not dropped), see a POC matched in the global demo directory with its
 * differences marked, then choose the regional directory in the inquiry wizard (A §12 a) and find
 * the choice recorded in the case.
 */
const NAME = 'OSCE demo directory (fictional)';
const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

test('import a regional CSV (one bad row reported), match a POC across directories, choose the regional channel', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  mkdirSync('tests/e2e/output', { recursive: true });
  const csvPath = 'tests/e2e/output/regional-osce-with-bad-row.csv';
  const demo = readFileSync('resources/regional/demo-osce.csv', 'utf8');
  const goodRows = demo.trim().split('\n').length - 1;
  writeFileSync(csvPath, `${demo.trimEnd()}\nosce-demo-999,XXX,technical,Broken fictional row,,,,\n`);

  await createVaultAndUnlock(page);
  await page.getByRole('button', { name: 'Load the fictional demo directory' }).click();
  await expect(page.getByLabel('Search the directory')).toBeVisible({ timeout: 30_000 });

  await page.getByRole('button', { name: 'Regional directories' }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Choose the directory file' }).click();
  await (await chooser).setFiles(csvPath);
  await page.getByRole('button', { name: 'Read and check the file' }).click();

  await expect(page.getByRole('status', { name: 'Import summary' })).toHaveText(
    `${goodRows + 1} rows read: ${goodRows} will be imported, 1 rejected (listed below).`,
  );
  const rejected = page.getByRole('table', { name: 'Rows not imported' });
  await expect(rejected).toContainText('Unknown State code');
  await expect(rejected).toContainText('XXX');
  await expect(page.getByRole('table', { name: 'First rows as they will be read' })).toBeVisible();
  await expect(page.getByLabel('Entity', { exact: true })).toHaveValue('3');
  await page.getByLabel('Name of the directory').fill(NAME);
  await expect(page.getByLabel('Member States (ISO codes, separated by commas)')).toHaveValue(/AUT.*FRA/);
  await page.getByRole('button', { name: `Import ${goodRows} entries` }).click();

  // The browser now shows the regional source; this entry is a global demo POC too, listed differently.
  await expect(page.getByLabel('Directory shown')).toHaveValue(/^regional:/);
  await expect(page.getByText(`${goodRows} of ${goodRows} entries`)).toBeVisible();
  await page
    .getByRole('button', { name: /Fictional Deputy \(regional listing\)/ })
    .first()
    .click();
  await expect(page.getByText(/Global directory — matched by e-mail address/).first()).toBeVisible();
  const comparison = page.getByRole('table', { name: 'Comparison with Global directory' }).first();
  await expect(comparison.getByRole('rowheader', { name: 'Person (differs)' })).toBeVisible();
  await expect(comparison.locator('mark').first()).toContainText('Fictional Deputy (regional listing)');

  // A §12 a: both States are members in the imported directory → the regional channel is offered.
  await page.goto('/#/inquiry');
  await page.getByLabel('Sender', { exact: true }).fill('Fictional Sender');
  await page.getByLabel('Affiliation', { exact: true }).fill('CERT-AT (fictional)');
  await page.getByLabel('My State (ISO code)').fill('AUT');
  await page.getByLabel('Recipient State (ISO code)').fill('FRA');
  await page.getByRole('button', { name: '2. The incident' }).click();
  await page.getByLabel('What happened').fill('Fictional phishing wave against ministries');
  await page.getByRole('button', { name: '4. Channel and lead agency' }).click();
  const channel = page.getByRole('group', { name: 'Directory used for this exchange (A §12 a)' });
  await expect(channel.getByRole('radio', { name: 'Global directory' })).toBeChecked();
  await channel.getByRole('radio', { name: new RegExp(`^${escapeRegExp(NAME)}`) }).check();
  await page.getByRole('button', { name: 'Review and send' }).click();
  await page.getByRole('button', { name: 'Sign, encrypt and send' }).click();
  await page.getByRole('button', { name: 'Open the case' }).click();
  await expect(
    page.getByText(`Directory used for this exchange (A §12 a): regional directory ${NAME}.`),
  ).toBeVisible();
  expect(errors).toEqual([]);
});
