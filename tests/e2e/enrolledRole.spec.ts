import { expect, test } from '@playwright/test';
import { collectConsoleErrors } from './support/app';
import { newPocPage, setUpPoc, startDemoRegistry, syncToHead, type DemoRegistry } from './support/pocs';

/**
 * Issue 9 §4: the sender's own State and role come from the enrolment, never from a field the user
 * can edit; the A §9 role rule (technical ↔ technical, diplomatic ↔ diplomatic, otherwise confirm)
 * holds in the inquiry wizard and in Secure messages → Write alike.
 */
let registry: DemoRegistry;
test.beforeAll(async () => {
  registry = await startDemoRegistry();
});
test.afterAll(async () => {
  await registry.stop();
});

test('an enrolled technical POC sees State and role read-only, and must confirm writing to a diplomatic POC', async ({
  browser,
}) => {
  test.setTimeout(180_000);
  const page = await newPocPage(browser);
  await setUpPoc(page, { registry, code: 'DEMO-FRA-TECH-0001' });
  await syncToHead(page, registry);
  const errors = collectConsoleErrors(page);

  // Inquiry wizard: State and role shown, not editable.
  await page.goto('/#/inquiry');
  const myState = page.getByLabel('My State', { exact: true });
  await expect(myState).toHaveValue('France');
  await expect(myState).not.toBeEditable();
  await expect(page.getByLabel('My role')).toHaveValue('Technical');
  await expect(page.getByLabel('My role')).not.toBeEditable();
  await expect(page.getByText('Your State and role come from this device’s enrolment')).toBeVisible();

  // Secure messages → Write: the same rule.
  await page.goto('/#/messages');
  await page.getByRole('tab', { name: 'Write' }).click();
  await expect(page.getByText('You write as the technical point of contact of France')).toBeVisible();
  await page.getByLabel('Find recipients in the directory').fill('Germany');
  await expect(page.getByRole('checkbox', { name: /Technical$/ }).first()).toBeVisible({ timeout: 15_000 });
  await expect(page.getByRole('checkbox', { name: /Diplomatic$/ })).toHaveCount(0);
  await page.getByLabel('Also show points of contact of the other role').check();
  await page
    .getByRole('checkbox', { name: /Diplomatic$/ })
    .first()
    .check();
  await page.getByLabel('Message', { exact: true }).fill('Across roles, deliberately (fictional).');
  await expect(
    page.getByRole('alert').filter({ hasText: 'at least one recipient has the other role' }),
  ).toBeVisible();
  const seal = page.getByRole('button', { name: 'Sign and encrypt' });
  await expect(seal).toBeDisabled();
  await page.getByLabel('I confirm sending across roles').check();
  await expect(seal).toBeEnabled();
  await seal.click();
  await expect(page.getByLabel('Sealed message (armoured text)')).toHaveValue(/-----BEGIN PGP MESSAGE-----/, {
    timeout: 30_000,
  });
  expect(errors).toEqual([]);
});
