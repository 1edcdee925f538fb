import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { setUpPocPair, startDemoRegistry, type DemoRegistry } from './support/pocs';
import { removeSaveDialog, savedByDialog, stubSaveDialog } from './support/saveDialog';

/**
 * Issue 4 "Done when": two POCs in two browser contexts, enrolled with a real demo registry, each
 * having published its key in its own directory entry. A composes to B and saves a .asc; B opens it
 * and sees "Verified sender: A" with A's State, role and name from the directory; the message joins
 * B's exchange log. A copy with one byte changed gives a bad signature or a decryption error, never
 * "verified".
 */

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: button }).click(),
  ]);
  return readFileSync(await file.path(), 'utf8');
}

async function readMessage(page: Page, armored: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Secure messages' })
    .click();
  await page.getByRole('tab', { name: 'Read a message' }).click();
  await page.getByLabel('Encrypted message', { exact: true }).fill(armored);
  await page.getByRole('button', { name: 'Decrypt and check' }).click();
}

/** One base64 character of the armoured body changed, near the end of the encrypted data. */
function tamper(armored: string): string {
  const lines = armored.split('\n');
  const target = lines.findLastIndex((l) => l.length >= 60);
  const line = lines[target] ?? '';
  lines[target] = line.slice(0, 30) + (line[30] === 'A' ? 'B' : 'A') + line.slice(31);
  return lines.join('\n');
}

let registry: DemoRegistry | null = null;
test.afterEach(async () => {
  await registry?.stop();
  registry = null;
});

test('A writes to B; B sees the verified sender from the directory; a tampered copy is never verified', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  registry = await startDemoRegistry();
  const { a, b, pocA, pocB } = await setUpPocPair(browser, registry);

  // A composes to B, found in A's directory (B's entry now carries B's key).
  await a
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Secure messages' })
    .click();
  const search = a.getByLabel('Find recipients in the directory');
  await search.fill(pocB.pickerQuery);
  await a.getByRole('checkbox', { name: pocB.pickerName }).check();
  await a.getByLabel('Subject (stays inside the encryption)').fill('Fictional incident 7');
  await a.getByLabel('Message', { exact: true }).fill('Fictional test: please confirm receipt.');
  await a.getByRole('button', { name: 'Sign and encrypt' }).click();

  // Issue 10: a cancelled save dialog leaves the message "prepared", never "handed over"; a save
  // through the dialog hands it over with the very bytes a download gives.
  const handover = a.getByRole('region', { name: 'Hand the message over' });
  await stubSaveDialog(a, 'cancels');
  await handover.getByRole('button', { name: 'Save as .asc file' }).click();
  await expect(handover.getByRole('status')).toHaveText(
    'Nothing was saved. The message is still only prepared.',
  );
  await expect(handover.getByText('Prepared (not handed over)')).toBeVisible();
  await stubSaveDialog(a, 'saves');
  await handover.getByRole('button', { name: 'Save as .asc file' }).click();
  await expect(handover.getByText('Handed over', { exact: true })).toBeVisible();
  const written = await savedByDialog(a);
  expect(written).toHaveLength(1);
  expect(written[0]).toContain('BEGIN PGP MESSAGE');
  await removeSaveDialog(a);

  const sealed = await download(a, 'Save as .asc file');
  expect(sealed).toBe(written[0]);
  expect(sealed).toContain('BEGIN PGP MESSAGE');
  expect(sealed).not.toContain('Fictional incident 7');

  // B reads it: verified sender A (name, State, role from B's directory).
  await readMessage(b, sealed);
  const verdict = b.getByLabel('Sender check');
  await expect(verdict).toContainText(`Verified sender: ${pocA.entryName}`);
  await expect(verdict).toContainText('France, technical point of contact');
  await expect(b.getByText('Fictional test: please confirm receipt.')).toBeVisible();
  await expect(b.getByText('Stored in your vault with the conversation.')).toBeVisible();

  // It joined B's exchange log: "Open the case" opens it.
  await b.getByRole('button', { name: 'Open the case' }).click();
  await expect(b).toHaveURL(/#\/cases\/case-/);
  await expect(b.getByText('Fictional test: please confirm receipt.').first()).toBeVisible();

  // One byte changed: bad signature or a decryption error, never "verified", nothing stored.
  await readMessage(b, tamper(sealed));
  await expect(b.getByRole('alert').first()).toContainText(
    /Bad signature|could not be decrypted|not a readable OpenPGP message/,
  );
  await expect(b.getByText(/Verified sender/)).toHaveCount(0);
  await expect(b.getByRole('button', { name: 'Open the case' })).toHaveCount(0);
});
