import * as openpgp from 'openpgp';
import { expect, test } from '@playwright/test';
import { collectConsoleErrors, createVaultAndUnlock } from './support/app';

/**
 * Issue 13 in Chromium: a clearsigned advisory pasted on the receive screen is no longer refused as
 * "not encrypted": it gets a verdict (here: a signer not in the directory) and the text exactly as
 * signed (dash-escaping undone), even before the user has an own key.
 */
test('a pasted clearsigned advisory gets a verdict and shows the text as signed', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  const { privateKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'ed25519Legacy',
    userIDs: [{ name: 'Fictional CERT', email: 'cert@advisory.example' }],
    format: 'object',
  });
  const text = 'FICTIONAL ADVISORY 2026-042\n- a line that starts with a dash\nBlock hxxp://bad[.]example';
  const armored = await openpgp.sign({
    message: await openpgp.createCleartextMessage({ text }),
    signingKeys: privateKey,
  });
  expect(armored).toContain('- - a line that starts with a dash');

  await createVaultAndUnlock(page);
  await page.goto('/#/messages');
  await page.getByRole('tab', { name: 'Read a message' }).click();
  await page.getByLabel('Encrypted message').fill(armored);
  await page.getByRole('button', { name: 'Decrypt and check' }).click();
  const result = page.getByRole('article', { name: 'Clearsigned text' });
  await expect(result.getByLabel('Sender check')).toContainText(
    'Signed by a key that is not in the directory',
  );
  await expect(result.getByLabel('Signed text')).toHaveText(text);
  expect(errors).toEqual([]);
});
