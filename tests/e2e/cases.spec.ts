import { readFileSync, writeFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { expect, test, type Download, type Page } from '@playwright/test';
import { stateName } from '../../shared/directory/stateNames';
import { collectConsoleErrors, createVaultAndUnlock, unlockVault } from './support/app';
import { newPocPage, setUpPoc, setUpPocPair, startDemoRegistry, type DemoRegistry } from './support/pocs';
import { removeSaveDialog, stubSaveDialog } from './support/saveDialog';

/**
 * Issue 6 in Chromium. What runs: POC A (French UI) goes through the four-step inquiry wizard with
 * urgent technical data (defanged, IPv6, one invalid token flagged), reviews the French text, sends;
 * the case opens with its timeline and an intact chain; the case exports as PDF and JSON, and a
 * third-party export is refused without consent. The wizard also runs in Arabic (screenshot kept).
 * The "Done when" journey runs with two browser contexts against a demo registry
 * (support/pocs.ts): A (French UI) → B (English UI) → A, with real OpenPGP sign + encrypt.
 */
async function switchLanguage(page: Page, language: string) {
  await page.locator('header select').selectOption(language);
  await expect(page.locator('html')).toHaveAttribute('lang', language);
}

test('A (French UI) sends an urgent technical inquiry; the case records it, verifies and exports', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await createVaultAndUnlock(page);
  await switchLanguage(page, 'fr');
  await page.goto('/#/inquiry');

  await page.getByLabel('Expéditeur', { exact: true }).fill('Camille Fictive');
  await page.getByLabel('Affiliation', { exact: true }).fill('CERT-XA (fictif)');
  await page.getByLabel('Mon État (code ISO)').fill('XAA');
  await page.getByLabel('État du destinataire (code ISO)').fill('XBB');
  await expect(page.getByRole('status').filter({ hasText: 'Brouillon enregistré' })).toBeVisible();
  await page.getByRole('button', { name: 'Suivant' }).click();

  await page.getByLabel('Description de l’incident').fill('Rançongiciel contre des hôpitaux (fictif)');
  await page.getByLabel('Santé').check();
  await page
    .getByLabel('Données techniques')
    .fill('192.0.2[.]10 hxxp://c2[.]example[.]org/x 2001:DB8:0:0:0:0:0:1 999.1.1.1 CVE-2024-3094');
  const parsed = page.getByRole('list', { name: 'Données techniques reconnues' });
  await expect(parsed).toContainText('2001:db8::1');
  await expect(parsed).toContainText('http://c2.example.org/x');
  await expect(parsed.getByRole('alert')).toContainText('999.1.1.1');
  await page.getByRole('button', { name: 'Suivant' }).click();

  await page.getByLabel('Objet de la demande').fill('Ces adresses sont-elles connues de vos services ?');
  await page.getByLabel('Urgence', { exact: true }).selectOption('urgent');
  await page.getByRole('button', { name: 'Suivant' }).click();
  await page.getByLabel('Agence chef de file pour cet incident').fill('CERT-XA (fictif)');

  // Every change is saved encrypted before moving on.
  await expect(page.getByRole('status').filter({ hasText: 'Brouillon enregistré' })).toBeVisible();
  await page.getByRole('button', { name: 'Suivant' }).click();
  const text = page.getByLabel('Texte que lira le destinataire');
  await expect(text).toContainText('Nature de la communication: Demande d’informations');
  await expect(text).toContainText('Urgence: Urgente');
  await expect(text).toContainText('Adresse IPv6: 2001:db8::1');
  await page.getByLabel('anglais').check();
  await expect(text).toContainText('Urgency: Urgent');

  await page.getByRole('button', { name: 'Signer, chiffrer et envoyer' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'dans un nouveau dossier' })).toBeVisible();
  await page.getByRole('button', { name: 'Ouvrir le dossier' }).click();

  await expect(page.getByRole('heading', { name: /Rançongiciel/ })).toBeVisible();
  await expect(page.getByLabel('Intégrité du registre')).toContainText('Registre intact : 2 événements');
  const timeline = page.getByRole('list', { name: 'Événements du dossier, du plus ancien au plus récent' });
  await expect(timeline).toContainText('Dossier ouvert');
  await expect(timeline).toContainText('Envoyé : Demande d’informations');
  await expect(page.getByText('En attente de réponse').first()).toBeVisible();

  await page.getByLabel('Nouvelle note').fill('Appel téléphonique de suivi prévu (fictif).');
  await page.getByRole('button', { name: 'Ajouter la note' }).click();
  await expect(timeline).toContainText('Note');

  const pdfDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en PDF' }).click();
  const pdf = await pdfDownload;
  const pdfPath = 'tests/e2e/output/case-a.pdf';
  await pdf.saveAs(pdfPath);
  expect(readFileSync(pdfPath).subarray(0, 5).toString()).toBe('%PDF-');

  const jsonDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter en JSON pour nos archives' }).click();
  const jsonPath = 'tests/e2e/output/case-a.json';
  await (await jsonDownload).saveAs(jsonPath);
  const exported = JSON.parse(readFileSync(jsonPath, 'utf8')) as {
    chain: { verification: { intact: boolean } };
    events: unknown[];
  };
  expect(exported.chain.verification.intact).toBe(true);
  expect(exported.events.length).toBeGreaterThanOrEqual(4);

  await page.getByRole('button', { name: 'Exporter pour un tiers (JSON)' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'est refusé' })).toBeVisible();
  await expect(page.getByLabel('Intégrité du registre')).toContainText('Registre intact');

  await page.goto('/#/cases');
  await page.getByLabel('Rechercher dans les dossiers').fill('hopitaux');
  await expect(page.getByRole('link', { name: /Rançongiciel/ }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Échéances proches' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the inquiry wizard runs through in Arabic (screenshot kept)', async ({ page }) => {
  await createVaultAndUnlock(page);
  await switchLanguage(page, 'ar');
  await page.goto('/#/inquiry');
  await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
  await page.getByLabel('المرسل', { exact: true }).fill('سلمى (شخصية خيالية)');
  await page.getByLabel('الجهة التابع لها').fill('فريق الاستجابة (خيالي)');
  await page.getByLabel('دولتي (رمز ISO)').fill('XAA');
  await page.getByRole('button', { name: 'التالي' }).click();
  await page.getByLabel('البيانات التقنية').fill('198.51.100.0/24 evil[.]example');
  await page.getByRole('button', { name: 'التالي' }).click();
  await page.getByLabel('درجة الاستعجال').selectOption('urgent');
  await page.getByRole('button', { name: 'التالي' }).click();
  await page.getByRole('button', { name: 'التالي' }).click();
  await expect(page.getByLabel('النص الذي سيقرؤه المتلقي')).toContainText('طبيعة الرسالة: طلب معلومات');
  await page.screenshot({ path: 'tests/e2e/output/inquiry-arabic.png', fullPage: true });
  await page.getByRole('button', { name: 'التوقيع والتشفير والإرسال' }).click();
  await page.getByRole('button', { name: 'فتح ملف القضية' }).click();
  // The Arabic case record as PDF: right-to-left lines in visual order, Arabic letters joined (see casePdf.ts).
  const pdf = page.waitForEvent('download');
  await page.getByRole('button', { name: 'تصدير بصيغة PDF' }).click();
  await (await pdf).saveAs('tests/e2e/output/case-arabic.pdf');
  expect(
    pdfFontNames('tests/e2e/output/case-arabic.pdf').some((name) => name.includes('NotoSansArabic')),
  ).toBe(true);
});

test('a half-filled inquiry survives a reload: the vault locks, and after unlocking the fields are there', async ({
  page,
}) => {
  const errors = collectConsoleErrors(page);
  await createVaultAndUnlock(page);
  await page.goto('/#/inquiry');
  await page.getByLabel('Sender', { exact: true }).fill('Dana Fictional');
  await page.getByLabel('Affiliation', { exact: true }).fill('CERT-XA (fictional)');
  await page.getByLabel('My State (ISO code)').fill('XAA');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('What happened').fill('Phishing wave against a ministry (fictional)');
  await page.getByRole('textbox', { name: 'Technical data' }).fill('203.0.113.7 phish[.]example');
  await expect(page.getByRole('status').filter({ hasText: 'Draft saved (encrypted)' })).toBeVisible();

  // As good as a crash: the page goes away; the vault locks.
  await page.reload();
  await unlockVault(page);
  await page.goto('/#/inquiry');
  await expect(page.getByLabel('What happened')).toHaveValue('Phishing wave against a ministry (fictional)');
  await expect(page.getByRole('textbox', { name: 'Technical data' })).toHaveValue(
    '203.0.113.7 phish[.]example',
  );
  await page.getByRole('button', { name: 'Back' }).click();
  await expect(page.getByLabel('Sender', { exact: true })).toHaveValue('Dana Fictional');
  await expect(page.getByLabel('My State (ISO code)')).toHaveValue('XAA');
  expect(errors).toEqual([]);
});

/** The PDF's font names, read from its (deflated) object streams. */
function pdfFontNames(path: string): string[] {
  const pdf = readFileSync(path);
  const names = new Set<string>();
  const text = pdf.toString('latin1');
  for (const match of text.matchAll(/stream\r?\n/g)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = text.indexOf('endstream', start);
    try {
      const inflated = inflateSync(pdf.subarray(start, end)).toString('latin1');
      for (const font of inflated.matchAll(/\/BaseFont\s*\/([A-Za-z+-]+)/g)) if (font[1]) names.add(font[1]);
    } catch {
      // not a deflated stream
    }
  }
  return [...names].sort();
}

test('a case with Chinese text exports a PDF that embeds a Chinese font (no "?")', async ({ page }) => {
  const errors = collectConsoleErrors(page);
  await createVaultAndUnlock(page);
  await page.goto('/#/inquiry');
  await page.getByLabel('Sender', { exact: true }).fill('Li Fictional');
  await page.getByLabel('Affiliation', { exact: true }).fill('CERT-XA (fictional)');
  await page.getByLabel('My State (ISO code)').fill('XAA');
  await page.getByRole('button', { name: 'Next' }).click();
  await page.getByLabel('What happened').fill('勒索软件攻击医院（虚构）');
  await page.getByRole('button', { name: 'Review and send' }).click();
  await page.getByRole('button', { name: 'Sign, encrypt and send' }).click();
  await page.getByRole('button', { name: 'Open the case' }).click();
  await expect(page.getByRole('heading', { name: /勒索软件/ })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export as PDF' }).click();
  const path = 'tests/e2e/output/case-chinese.pdf';
  await (await download).saveAs(path);
  const fonts = pdfFontNames(path);
  expect(fonts.some((name) => name.includes('NotoSansSC'))).toBe(true);
  expect(errors).toEqual([]);
});

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Imports an .asc through Messages → "Read a message" → "Open a file" (names passed: any UI language). */
async function importMessage(page: Page, path: string, names: { tab: string; openFile: string }) {
  await page.goto('/#/cases');
  await page.goto('/#/messages');
  await page.getByRole('tab', { name: names.tab }).click();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: names.openFile }).click();
  await (await chooser).setFiles(path);
}

async function saveDownload(page: Page, action: () => Promise<void>, path: string): Promise<string> {
  const download = page.waitForEvent('download');
  await action();
  await (await download).saveAs(path);
  return path;
}

const FR_READ = { tab: 'Lire un message', openFile: 'Ouvrir un fichier' };

test.describe('two points of contact', () => {
  test.use({ actionTimeout: 20_000 });
  let registry: DemoRegistry;
  test.beforeAll(async () => {
    registry = await startDemoRegistry();
  });
  test.afterAll(async () => {
    await registry.stop();
  });

  test('A (French UI) asks B (English UI): every hand-over is explicit, replies file themselves, PDF as evidence', async ({
    browser,
  }) => {
    test.setTimeout(300_000);
    const { a, b, pocA, pocB } = await setUpPocPair(browser, registry, {
      a: { language: 'fr' },
      b: { language: 'en' },
    });
    await b.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    const errorsA = collectConsoleErrors(a);
    const errorsB = collectConsoleErrors(b);

    // A: the four steps, identity prefilled from the enrolment and the own directory entry.
    await a.goto('/#/inquiry');
    await expect(a.getByLabel('Mon État', { exact: true })).toHaveValue(stateName(pocA.state, 'fr'));
    await a.getByLabel('Chercher le destinataire dans le répertoire').fill('DEU');
    await a.getByRole('radio', { name: new RegExp(escapeRegExp(pocB.entryName)) }).check({ timeout: 15_000 });
    await expect(a.getByText('Je confirme l’envoi entre rôles')).toHaveCount(0);
    await a.getByRole('button', { name: 'Suivant' }).click();
    await a.getByLabel('Description de l’incident').fill('Rançongiciel contre des hôpitaux (fictif)');
    await a.getByLabel('Santé').check();
    await a
      .getByRole('textbox', { name: 'Données techniques' })
      .fill('192.0.2[.]10 hxxp://c2[.]example[.]org/x 2001:DB8:0:0:0:0:0:1 CVE-2024-3094');
    await a.getByRole('button', { name: 'Suivant' }).click();
    await a.getByLabel('Objet de la demande').fill('Ces adresses sont-elles connues de vos services ?');
    await a.getByLabel('Urgence', { exact: true }).selectOption('urgent');
    await a.getByRole('button', { name: 'Suivant' }).click();
    await a.getByLabel('Protocole TLP (feux de signalisation)').selectOption('AMBER');
    await a.getByRole('button', { name: 'Suivant' }).click();
    const review = a.getByLabel('Texte que lira le destinataire');
    await expect(review).toContainText('Urgence: Urgente');
    // The reference shown before sending …
    const reference =
      /Référence du message: ([0-9a-f]{32})/.exec((await review.textContent()) ?? '')?.[1] ?? '';
    expect(reference).toMatch(/^[0-9a-f]{32}$/);
    await a.getByRole('button', { name: 'Signer, chiffrer et envoyer' }).click();
    await expect(a.getByRole('status').filter({ hasText: 'Rien n’est encore parti' })).toBeVisible();
    // … is the one in the hand-over step, and nothing left yet: "prepared".
    const handoverA = a.getByRole('region', { name: 'Remettre le message' });
    await expect(handoverA).toContainText(reference);
    await expect(handoverA.getByText('Préparé (non remis)')).toBeVisible();
    // Hand-over 1: an RFC 3156 e-mail addressed to B's directory address, subject revealing nothing.
    const eml = await saveDownload(
      a,
      () => handoverA.getByRole('button', { name: 'Enregistrer en courriel (.eml)' }).click(),
      '/tmp/pw-jc/inquiry-a-to-b.eml',
    );
    await expect(handoverA.getByText('Remis', { exact: true })).toBeVisible();
    const mail = readFileSync(eml, 'utf8');
    expect(mail).toMatch(/^To: <[^>]+@[^>]+>/m);
    expect(mail).toContain('Subject: Encrypted message');
    expect(mail).toContain('multipart/encrypted; protocol="application/pgp-encrypted"');
    expect(mail).not.toContain('Rançongiciel');
    expect(mail).not.toContain('192.0.2');

    // B reads the e-mail: verified sender; a new case opens, showing the same reference.
    await importMessage(b, eml, { tab: 'Read a message', openFile: 'Open a file' });
    await expect(b.getByText(/Verified sender/)).toBeVisible({ timeout: 30_000 });
    await b.getByRole('button', { name: 'Open the case' }).click();
    await expect(b.getByText(`Reference: ${reference}`, { exact: true })).toBeVisible();
    await b.getByText('Show the fields in your language').click();
    const fields = b.getByLabel('Fields in your language');
    await expect(fields).toContainText('Nature of the communication: Request for information');
    await expect(fields).toContainText('IPv6 address: 2001:db8::1');
    await expect(fields).toContainText('(written in French)');

    // B acknowledges: the text is shown before signing; hand-over 2: copied as text.
    await b.getByRole('button', { name: 'Acknowledge receipt' }).click();
    await b.getByLabel('Estimated response time in hours (optional)').fill('48');
    await b.getByRole('button', { name: 'Review the acknowledgement' }).click();
    const ackText = b.getByLabel('Text the other side will read');
    await expect(ackText).toContainText('Estimated response time');
    const ackReference =
      /Message reference: ([0-9a-f]{32})/.exec((await ackText.textContent()) ?? '')?.[1] ?? '';
    await b.getByRole('button', { name: 'Sign and encrypt' }).click();
    const handoverB = b.getByRole('region', { name: 'Hand the message over' });
    await expect(handoverB).toContainText(ackReference);
    await handoverB.getByRole('button', { name: 'Copy the text' }).click();
    await expect(handoverB.getByText('Handed over', { exact: true })).toBeVisible();
    const copied = await b.evaluate(() => navigator.clipboard.readText());
    expect(copied).toContain('-----BEGIN PGP MESSAGE-----');
    await expect(b.getByText('Acknowledged', { exact: true }).first()).toBeVisible();
    // Only the steps still open are offered.
    await expect(b.getByRole('button', { name: 'Acknowledge receipt' })).toHaveCount(0);

    // A pastes the whole text; it files itself into the case and the inquiry becomes "acknowledged".
    await a.goto('/#/messages');
    await a.getByRole('tab', { name: FR_READ.tab }).click();
    await a
      .getByLabel('Message chiffré')
      .fill(`Bonjour,\n\n${copied}\n\n-- \n(texte collé depuis un courriel, fictif)`);
    await a.getByRole('button', { name: 'Déchiffrer et vérifier' }).click();
    await expect(a.getByText(/Expéditeur vérifié/)).toBeVisible({ timeout: 30_000 });
    await a.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    await expect(a.getByText(`Référence : ${ackReference}`, { exact: true })).toBeVisible();
    await expect(a.getByText('Réception accusée', { exact: true }).first()).toBeVisible();

    // B answers; hand-over 3: a .asc file.
    await b.getByRole('button', { name: 'Answer now' }).click();
    await b
      .getByLabel('Answer', { exact: true })
      .fill('192.0.2.10 is a known C2 server; blocked on our side (fictional).');
    await b.getByRole('button', { name: 'Review the answer' }).click();
    const answerText = b.getByLabel('Text the other side will read');
    await expect(answerText).toContainText('known C2 server');
    const answerReference =
      /Message reference: ([0-9a-f]{32})/.exec((await answerText.textContent()) ?? '')?.[1] ?? '';
    await b.getByRole('button', { name: 'Sign and encrypt' }).click();
    const answerHandover = b.getByRole('region', { name: 'Hand the message over' });
    await expect(answerHandover).toContainText(answerReference);
    // A cancelled save dialog hands nothing over: the answer stays "prepared".
    await stubSaveDialog(b, 'cancels');
    await answerHandover.getByRole('button', { name: 'Save as .asc file' }).click();
    await expect(
      answerHandover.getByText('Nothing was saved. The message is still only prepared.'),
    ).toBeVisible();
    await expect(answerHandover.getByText('Prepared (not handed over)')).toBeVisible();
    await removeSaveDialog(b);
    const answer = await saveDownload(
      b,
      () => answerHandover.getByRole('button', { name: 'Save as .asc file' }).click(),
      '/tmp/pw-jc/answer-b-to-a.asc',
    );
    await expect(b.getByText('Answered', { exact: true })).toBeVisible();
    await expect(b.getByText('The inquiry is acknowledged and answered')).toBeVisible();
    await expect(b.getByLabel('Integrity of the record')).toContainText('Record intact: 4 events');

    await importMessage(a, answer, FR_READ);
    await expect(a.getByText(/known C2 server/).first()).toBeVisible({ timeout: 30_000 });
    await a.getByRole('button', { name: 'Ouvrir le dossier' }).click();
    const timeline = a.getByRole('list', { name: 'Événements du dossier, du plus ancien au plus récent' });
    await expect(timeline).toContainText('Envoyé : Demande d’informations');
    await expect(timeline).toContainText('Reçu : Accusé de réception');
    await expect(timeline).toContainText('Délai de réponse estimé : 48 heures');
    await expect(timeline).toContainText('Reçu : Réponse');
    await expect(timeline).toContainText(`Référence : ${reference}`);
    await expect(a.getByText('Répondu', { exact: true })).toBeVisible();
    await expect(a.getByLabel('Intégrité du registre')).toContainText('Registre intact : 4 événements');

    // A's message list: the inquiry shows its delivery state, and can be handed over again.
    await a.goto('/#/messages');
    await a.getByRole('tab', { name: 'Messages échangés' }).click();
    await expect(a.getByText('Réception accusée', { exact: true }).first()).toBeVisible();

    // The case as evidence: PDF rendered to images and looked at; JSON with a detached signature.
    await a.goto('/#/cases');
    await a
      .getByRole('link', { name: /Rançongiciel/ })
      .first()
      .click();
    const pdfA = await saveDownload(
      a,
      () => a.getByRole('button', { name: 'Exporter en PDF' }).click(),
      'tests/e2e/output/journey-case-a.pdf',
    );
    expect(readFileSync(pdfA).subarray(0, 5).toString()).toBe('%PDF-');
    const pages = renderPdf(pdfA, 'tests/e2e/output/journey-case-a');
    expect(pages.length).toBeGreaterThanOrEqual(2);
    const pdfText = pdfToText(pdfA);
    const pageCount = pages.length;
    // pdftotext reads the thin spaces of "n / N" as none.
    for (let n = 1; n <= pageCount; n++)
      expect(pdfText).toMatch(new RegExp(`\\b${n}\\s*/\\s*${pageCount}\\b`));
    expect(pdfText.match(/TLP:AMBER/g)?.length ?? 0).toBeGreaterThanOrEqual(2 * pageCount);
    expect(pdfText).toContain(reference);
    expect(pdfText).toMatch(/Expéditeur vérifié/);
    expect(pdfText).toMatch(/[0-9A-F]{4} [0-9A-F]{4} [0-9A-F]{4}/);
    await a.screenshot({ path: 'tests/e2e/output/journey-case-a.png', fullPage: true });

    // JSON with a detached signature by A's key: verify-case accepts the pair, refuses one changed character.
    const downloads: Promise<string>[] = [];
    const collect = (download: Download) =>
      downloads.push(
        download
          .path()
          .then(() => download.suggestedFilename())
          .then(async (name) => {
            const path = `tests/e2e/output/journey-${name.endsWith('.sig') ? 'case.json.sig' : 'case.json'}`;
            await download.saveAs(path);
            return path;
          }),
      );
    a.on('download', collect);
    await a.getByRole('button', { name: 'Exporter en JSON pour nos archives' }).click();
    await expect(a.getByRole('status').filter({ hasText: 'signature par votre clé' })).toBeVisible();
    await expect.poll(() => downloads.length).toBe(2);
    a.off('download', collect);
    const [jsonPath, sigPath] = (await Promise.all(downloads)).sort();
    expect(
      execFileSync('npx', ['tsx', 'tools/verify-case.ts', jsonPath ?? '', sigPath ?? ''], {
        encoding: 'utf8',
      }),
    ).toContain('OK: signature and hash chain verify.');
    const tampered = 'tests/e2e/output/journey-case-tampered.json';
    writeFileSync(tampered, readFileSync(jsonPath ?? '', 'utf8').replace('Rançongiciel', 'Rançongicieł'));
    expect(() =>
      execFileSync('npx', ['tsx', 'tools/verify-case.ts', tampered, sigPath ?? ''], { stdio: 'pipe' }),
    ).toThrow();
    // A third-party PDF is refused until every party's consent is recorded (A §11).
    await a.getByRole('button', { name: 'Exporter pour un tiers (PDF)' }).click();
    await expect(a.getByRole('alert').filter({ hasText: 'est refusé' })).toBeVisible();
    expect(errorsA).toEqual([]);
    expect(errorsB).toEqual([]);
  });

  test('across roles, A hands the matter to its own State’s diplomatic point of contact; the case records who', async ({
    browser,
  }) => {
    test.setTimeout(180_000);
    const a = await newPocPage(browser);
    await setUpPoc(a, { registry, code: 'DEMO-FRA-TECH-0001' });
    const errors = collectConsoleErrors(a);
    await a.goto('/#/inquiry');
    await a.getByLabel('Also show points of contact of the other role').check();
    await a.getByLabel('Find the recipient in the directory').fill('DEU');
    await a
      .getByRole('radio', { name: /Diplomatic$/ })
      .first()
      .check({ timeout: 15_000 });
    await expect(a.getByRole('alert').filter({ hasText: 'writing to a Diplomatic one' })).toBeVisible();
    // The own State's (FRA) diplomatic entries are offered; take the first.
    const colleagues = a.getByLabel('Our point of contact of role: Diplomatic');
    const colleague = ((await colleagues.locator('option').nth(1).textContent()) ?? '').trim();
    expect(colleague).not.toBe('');
    await colleagues.selectOption({ label: colleague });
    await a
      .getByLabel('Note for the handover (optional)')
      .fill('Please raise this with DEU diplomatic channels (fictional).');
    await a.getByRole('button', { name: 'Review and send' }).click();
    await a.getByRole('button', { name: 'Sign, encrypt and hand over' }).click();
    await expect(
      a.getByRole('status').filter({ hasText: `The matter was handed to ${colleague}` }),
    ).toBeVisible();
    await a.getByRole('button', { name: 'Open the case' }).click();
    const timeline = a.getByRole('list', { name: 'Events of the case, oldest first' });
    await expect(timeline).toContainText(`Handed to ${colleague} (our point of contact of role: Diplomatic)`);
    await expect(timeline).toContainText('Please raise this with DEU diplomatic channels (fictional).');
    await expect(a.getByLabel('Integrity of the record')).toContainText('Record intact: 3 events');

    // A deadline set by hand shows in "Due soon".
    const soon = new Date(Date.now() + 6 * 3_600_000).toISOString().slice(0, 16);
    await a.getByLabel('Due (UTC)').fill(soon);
    await a.getByLabel('Who owes the next step').selectOption('counterpart');
    await a.getByRole('button', { name: 'Set the deadline' }).click();
    await expect(timeline).toContainText('Deadline set for');
    await a.goto('/#/cases');
    await expect(a.getByRole('region', { name: 'Due soon' }).getByRole('link').first()).toBeVisible();
    expect(errors).toEqual([]);
  });
});

/** Renders every page of a PDF to PNG with pdftoppm (as a user would see it); returns the files. */
function renderPdf(path: string, prefix: string): string[] {
  execFileSync('pdftoppm', ['-png', '-r', '60', path, prefix]);
  const pages = Number(
    /Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [path], { encoding: 'utf8' }))?.[1] ?? 0,
  );
  return Array.from(
    { length: pages },
    (_, i) => `${prefix}-${String(i + 1).padStart(String(pages).length, '0')}.png`,
  );
}

function pdfToText(path: string): string {
  return execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
}
