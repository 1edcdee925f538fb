import { expect, test, type Page } from '@playwright/test';
import { runAdminCommand } from '../../registry/admin/commands';
import { labelsFor } from '../../shared/templates';
import { DEMO_PASSPHRASE, collectConsoleErrors } from './support/app';
import { escapeRegExp, tr } from './support/locales';
import { startDemoRegistry, type DemoRegistry } from './support/pocs';

/**
 * Issue 11, "Done when": the guided first run (language picked on the very first screen →
 * passphrase → enrolment → own key with fingerprint and QR code → publication → first sync) → Today
 * → a ping answered from Today → a due case opened from Today, in English and in Arabic. Each step
 * survives a reload. Screenshots are kept in tests/e2e/output (git-ignored) to be looked at.
 */
const number = (language: string, n: number) => new Intl.NumberFormat(language).format(n);

async function expectStep(page: Page, language: 'en' | 'ar', step: string, index: number) {
  const steps = page.getByRole('navigation', { name: tr(language, 'firstrun', 'steps.label') });
  await expect(steps.locator('[aria-current="step"]')).toContainText(
    tr(language, 'firstrun', `steps.${step}`),
  );
  await expect(steps).toContainText(
    tr(language, 'firstrun', 'steps.position', {
      number: number(language, index),
      total: number(language, 5),
    }),
  );
}

async function unlock(page: Page, language: 'en' | 'ar') {
  await page.getByLabel(tr(language, 'vault', 'passphrase'), { exact: true }).fill(DEMO_PASSPHRASE);
  await page.getByRole('button', { name: tr(language, 'vault', 'unlock.submit') }).click();
  await expect(page.getByRole('navigation', { name: tr(language, 'common', 'nav.label') })).toBeVisible({
    timeout: 30_000,
  });
}

for (const language of ['en', 'ar'] as const) {
  test(`first run → Today → a ping answered → a due case opened, all from Today (${language})`, async ({
    page,
  }) => {
    test.setTimeout(240_000);
    const errors = collectConsoleErrors(page);
    const t = (namespace: string, key: string, values?: Record<string, string | number>) =>
      tr(language, namespace, key, values);
    const shot = (name: string) =>
      page.screenshot({ path: `tests/e2e/output/firstrun-${name}-${language}.png`, fullPage: true });
    const registry: DemoRegistry = await startDemoRegistry();
    try {
      // 1. The very first screen: the language, then the passphrase (step 1 of 5).
      await page.goto('/');
      await page.getByLabel('Language').selectOption(language);
      await expect(page.locator('html')).toHaveAttribute('lang', language);
      await expect(page.locator('html')).toHaveAttribute('dir', language === 'ar' ? 'rtl' : 'ltr');
      await expectStep(page, language, 'passphrase', 1);
      await shot('1-passphrase');
      await page.getByLabel(t('vault', 'passphrase'), { exact: true }).fill(DEMO_PASSPHRASE);
      await page.getByLabel(t('vault', 'confirmPassphrase')).fill(DEMO_PASSPHRASE);
      await page.getByRole('button', { name: t('vault', 'create.submit') }).click();

      // 2. Enrolment; what is typed survives a reload (the draft is in the vault).
      await expectStep(page, language, 'enrolment', 2);
      await expect(page.getByRole('button', { name: t('directory', 'empty.loadDemo') })).toBeVisible();
      await page.getByLabel(t('onboarding', 'keyName')).fill('Fictional CERT duty officer');
      await page.getByLabel(t('onboarding', 'registryAddress')).fill(registry.url);
      await page.getByRole('button', { name: t('onboarding', 'fetchFingerprint') }).click();
      await expect(page.getByTestId('registry-fingerprint')).toHaveText(
        registry.fingerprint.replace(/(.{4})(?=.)/g, '$1 '),
      );
      await page.getByLabel(t('onboarding', 'confirmFingerprint')).check();
      await page.getByLabel(t('onboarding', 'code')).fill('DEMO-FRA-TECH-0001');
      await shot('2-enrolment');
      await page.waitForTimeout(300); // each change is sealed at once; let the last write land before the reload
      await page.reload();
      await unlock(page, language);
      await expectStep(page, language, 'enrolment', 2);
      await expect(page.getByLabel(t('onboarding', 'keyName'))).toHaveValue('Fictional CERT duty officer');
      await expect(page.getByLabel(t('onboarding', 'registryAddress'))).toHaveValue(registry.url);
      await expect(page.getByLabel(t('onboarding', 'code'))).toHaveValue('DEMO-FRA-TECH-0001');
      await expect(page.getByLabel(t('onboarding', 'confirmFingerprint'))).toBeChecked();
      await page.getByRole('button', { name: t('onboarding', 'createKey') }).click();
      await page.getByRole('button', { name: t('onboarding', 'enrol') }).click();

      // 3. The own key: fingerprint in groups of four hex digits and its QR code; resumable.
      await expectStep(page, language, 'ownKey', 3);
      const fingerprint = page.getByLabel(t('firstrun', 'ownKey.fingerprint'));
      await expect(fingerprint).toHaveText(/^([0-9A-F]{4}\s*){10}$/, { timeout: 30_000 });
      const qr = page.getByRole('img', { name: t('firstrun', 'ownKey.qrAlt') });
      await expect(qr).toBeVisible();
      const shown = { fingerprint: await fingerprint.textContent(), qr: await qr.getAttribute('src') };
      await shot('3-own-key');
      await page.reload();
      await unlock(page, language);
      await expectStep(page, language, 'ownKey', 3);
      await page.getByRole('button', { name: t('firstrun', 'next') }).click();

      // 4. Publication of the key in the own entry (the first sync after enrolment brought it).
      await expectStep(page, language, 'publish', 4);
      const publish = page.getByRole('button', { name: t('identity', 'publish.action') });
      await expect(publish).toBeVisible({ timeout: 90_000 });
      await publish.click();
      await expect(page.getByTestId('key-publication')).toBeVisible({ timeout: 30_000 });
      await shot('4-publish');
      await page.getByRole('button', { name: t('firstrun', 'next') }).click();

      // 5. First sync, then Today.
      await expectStep(page, language, 'firstSync', 5);
      await page.getByRole('button', { name: t('firstrun', 'firstSync.syncNow') }).click();
      const finish = page.getByRole('button', { name: t('firstrun', 'firstSync.finish') });
      await expect(finish).toBeEnabled({ timeout: 60_000 });
      await shot('5-first-sync');
      await finish.click();
      await expect(page.getByRole('heading', { name: t('home', 'title'), level: 2 })).toBeVisible();
      await expect(page.getByText(t('firstrun', 'resumeLink'))).toHaveCount(0);

      // Step 3 said the fingerprint and its QR code are found again under My keys: the same ones.
      await page.goto('/#/identity');
      await expect(page.getByLabel(t('identity', 'own.fingerprint'))).toHaveText(shown.fingerprint ?? '-');
      const keysQr = page.getByRole('img', { name: t('identity', 'own.qrAlt') });
      await expect(keysQr).toBeVisible();
      expect(await keysQr.getAttribute('src')).toBe(shown.qr);

      // The own, just-published entry is not flagged as unconfirmed in the directory.
      await page.goto('/#/directory');
      await page.getByLabel(t('directory', 'filters.state'), { exact: true }).selectOption('FRA');
      await page.getByLabel(t('directory', 'filters.role'), { exact: true }).selectOption('technical');
      const own = page.getByRole('list', { name: t('directory', 'search.results') }).getByRole('listitem');
      await expect(own.first()).toBeVisible();
      await expect(own.filter({ hasText: t('directory', 'entry.staleShort') })).toHaveCount(0);

      // A ping (A §8) answered from Today.
      runAdminCommand('start-campaign', { data: registry.dataDir });
      await page.goto('/#/sync');
      await page.getByRole('button', { name: t('sync', 'syncNow') }).click();
      await page.goto('/#/home');
      const timer = page.getByRole('timer', { name: t('home', 'pings.countdownLabel') });
      await expect(timer).toBeVisible({ timeout: 60_000 });
      await shot('6-home-ping');
      await page.getByRole('button', { name: t('home', 'pings.answer') }).click();
      await expect(
        page.getByText(
          new RegExp(`${escapeRegExp(t('home', 'pings.queued'))}|${escapeRegExp(t('home', 'pings.none'))}`),
        ),
      ).toBeVisible({ timeout: 30_000 });

      // An urgent inquiry: its 24-hour deadline is due, and Today opens the case.
      const labels = labelsFor(language);
      await page.goto('/#/inquiry');
      await page.getByLabel(labels.fields['sender.name'], { exact: true }).fill('Dana Fictional');
      await page.getByLabel(labels.fields['sender.affiliation'], { exact: true }).fill('CERT-XA (fictional)');
      await page.getByRole('button', { name: t('inquiry', 'next') }).click();
      await page
        .getByLabel(labels.fields['incident.summary'])
        .fill('Defacement of a ministry site (fictional)');
      await page.getByRole('button', { name: t('inquiry', 'next') }).click();
      await page.getByLabel(labels.fields.urgency, { exact: true }).selectOption('urgent');
      await page.getByRole('button', { name: t('inquiry', 'next') }).click();
      await page.getByRole('button', { name: t('inquiry', 'next') }).click();
      await page.getByRole('button', { name: t('inquiry', 'send') }).click();
      await expect(page.getByRole('button', { name: t('inquiry', 'sent.openCase') })).toBeVisible({
        timeout: 30_000,
      });
      await page.goto('/#/home');
      const deadlines = page.getByRole('region', {
        name: new RegExp(escapeRegExp(t('home', 'deadline.title', { count: 1 }))),
      });
      const due = deadlines.getByRole('link', { name: /Defacement of a ministry site/ });
      await expect(due).toBeVisible({ timeout: 30_000 });
      await shot('7-home-due');
      await due.click();
      await expect(page).toHaveURL(/#\/cases\//);
      await expect(page.getByRole('list', { name: t('cases', 'timeline.label') })).toBeVisible();
      await shot('8-case');
      expect(errors).toEqual([]);
    } finally {
      await registry.stop();
    }
  });
}
