import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { createVault, openApp } from './support/app';
import { newPocPage, setUpPoc, startDemoRegistry, syncToHead, type DemoRegistry } from './support/pocs';

/**
 * Issue 12 "Done when", group mode: a facilitator and two States — two technical POCs (France,
 * Germany) and one diplomatic POC (France) — each in its own browser context, enrolled with a real
 * registry. The manager starts the exercise with the command line; injects arrive through the
 * registry's signed exercise feed, marked EXERCISE; Germany acknowledges one; France's technical POC
 * sends Germany's a real signed and encrypted exercise message, which Germany opens, and Germany's
 * answer goes back the other way; the facilitator's progress view shows the acknowledgement and the
 * messages counted (never the contents), and the debrief opens and is exported as a PDF, read back
 * with pdftotext: the exercise's facts, no message text.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const TITLE = 'Ransomware at the Port Authority of Aldoria (fictional)';
const SECRET_TEXT = 'Fictional exercise: are 198.51.100.23 and .24 known to your CSIRT?';
const REPLY_TEXT = 'Fictional answer: .23 is a sinkhole of ours since 06:40 UTC; .24 is unknown here.';

function admin(registry: DemoRegistry, ...args: string[]): string {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'registry/cli.ts', 'admin', ...args, '--data', registry.dataDir],
    { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
  );
  if (result.status !== 0) throw new Error(`admin ${args[0] ?? ''} failed: ${result.stderr}`);
  return result.stdout;
}

async function openTraining(page: Page): Promise<void> {
  await page.goto('/#/training');
  await page.getByRole('button', { name: 'Check for exercises' }).click();
}

async function joinExercise(page: Page): Promise<void> {
  await openTraining(page);
  await page.getByRole('link', { name: `Take part: ${TITLE}` }).click();
  await expect(page.getByRole('heading', { name: TITLE })).toBeVisible({ timeout: 30_000 });
  const first = page.getByRole('article', { name: 'Inject T+00:00' });
  await expect(first).toBeVisible();
  await expect(first).toContainText('EXERCISE');
}

let registry: DemoRegistry | null = null;
test.afterEach(async () => {
  await registry?.stop();
  registry = null;
});

test('group exercise: signed injects, exercise messages both ways, the facilitator’s progress and debrief PDF', async ({
  browser,
}) => {
  test.setTimeout(600_000);
  registry = await startDemoRegistry();

  const fraTech = await newPocPage(browser);
  const deuTech = await newPocPage(browser);
  const fraDipl = await newPocPage(browser);
  await setUpPoc(fraTech, { registry, code: 'DEMO-FRA-TECH-0001' });
  await setUpPoc(deuTech, { registry, code: 'DEMO-DEU-TECH-0001' });
  await setUpPoc(fraDipl, { registry, code: 'DEMO-FRA-DIPL-0001' });
  // France's technical POC now also holds Germany's published key.
  await syncToHead(fraTech, registry);

  // The facilitator: an enrolled account whose code granted the facilitator right.
  expect(
    admin(
      registry,
      'issue-code',
      '--state',
      'CHE',
      '--role',
      'diplomatic',
      '--facilitator',
      '--code',
      'E2E-FACI-0001',
    ),
  ).toContain('facilitator');
  const facilitator = await newPocPage(browser);
  await openApp(facilitator, { language: 'en' });
  await createVault(facilitator);
  await facilitator.goto('/#/onboarding');
  await facilitator
    .getByLabel('Your name or the name of your office, for the key')
    .fill('Fictional exercise facilitator');
  await facilitator.getByRole('button', { name: 'Create my key' }).click();
  await facilitator.getByLabel('Registry address').fill(registry.url);
  await facilitator.getByRole('button', { name: "Show the registry's fingerprint" }).click();
  await facilitator.getByLabel('I compared it', { exact: false }).check();
  await facilitator.getByLabel('Enrolment code').fill('E2E-FACI-0001');
  await facilitator.getByRole('button', { name: 'Enrol and register my key' }).click();
  await expect(
    facilitator.getByText('This device is enrolled as diplomatic point of contact of Switzerland.'),
  ).toBeVisible({ timeout: 30_000 });

  // The manager starts the exercise at 60×: T+10 is ten seconds later.
  const created = admin(
    registry,
    'exercise',
    'create',
    '--scenario',
    resolve(ROOT, 'resources/scenarios/ransomware-port.json'),
    '--participants',
    'FRA:technical,DEU:technical,FRA:diplomatic',
    '--speed',
    '60',
  );
  expect(created).toContain('DEU technical  plays xbb-tech');

  for (const page of [fraTech, deuTech, fraDipl]) await joinExercise(page);
  // A diplomatic POC is no facilitator: the facilitator's list is not shown.
  await openTraining(fraDipl);
  await expect(fraDipl.getByRole('list', { name: 'Exercises to follow' })).toHaveCount(0);

  // Germany receives the T+10 indicators inject through the registry and acknowledges it.
  const indicators = deuTech.getByRole('article', { name: 'Inject T+00:10' });
  await expect(indicators).toBeVisible({ timeout: 60_000 });
  await expect(indicators).toContainText('EXERCISE');
  await expect(indicators.getByRole('list', { name: 'Indicators' })).toContainText('198.51.100.23');
  await indicators.getByRole('button', { name: 'Acknowledge' }).click();
  await expect(indicators.getByRole('status')).toHaveText(
    /^Acknowledged, recorded by the registry at \d{1,2}:\d{2}\s[AP]M [A-Z][\w+:-]*\.$/,
  );

  // France (technical) writes to Germany (technical): signed and encrypted, marked EXERCISE.
  await fraTech.getByLabel('Participant', { exact: true }).selectOption({
    label: 'Germany, technical — plays CSIRT-BO (Borealis, fictional)',
  });
  await fraTech.getByLabel('Kind of message').selectOption({ label: 'Inquiry' });
  await fraTech.getByLabel('Exercise message text').fill(SECRET_TEXT);
  await fraTech.getByRole('button', { name: 'Sign and encrypt the exercise message' }).click();
  const sealedBox = fraTech.getByLabel('Sealed exercise message (hand it to the participant)');
  await expect(sealedBox).toBeVisible({ timeout: 30_000 });
  const sealed = await sealedBox.inputValue();
  expect(sealed).toContain('BEGIN PGP MESSAGE');
  expect(sealed).not.toContain('198.51.100.23');

  await deuTech.getByLabel('Exercise message received').fill(sealed);
  await deuTech.getByRole('button', { name: 'Decrypt and check' }).click();
  const received = deuTech.getByRole('list', { name: 'Exercise messages received' });
  await expect(received).toContainText(SECRET_TEXT, { timeout: 30_000 });
  await expect(received).toContainText('EXERCISE');
  await expect(received).toContainText('France, technical — plays CERT-AL (Aldoria, fictional)');

  // Germany answers France the same way: sealed on Germany's side, opened on France's.
  await deuTech.getByLabel('Participant', { exact: true }).selectOption({
    label: 'France, technical — plays CERT-AL (Aldoria, fictional)',
  });
  await deuTech.getByLabel('Kind of message').selectOption({ label: 'Answer' });
  await deuTech.getByLabel('Exercise message text').fill(REPLY_TEXT);
  await deuTech.getByRole('button', { name: 'Sign and encrypt the exercise message' }).click();
  const replyBox = deuTech.getByLabel('Sealed exercise message (hand it to the participant)');
  await expect(replyBox).toBeVisible({ timeout: 30_000 });
  const reply = await replyBox.inputValue();
  expect(reply).toContain('BEGIN PGP MESSAGE');
  expect(reply).not.toContain('sinkhole');

  await fraTech.getByLabel('Exercise message received').fill(reply);
  await fraTech.getByRole('button', { name: 'Decrypt and check' }).click();
  const answered = fraTech.getByRole('list', { name: 'Exercise messages received' });
  await expect(answered).toContainText(REPLY_TEXT, { timeout: 30_000 });
  await expect(answered).toContainText('EXERCISE');
  await expect(answered).toContainText('Germany, technical — plays CSIRT-BO (Borealis, fictional)');
  // Each side still sees what it received, and only that.
  await expect(received).toContainText(SECRET_TEXT);
  await expect(received).not.toContainText(REPLY_TEXT);
  await expect(answered).not.toContainText(SECRET_TEXT);

  // The facilitator follows progress: Germany's acknowledgement, the messages counted, no contents.
  await openTraining(facilitator);
  await facilitator.getByRole('link', { name: `Follow progress: ${TITLE}` }).click();
  const table = facilitator.getByRole('table', { name: 'Progress per participant' });
  await expect(table).toBeVisible({ timeout: 30_000 });
  const germany = table.getByRole('row', { name: /Germany, technical/ });
  // The registry's receipt time, in the device's zone and named, as every time in the app.
  await expect(germany).toContainText(/Acknowledged at T\+00:1\d \(\d{1,2}:\d{2}\s[AP]M [A-Z][\w+:-]*\)/, {
    timeout: 30_000,
  });
  const france = table.getByRole('row', { name: /France, technical/ });
  // Messages sent, then received: one each way.
  for (const row of [france, germany]) {
    await expect(row.getByRole('cell').nth(-2)).toHaveText('1');
    await expect(row.getByRole('cell').last()).toHaveText('1');
  }
  await expect(facilitator.getByText(SECRET_TEXT)).toHaveCount(0);
  await expect(facilitator.getByText(REPLY_TEXT)).toHaveCount(0);
  await facilitator.screenshot({ path: 'tests/e2e/output/exercise-facilitator-en.png', fullPage: true });

  await facilitator.getByRole('button', { name: 'Open the debrief' }).click();
  await expect(facilitator.getByRole('heading', { name: 'Debrief of the exercise' })).toBeVisible();
  const cert = facilitator.getByRole('region', { name: /CERT-AL \(Aldoria, fictional\)/ });
  await expect(cert.getByRole('table')).toContainText('done on time');
  const csirt = facilitator.getByRole('region', { name: /CSIRT-BO \(Borealis, fictional\)/ });
  await expect(csirt.getByRole('heading')).toContainText('played by Germany (technical POC)');
  await expect(csirt).toContainText('measured on its ping tests only');
  await expect(csirt.getByRole('table')).not.toContainText('Send an inquiry');
  await expect(facilitator.getByText(SECRET_TEXT)).toHaveCount(0);

  // The group debrief as a PDF, read back as a reader's tool would: the facts, never a message.
  mkdirSync('tests/e2e/output', { recursive: true });
  const download = facilitator.waitForEvent('download');
  await facilitator.getByRole('button', { name: 'Export the debrief as PDF' }).click();
  const pdf = await download;
  expect(pdf.suggestedFilename()).toMatch(/^group-exercise-debrief-\d{4}-\d{2}-\d{2}\.pdf$/);
  const pdfPath = 'tests/e2e/output/training-group-debrief-en.pdf';
  await pdf.saveAs(pdfPath);
  await expect(facilitator.getByRole('status').filter({ hasText: 'Debrief PDF saved.' })).toBeVisible();
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', pdfPath, '-'], { encoding: 'utf8' }).replace(
    /\s+/g,
    ' ',
  );
  expect(text).toContain('EXERCISE');
  expect(text).toContain(`Scenario: ${TITLE}`);
  // Each party with its fictional State, what France's inquiry did against its deadline, and both
  // messages as the role-rule decisions they were (a same-role exchange each way).
  const sections: string[] = text.split('Participant: ');
  const certPdf = sections[1] ?? '';
  const csirtPdf = sections[2] ?? '';
  expect(certPdf).toMatch(
    /^CERT-AL \(Aldoria, fictional\) \(XAA, technical POC\) — played by France \(technical POC\) Expected actions: 1 on time/,
  );
  expect(certPdf).toMatch(
    /Send an inquiry to the technical POC of Borealis — done on time — opened T\+00:10/,
  );
  expect(certPdf).toMatch(/T\+00:\d\d — CSIRT-BO \(Borealis, fictional\) — same role/);
  expect(csirtPdf).toMatch(
    /^CSIRT-BO \(Borealis, fictional\) \(XBB, technical POC\) — played by Germany \(technical POC\)/,
  );
  // The scenario's expected actions are written for Aldoria's part: Borealis is not judged on them.
  expect(csirtPdf).toContain('measured on its ping tests only');
  expect(csirtPdf).not.toContain('Send an inquiry to the technical POC of Borealis');
  expect(csirtPdf).toMatch(/T\+00:\d\d — CERT-AL \(Aldoria, fictional\) — same role/);
  for (const secret of [SECRET_TEXT, REPLY_TEXT, 'sinkhole', 'known to your CSIRT'])
    expect(text).not.toContain(secret);
});
