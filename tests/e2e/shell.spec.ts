import { expect, test } from '@playwright/test';
import { collectConsoleErrors, createVaultAndUnlock } from './support/app';

const NAV_DIRECTORY: Record<string, string> = {
  en: 'Directory',
  fr: 'Répertoire',
  es: 'Directorio',
  ru: 'Справочник',
  zh: '名录',
  ar: 'الدليل',
};

test('the app loads without console errors and speaks all six UN languages; Arabic mirrors the layout', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await createVaultAndUnlock(page);
  const nav = page.getByRole('navigation', { name: 'Main navigation' });
  await expect(nav.getByRole('link', { name: 'Directory' })).toBeVisible();

  for (const [language, label] of Object.entries(NAV_DIRECTORY)) {
    await page.locator('header select').selectOption(language);
    await expect(page.locator('nav.sidebar a[href="#/directory"]')).toHaveText(label);
    await expect(page.locator('html')).toHaveAttribute('lang', language);
    await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
    if (language === 'ar') {
      const navBox = await page.locator('nav.sidebar').boundingBox();
      const mainBox = await page.locator('main.content').boundingBox();
      const viewport = page.viewportSize();
      expect(navBox && mainBox && viewport).toBeTruthy();
      // In Arabic the navigation sits on the right, the content on its left.
      expect(navBox!.x).toBeGreaterThan(mainBox!.x);
      expect(navBox!.x + navBox!.width).toBeGreaterThan(viewport!.width - 2);
      await page.screenshot({ path: 'tests/e2e/output/shell-arabic.png', fullPage: true });
    }
  }

  // The choice persists across a reload (the vault locks, the language stays).
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  expect(errors).toEqual([]);
});

test('areas that are not built yet say so plainly', async ({ page }) => {
  await createVaultAndUnlock(page);
  await page.getByRole('link', { name: 'About' }).click();
  await expect(page.getByRole('heading', { name: 'About' })).toBeVisible();
  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByLabel('Central registry address').fill('not a url');
  await page.getByRole('button', { name: 'Save settings' }).click();
  await expect(page.getByRole('alert')).toContainText('https://');
});
