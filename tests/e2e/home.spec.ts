import { expect, test } from '@playwright/test';
import { runAdminCommand } from '../../registry/admin/commands';
import { createVault, openApp } from './support/app';
import { startDemoRegistry, switchLanguage, type DemoRegistry, type UiLanguage } from './support/pocs';

/**
 * First run → Home ("Today") → answer a ping from Home, in English and in Arabic. Screenshots are
 * kept in tests/e2e/output (git-ignored) to be looked at.
 */
const TEXT: Record<'en' | 'ar', { today: string; answer: string; queuedOrDone: RegExp; countdown: string }> =
  {
    en: {
      today: 'Today',
      answer: 'Confirm receipt',
      queuedOrDone: /Answer signed, waiting to be sent|No ping test awaits your answer/,
      countdown: 'Time left to answer',
    },
    ar: {
      today: 'اليوم',
      answer: 'تأكيد الاستلام',
      queuedOrDone: /الرد موقَّع وفي انتظار الإرسال|لا يوجد اختبار تحقق في انتظار ردك/,
      countdown: 'الوقت المتبقي للرد',
    },
  };

for (const language of ['en', 'ar'] as const satisfies readonly UiLanguage[]) {
  test(`first run offers the demo directory; a ping is answered from Today (${language})`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    const registry: DemoRegistry = await startDemoRegistry();
    try {
      await openApp(page, { language: 'en' });
      await createVault(page);
      // A new vault goes on with the guided first run, which offers the demo directory as a way out.
      await expect(page.getByRole('heading', { name: 'Setting up this desk', level: 2 })).toBeVisible();
      await expect(page.getByRole('button', { name: 'Load the fictional demo directory' })).toBeVisible();

      await page.goto('/#/onboarding');
      await page
        .getByLabel('Your name or the name of your office, for the key')
        .fill('Fictional CERT duty officer');
      await page.getByRole('button', { name: 'Create my key' }).click();
      await page.getByLabel('Registry address').fill(registry.url);
      await page.getByRole('button', { name: "Show the registry's fingerprint" }).click();
      await page.getByLabel('I compared it', { exact: false }).check();
      await page.getByLabel('Enrolment code').fill('DEMO-FRA-TECH-0001');
      await page.getByRole('button', { name: 'Enrol and register my key' }).click();
      await expect(
        page.getByText('This device is enrolled as technical point of contact of France.'),
      ).toBeVisible({ timeout: 30_000 });

      runAdminCommand('start-campaign', { data: registry.dataDir });
      await page.goto('/#/sync');
      await page.getByRole('button', { name: 'Sync now' }).click();
      if (language !== 'en') await switchLanguage(page, language);

      await page.goto('/#/home');
      const text = TEXT[language];
      await expect(page.getByRole('heading', { name: text.today, level: 2 })).toBeVisible();
      const timer = page.getByRole('timer', { name: text.countdown });
      await expect(timer).toBeVisible({ timeout: 60_000 });
      await expect(timer).toContainText(/4[0-7]/);
      await page.screenshot({ path: `tests/e2e/output/home-ping-${language}.png`, fullPage: true });

      await page.getByRole('button', { name: text.answer }).click();
      await expect(page.getByText(text.queuedOrDone)).toBeVisible({ timeout: 30_000 });
      await page.screenshot({ path: `tests/e2e/output/home-answered-${language}.png`, fullPage: true });
    } finally {
      await registry.stop();
    }
  });
}
