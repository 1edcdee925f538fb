import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { setUpPocPair, startDemoRegistry, type DemoRegistry } from './support/pocs';

/**
 * Issue 11: the inquiry wizard and the response panel used with the keyboard only (Tab, Shift+Tab,
 * Enter, Space, arrows and typing — no click, no fill), and the focused control visibly marked
 * (:focus-visible outline). The focused element is only READ to know where Tab has landed.
 */
async function focusedName(page: Page): Promise<string> {
  return page.evaluate(() => {
    const element = document.activeElement as HTMLElement | null;
    // Only controls count (a scrollable list is focusable too, and its text holds every option).
    const control = ['INPUT', 'BUTTON', 'SELECT', 'TEXTAREA', 'A'].includes(element?.tagName ?? '');
    if (!element || (!control && !element.getAttribute('role'))) return '';
    const labelled = element.getAttribute('aria-labelledby');
    const label =
      element.getAttribute('aria-label') ??
      (labelled ? document.getElementById(labelled)?.textContent : null) ??
      (element.id ? document.querySelector(`label[for="${CSS.escape(element.id)}"]`)?.textContent : null) ??
      element.closest('label')?.textContent ??
      element.textContent ??
      '';
    return label.replace(/\s+/g, ' ').trim();
  });
}

/** Presses Tab until the focused control's name matches; fails after `limit` presses. */
async function tabTo(page: Page, name: string | RegExp, limit = 80): Promise<void> {
  const matches = (text: string) => (typeof name === 'string' ? text === name : name.test(text));
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    if (matches(await focusedName(page))) {
      // The focus is visible: an outline drawn around the focused control.
      const outline = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement as Element);
        return `${style.outlineStyle} ${style.outlineWidth}`;
      });
      expect(outline, `focus outline on ${String(name)}`).not.toMatch(/^none|\b0px$/);
      return;
    }
  }
  throw new Error(`Tab never reached ${String(name)}`);
}

/** In a radio group Tab enters once; the arrows move (and select) within it. */
async function arrowTo(page: Page, name: RegExp, limit = 20): Promise<void> {
  for (let i = 0; i < limit; i++) {
    if (name.test(await focusedName(page))) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrows never reached ${String(name)}`);
}

test.describe('keyboard only', () => {
  let registry: DemoRegistry;
  test.beforeAll(async () => {
    registry = await startDemoRegistry();
  });
  test.afterAll(async () => {
    await registry.stop();
  });

  test('an inquiry written and sent, then acknowledged in the response panel, without a mouse', async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const { a, b, pocB } = await setUpPocPair(browser, registry);

    // A: the four steps and the review, with the keyboard.
    await a.goto('/#/inquiry');
    await a.locator('body').focus();
    await tabTo(a, 'Sender');
    await a.keyboard.type('Dana Fictional');
    await tabTo(a, 'Find the recipient in the directory');
    await a.keyboard.type('Germany');
    await tabTo(a, /\(fictional demo\)/);
    await arrowTo(a, new RegExp(pocB.entryName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    await a.keyboard.press('Space');
    await tabTo(a, 'Next');
    await a.keyboard.press('Enter');
    await expect(a.getByLabel('What happened')).toBeVisible();
    await tabTo(a, 'What happened');
    await a.keyboard.type('Defacement of a ministry site (fictional)');
    await tabTo(a, 'Next');
    await a.keyboard.press('Enter');
    await tabTo(a, 'Urgency');
    await a.keyboard.press('ArrowDown');
    await tabTo(a, 'Next');
    await a.keyboard.press('Enter');
    await tabTo(a, 'Next');
    await a.keyboard.press('Enter');
    await expect(a.getByLabel('Text the recipient will read')).toContainText('Defacement of a ministry site');
    await tabTo(a, 'Sign, encrypt and send');
    await a.keyboard.press('Enter');
    const handover = a.getByRole('region', { name: 'Hand the message over' });
    await expect(handover).toBeVisible({ timeout: 30_000 });
    const download = a.waitForEvent('download');
    await tabTo(a, 'Save as e-mail (.eml)');
    await a.keyboard.press('Enter');
    const path = '/tmp/pw-keyboard-inquiry.eml';
    await (await download).saveAs(path);
    expect(readFileSync(path, 'utf8')).toContain('multipart/encrypted');

    // B: reads it and acknowledges it in the response panel, with the keyboard.
    await b.goto('/#/messages');
    await b.locator('body').focus();
    await tabTo(b, 'Read a message');
    await b.keyboard.press('Enter');
    const chooser = b.waitForEvent('filechooser');
    await tabTo(b, 'Open a file');
    await b.keyboard.press('Enter');
    await (await chooser).setFiles(path);
    await expect(b.getByText(/Verified sender/)).toBeVisible({ timeout: 30_000 });
    await tabTo(b, 'Open the case');
    await b.keyboard.press('Enter');
    await expect(b).toHaveURL(/#\/cases\/./);
    await tabTo(b, 'Acknowledge receipt');
    await b.keyboard.press('Enter');
    await tabTo(b, 'Estimated response time in hours (optional)');
    await b.keyboard.type('48');
    await tabTo(b, 'Review the acknowledgement');
    await b.keyboard.press('Enter');
    await expect(b.getByLabel('Text the other side will read')).toContainText('Estimated response time');
    await tabTo(b, 'Sign and encrypt');
    await b.keyboard.press('Enter');
    await expect(b.getByRole('region', { name: 'Hand the message over' })).toBeVisible({ timeout: 30_000 });
    await tabTo(b, 'Save as e-mail (.eml)');
    const ack = b.waitForEvent('download');
    await b.keyboard.press('Enter');
    await ack;
    await expect(b.getByText('Acknowledged', { exact: true }).first()).toBeVisible();
  });
});
