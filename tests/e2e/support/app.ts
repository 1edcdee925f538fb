import { expect, type Page } from '@playwright/test';

export const DEMO_PASSPHRASE = 'correct horse battery staple (fictional)';

/** Fails the test on any console error or uncaught page error. */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/** Opens the app with a given UI language preset in the browser host's settings. */
export async function openApp(page: Page, options: { language?: string; path?: string } = {}): Promise<void> {
  if (options.language) {
    await page.addInitScript((language) => {
      if (!window.localStorage.getItem('poc-desk.settings')) {
        window.localStorage.setItem('poc-desk.settings', JSON.stringify({ language }));
      }
    }, options.language);
  }
  await page.goto(options.path ?? '/');
}

/** First run: creates the vault; the app shell appears. Uses accessible names of the English UI. */
export async function createVault(page: Page, passphrase = DEMO_PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByLabel('Confirm passphrase').fill(passphrase);
  await page.getByRole('button', { name: 'Create vault' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 30_000 });
}

export async function unlockVault(page: Page, passphrase = DEMO_PASSPHRASE): Promise<void> {
  await page.getByLabel('Passphrase', { exact: true }).fill(passphrase);
  await page.getByRole('button', { name: 'Unlock' }).click();
  await expect(page.getByRole('navigation', { name: 'Main navigation' })).toBeVisible({ timeout: 30_000 });
}

/** Opens the app in English and creates a fresh vault (each Playwright test has a fresh context). */
export async function createVaultAndUnlock(page: Page, options: { language?: string } = {}): Promise<void> {
  await openApp(page, { language: options.language ?? 'en' });
  await createVault(page);
}
