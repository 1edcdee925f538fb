import { readFileSync } from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { createVaultAndUnlock } from './support/app';

/**
 * Two POCs in two browser contexts (two separate vaults). A and B create keys, exchange public keys
 * as files, A writes to B and saves a .asc; B reads it. Without the registry, A is not in B's
 * directory, so B must see "not in the directory" — never "verified". A tampered copy must give a
 * bad signature or a decryption error.
 */
async function newPoc(browser: Browser, name: string): Promise<Page> {
  const context = await browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await createVaultAndUnlock(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'My keys' }).click();
  await page.getByLabel('Name shown on the key (person or entity)').fill(name);
  await page.getByRole('button', { name: 'Create key' }).click();
  await expect(page.getByRole('heading', { name: 'My OpenPGP key' })).toBeVisible({ timeout: 60_000 });
  return page;
}

async function download(page: Page, button: string): Promise<string> {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  const path = await file.path();
  return readFileSync(path, 'utf8');
}

async function importPeerKey(page: Page, armored: string): Promise<void> {
  await page.getByLabel('Public key (armoured text)').fill(armored);
  await page.getByRole('button', { name: 'Import key' }).click();
  await expect(page.getByText('Keys imported: 1.')).toBeVisible();
}

async function readMessage(page: Page, armored: string): Promise<void> {
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Secure messages' }).click();
  await page.getByRole('tab', { name: 'Read a message' }).click();
  await page.getByLabel('Encrypted message', { exact: true }).fill(armored);
  await page.getByRole('button', { name: 'Decrypt and check' }).click();
}

test('A writes to B; B reads it with an honest verdict; a tampered copy is never verified', async ({ browser }) => {
  const a = await newPoc(browser, 'Fictional CERT Alpha');
  const b = await newPoc(browser, 'Fictional CERT Beta');

  const aPublic = await download(a, 'Save my public key (.asc)');
  const bPublic = await download(b, 'Save my public key (.asc)');
  expect(aPublic).toContain('BEGIN PGP PUBLIC KEY BLOCK');
  await importPeerKey(a, bPublic);
  await importPeerKey(b, aPublic);

  await a.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Secure messages' }).click();
  await a.getByRole('checkbox', { name: 'Fictional CERT Beta' }).check();
  await a.getByLabel('Subject (stays inside the encryption)').fill('Fictional incident 7');
  await a.getByLabel('Message', { exact: true }).fill('Fictional test: please confirm receipt.');
  await a.getByRole('button', { name: 'Sign and encrypt' }).click();
  const sealed = await download(a, 'Save as .asc file');
  expect(sealed).toContain('BEGIN PGP MESSAGE');
  expect(sealed).not.toContain('Fictional incident 7');

  await readMessage(b, sealed);
  const verdict = b.getByLabel('Sender check');
  await expect(verdict).toContainText('Signed by a key that is not in the directory');
  await expect(verdict).not.toContainText('Verified sender');
  await expect(b.getByText('Fictional test: please confirm receipt.')).toBeVisible();

  // One byte changed in the encrypted data near the end.
  const lines = sealed.split('\n');
  const target = lines.findLastIndex((l) => l.length >= 60);
  const line = lines[target] ?? '';
  lines[target] = line.slice(0, 30) + (line[30] === 'A' ? 'B' : 'A') + line.slice(31);
  // Still on the Read tab: replace the pasted text and read again.
  console.log('t0', Date.now());
  console.log('role count', await b.getByRole('textbox', { name: 'Encrypted message', exact: true }).count(), Date.now());
  console.log('label count', await b.getByLabel('Encrypted message', { exact: true }).count(), Date.now());
  console.log('label inexact count', await b.getByLabel('Encrypted message').count(), Date.now());
  const pasteBox = b.getByLabel('Encrypted message', { exact: true });
  await pasteBox.clear();
  await pasteBox.pressSequentially('x');
  await pasteBox.fill(lines.join('\n'));
  await b.getByRole('button', { name: 'Decrypt and check' }).click();
  const outcome = b.getByRole('alert').first();
  await expect(outcome).toContainText(/Bad signature|could not be decrypted|not a readable OpenPGP message/);
  await expect(b.getByText('Verified sender')).toHaveCount(0);
});
