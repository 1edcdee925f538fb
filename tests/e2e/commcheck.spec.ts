import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { setUpPocPair, startDemoRegistry, type DemoRegistry } from './support/pocs';

/**
 * Issue 13 "Done when": a communication check between two browser contexts. A sends a check to B
 * (sealed through the outgoing pipeline, handed over in bulk as a .zip and one by one as .asc); B
 * reads it and answers in one click (signed); A reads the answer and sees "channel verified" and
 * the round-trip time in the campaign report, and on B's directory entry.
 */

async function download(page: Page, click: () => Promise<void>): Promise<Buffer> {
  const [file] = await Promise.all([page.waitForEvent('download'), click()]);
  return readFileSync(await file.path());
}

async function openMessages(page: Page, tab: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Secure messages' })
    .click();
  await page.getByRole('tab', { name: tab }).click();
}

async function readMessage(page: Page, armored: string): Promise<void> {
  await openMessages(page, 'Read a message');
  await page.getByLabel('Encrypted message', { exact: true }).fill(armored);
  await page.getByRole('button', { name: 'Decrypt and check' }).click();
}

let registry: DemoRegistry | null = null;
test.afterEach(async () => {
  await registry?.stop();
  registry = null;
});

test('A checks the channel to B; B answers in one click; A sees channel verified and the round trip', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  registry = await startDemoRegistry();
  const { a, b, pocA, pocB } = await setUpPocPair(browser, registry);

  // A: a check to one hand-picked POC, of A's own role unless A chooses otherwise (A §9).
  await openMessages(a, 'Communication checks');
  await expect(a.getByLabel('Role of the POCs')).toHaveValue('technical');
  await a.getByLabel('Find POCs to check in the directory').fill(pocB.pickerQuery);
  await a.getByRole('checkbox', { name: pocB.pickerName }).check();
  await expect(a.getByText('POCs with a key to check: 1')).toBeVisible();
  await a.getByRole('button', { name: 'Sign, encrypt and prepare the checks (1)' }).click();
  const report = a.getByRole('region', { name: 'Communication check report' });
  await expect(report.getByRole('row').filter({ hasText: 'Prepared, not handed over yet' })).toHaveCount(1);

  // Bulk hand-over: one .eml per POC in a .zip (PK signature), recorded as handed over.
  const zip = await download(a, () =>
    report.getByRole('button', { name: 'Save all checks as .eml files (.zip)' }).click(),
  );
  expect(zip.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
  expect(zip.toString('latin1')).toContain('BEGIN PGP MESSAGE');
  await expect(report.getByRole('row').filter({ hasText: 'Handed over, awaiting the answer' })).toHaveCount(
    1,
  );

  // One by one: the same check as a .asc file, from the row's hand-over step.
  await report.getByText('Hand over (again)').click();
  const check = (
    await download(a, () => report.getByRole('button', { name: 'Save as .asc file' }).click())
  ).toString('utf8');
  expect(check).toContain('BEGIN PGP MESSAGE');

  // B: recognises the check and answers it in one click (signed), then hands the answer over.
  await readMessage(b, check);
  await expect(b.getByLabel('Sender check')).toContainText(`Verified sender: ${pocA.entryName}`);
  const received = b.getByRole('region', { name: 'Communication check', exact: true });
  await expect(received).toContainText('This message is a communication check');
  await received.getByRole('button', { name: 'Answer the check (signed)' }).click();
  await expect(received.getByText('The signed answer is ready.')).toBeVisible();
  const answer = (
    await download(b, () => received.getByRole('button', { name: 'Save as .asc file' }).click())
  ).toString('utf8');
  // No case opened for a channel test.
  await expect(b.getByRole('button', { name: 'Open the case' })).toHaveCount(0);

  // A reads the answer: channel verified, round trip recorded.
  await readMessage(a, answer);
  await expect(a.getByText(/Answer verified: the channel to this POC is marked as verified/)).toBeVisible();
  await openMessages(a, 'Communication checks');
  const row = a
    .getByRole('region', { name: 'Communication check report' })
    .getByRole('row')
    .filter({ hasText: 'Answered, channel verified' });
  await expect(row).toHaveCount(1);
  await expect(row).toContainText(/Channel verified on/);
  await expect(row).toContainText(
    /Round trip: \d+ s \(from hand-over to the answer's signature time\)|Round trip: \d+ min/,
  );
  await expect(a.getByText('Answered: 1 of 1. To follow up: 0.')).toBeVisible();
  await a.screenshot({ path: 'tests/e2e/output/commcheck-report-en.png', fullPage: true });

  // The same answer read again changes nothing; B's directory entry says the channel is verified.
  await readMessage(a, answer);
  await expect(a.getByText('This check was already answered; this copy changes nothing.')).toBeVisible();
  await a
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('link', { name: 'Directory' })
    .click();
  await a.getByLabel('Search the directory').fill(pocB.pickerQuery);
  await a
    .getByRole('list', { name: 'Directory entries' })
    .getByRole('link')
    .filter({ hasText: pocB.entryName })
    .first()
    .click();
  await expect(a.getByText(/Channel verified on .+ \(by check\)/)).toBeVisible();

  // A second check, handed over and left unanswered: 49 hours later it is on Today, one click from
  // its own campaign's report. (A pointer move right after the clock jump, so the idle lock, which
  // counts from the last activity, does not read the jump as 49 idle hours.)
  await openMessages(a, 'Communication checks');
  await a.getByLabel('Find POCs to check in the directory').fill(pocB.pickerQuery);
  await a.getByRole('checkbox', { name: pocB.pickerName }).check();
  await a.getByRole('button', { name: 'Sign, encrypt and prepare the checks (1)' }).click();
  await expect(report.getByRole('row').filter({ hasText: 'Prepared, not handed over yet' })).toHaveCount(1);
  await download(a, () =>
    report.getByRole('button', { name: 'Save all checks as .eml files (.zip)' }).click(),
  );
  await expect(report.getByRole('row').filter({ hasText: 'Handed over, awaiting the answer' })).toHaveCount(
    1,
  );
  await a.mouse.move(5, 5);
  await a.clock.setFixedTime(Date.now() + 49 * 3_600_000);
  await a.mouse.move(10, 10);
  await a.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Today' }).click();
  const followUps = a.getByRole('region', { name: 'Communication checks unanswered after 48 hours: 1' });
  await expect(followUps).toBeVisible();
  await expect(a.getByText('Nothing needs you right now.')).toHaveCount(0);
  await followUps.getByRole('link', { name: new RegExp(` — ${pocB.stateLabel}$`) }).click();
  await expect(
    report.getByRole('row').filter({ hasText: 'No answer after 48 hours: follow up' }),
  ).toHaveCount(1);
  await expect(a.getByText('Answered: 0 of 1. To follow up: 1.')).toBeVisible();
});
