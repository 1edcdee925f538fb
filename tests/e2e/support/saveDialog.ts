import type { Page } from '@playwright/test';

/**
 * Playwright cannot click the OS save dialog, so the e2e Chromium runs without the File System
 * Access API (saves go to the downloads folder: tests/e2e/support/browser.ts). These helpers put a
 * `showSaveFilePicker` back whose user cancels or picks a file, so the app's own save path
 * (renderer/host/browserSave.ts) runs unchanged up to the dialog.
 */
export async function stubSaveDialog(page: Page, user: 'cancels' | 'saves'): Promise<void> {
  await page.evaluate((choice) => {
    const written: string[] = [];
    const picker =
      choice === 'cancels'
        ? () => Promise.reject(new DOMException('The user aborted a request.', 'AbortError'))
        : () =>
            Promise.resolve({
              createWritable: () =>
                Promise.resolve({
                  write: (bytes: Uint8Array) =>
                    Promise.resolve(void written.push(new TextDecoder().decode(bytes))),
                  close: () => Promise.resolve(),
                }),
            });
    Object.assign(window, { savedByDialog: written, showSaveFilePicker: picker });
  }, user);
}

/** The texts written through the stubbed dialog since it was put in place. */
export function savedByDialog(page: Page): Promise<string[]> {
  return page.evaluate(() => (window as unknown as { savedByDialog: string[] }).savedByDialog);
}

/** Back to saving into the downloads folder. */
export async function removeSaveDialog(page: Page): Promise<void> {
  await page.evaluate(() => Reflect.deleteProperty(window, 'showSaveFilePicker'));
}
