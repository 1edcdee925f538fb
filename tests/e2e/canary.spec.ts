import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, expect, test } from '@playwright/test';
import { DirectoryRepository } from '../../registry/store/directoryRepository';
import { openRegistryDatabase } from '../../registry/store/database';
import { DEMO_PASSPHRASE } from './support/app';
import { chromiumLaunchOptions } from './support/browser';
import { setUpPoc, startDemoRegistry, syncToHead, type DemoRegistry } from './support/pocs';
import { filesUnder } from './support/profileFiles';

/**
 * Issue 9 §5 "Nothing readable at rest, not even metadata": a POC uses the app as a user would, in a
 * PERSISTENT Chromium profile (autofill, session restore and IndexedDB all write to it), then the
 * browser stops and EVERY file of the profile is scanned for what was typed or exchanged.
 */
const BASE_URL = `http://127.0.0.1:${process.env.E2E_PORT ?? 4173}`;

const CANARY = {
  senderName: 'Zyqvorth Kanarysender',
  affiliation: 'Kanaryagency Fictive',
  email: 'zyqvorth.box@kanary-mail.example',
  phone: '+33 1 99 00 42 17',
  indicator: '198.51.100.173 kanary-c2.example',
  summary: 'Kanarysummary ransomware wave against hospitals (fictional)',
  request: 'Kanaryrequest please check these addresses (fictional)',
  note: 'Kanarynote called the duty officer, no answer (fictional)',
  draft: 'Kanarydraft half-written second inquiry (fictional)',
  message: 'Kanarymessage meet on the usual secure line at noon (fictional)',
  subject: 'Kanarysubject quarterly check (fictional)',
  ownTitle: 'Kanarytitle duty officer (fictional)',
} as const;

/** The needle in every encoding Chromium uses on disk (V8 one-byte strings are Latin-1; IndexedDB keys UTF-16BE). */
function encodings(text: string): Buffer[] {
  const le = Buffer.from(text, 'utf16le');
  const be = Buffer.from(le);
  be.swap16();
  // The directory's chunks hold their JSON with non-ASCII characters as \u escapes (under AES-GCM).
  const escaped = text.replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return [Buffer.from(text, 'utf8'), Buffer.from(text, 'latin1'), le, be, Buffer.from(escaped, 'utf8')];
}

/** A DEU technical entry of the demo registry that carries a key: the counterpart of the test. */
function counterpart(registry: DemoRegistry) {
  const db = openRegistryDatabase(registry.dataDir);
  try {
    const entry = new DirectoryRepository(db)
      .listLive()
      .find((e) => e.state === 'DEU' && e.role === 'technical' && e.openpgp);
    if (!entry) throw new Error('the demo registry has no DEU technical entry with a key');
    return entry;
  } finally {
    db.close();
  }
}

test('real use leaves nothing readable in any file of a persistent Chromium profile', async () => {
  test.setTimeout(300_000);
  const registry = await startDemoRegistry();
  const profile = mkdtempSync(join(tmpdir(), 'poc-canary-use-'));
  try {
    const peer = counterpart(registry);
    const peerName = peer.text.personName
      ? `${peer.text.personName} — ${peer.text.entity}`
      : peer.text.entity;
    const peerOption = new RegExp(`^${peerName.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} · Germany`);
    const context = await chromium.launchPersistentContext(profile, {
      ...chromiumLaunchOptions(),
      baseURL: BASE_URL,
      acceptDownloads: true,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    await setUpPoc(page, { registry, code: 'DEMO-FRA-TECH-0001' });
    await syncToHead(page, registry);

    // Own-entry edit.
    await page.goto('/#/sync');
    await page
      .getByRole('button', { name: /^Edit / })
      .first()
      .click();
    await page.getByLabel('Title of the person (optional)').fill(CANARY.ownTitle);
    await page.getByRole('button', { name: 'Sign and send' }).click();
    await expect(page.getByTestId('outbox-count')).toHaveText('Waiting to send: 0', { timeout: 60_000 });

    // An inquiry, sent; then a note on its case.
    await page.goto('/#/inquiry');
    await page.getByLabel('Sender', { exact: true }).fill(CANARY.senderName);
    await page.getByLabel('Affiliation', { exact: true }).fill(CANARY.affiliation);
    await page.getByLabel('Find the recipient in the directory').fill(`Germany ${peer.text.entity}`);
    await page.getByRole('radio', { name: peerOption }).first().check();
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('What happened').fill(CANARY.summary);
    await page.getByRole('textbox', { name: 'Technical data' }).fill(CANARY.indicator);
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('What is asked').fill(CANARY.request);
    await page.getByLabel('E-mail', { exact: true }).fill(CANARY.email);
    await page.getByLabel('Telephone', { exact: true }).fill(CANARY.phone);
    await page.getByRole('button', { name: 'Review and send' }).click();
    await page.getByRole('button', { name: 'Sign, encrypt and send' }).click();
    // The hand-over step: saved as an .eml addressed to the recipient, as a user would send it.
    const sent = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Save as e-mail (.eml)' }).click();
    await (await sent).path();
    await page.getByRole('button', { name: 'Open the case' }).click();
    await page.getByLabel('New note').fill(CANARY.note);
    await page.getByRole('button', { name: 'Add the note' }).click();
    await expect(page.getByText(CANARY.note)).toBeVisible();

    // A second inquiry left as a draft.
    await page.goto('/#/inquiry');
    await page.getByRole('button', { name: 'Next' }).click();
    await page.getByLabel('What happened').fill(CANARY.draft);
    await expect(page.getByRole('status').filter({ hasText: 'Draft saved (encrypted)' })).toBeVisible();

    // A free message to the same counterpart.
    await page.goto('/#/messages');
    await page.getByRole('tab', { name: 'Write' }).click();
    await page.getByLabel('Find recipients in the directory').fill(`Germany ${peer.text.entity}`);
    await page.getByRole('checkbox', { name: peerOption }).first().check();
    await page.getByLabel('Subject (stays inside the encryption)').fill(CANARY.subject);
    await page.getByLabel('Message', { exact: true }).fill(CANARY.message);
    await page.getByRole('button', { name: 'Sign and encrypt' }).click();
    await expect(page.getByText('-----BEGIN PGP MESSAGE-----', { exact: false }).first()).toBeAttached({
      timeout: 30_000,
    });

    // Leave it like a user closing the window mid-draft, with the draft page open.
    await page.goto('/#/inquiry');
    await expect(page.getByLabel('What happened')).toHaveValue(CANARY.draft);
    await context.close();

    const blobs = filesUnder(profile).map((path) => ({
      path: path.slice(profile.length + 1),
      bytes: readFileSync(path),
    }));
    // Positive control: IndexedDB is among the scanned files and its clear parts are readable.
    expect(blobs.some(({ path }) => path.includes('IndexedDB'))).toBe(true);
    expect(blobs.some(({ bytes }) => encodings('poc-desk').some((needle) => bytes.includes(needle)))).toBe(
      true,
    );

    const needles: Record<string, string> = {
      ...CANARY,
      passphrase: DEMO_PASSPHRASE,
      emailLocalPart: 'zyqvorth.box',
      phoneDigits: '199004217',
      indicatorIp: '198.51.100.173',
      // What the synced (encrypted) directory holds about the counterpart.
      peerEntity: peer.text.entity,
      ...(peer.text.personName ? { peerPerson: peer.text.personName } : {}),
      ...(peer.emails[0] ? { peerEmail: peer.emails[0] } : {}),
      conversationWithPeer: `conv-${peer.id}`,
      pinOfPeer: `pin-${peer.id}`,
    };
    const hits: string[] = [];
    for (const [what, value] of Object.entries(needles)) {
      for (const { path, bytes } of blobs) {
        if (encodings(value).some((needle) => bytes.includes(needle))) hits.push(`${what} in ${path}`);
      }
    }
    expect(hits).toEqual([]);
  } finally {
    rmSync(profile, { recursive: true, force: true });
    await registry.stop();
  }
});
