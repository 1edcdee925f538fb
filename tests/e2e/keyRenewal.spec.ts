import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './support/app';
import { newPocPage, setUpPoc, startDemoRegistry, type DemoRegistry } from './support/pocs';

/**
 * My keys → "Extend validity by two years" keeps the fingerprint and changes the expiry. Peers (and
 * the registry) encrypt to and verify with the copy in the directory, so until the renewed copy is
 * published the directory entry is NOT "published" any more: the panel says which date the old copy
 * runs out and offers to publish the renewed one.
 */
let registry: DemoRegistry;
test.beforeAll(async () => {
  registry = await startDemoRegistry();
});
test.afterAll(async () => {
  await registry.stop();
});

test('after a renewal the directory copy is shown as outdated until the renewed key is published', async ({
  browser,
}) => {
  test.setTimeout(240_000);
  const page = await newPocPage(browser);
  const poc = await setUpPoc(page, { registry, code: 'DEMO-FRA-TECH-0001' });
  const errors = collectConsoleErrors(page);
  const publication = page.getByTestId('key-publication');
  await expect(publication).toHaveText(`Published: the directory entry ${poc.entryName} carries your key.`);
  const headBefore = registry.head();

  await page.getByRole('button', { name: 'Extend validity by two years' }).click();
  await expect(page.getByText('Your key now runs two more years.', { exact: false })).toBeVisible();
  await expect(publication).toContainText(
    `Your directory entry ${poc.entryName} still carries the copy of your key from before its renewal, valid until `,
  );
  // Today says it too (a POC rarely opens My keys), one click from the place to fix it.
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await nav.getByRole('link', { name: 'Today' }).click();
  const ownKey = page.getByRole('region', { name: 'Your OpenPGP key' });
  await expect(ownKey).toContainText(
    'You renewed your key, but your directory entry still carries the old copy, which runs out on ',
  );
  await ownKey.getByRole('link', { name: 'Open My keys' }).click();
  await page.getByRole('button', { name: 'Publish my renewed key' }).click();
  await expect(publication).toHaveText(`Published: the directory entry ${poc.entryName} carries your key.`, {
    timeout: 90_000,
  });
  // The registry took a signed update (one more change in its feed) and this device pulled it back.
  expect(registry.head()).toBeGreaterThan(headBefore);
  await nav.getByRole('link', { name: 'Today' }).click();
  await expect(page.getByRole('heading', { name: 'Today' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Your OpenPGP key' })).toHaveCount(0);
  expect(errors).toEqual([]);
});
