import { afterEach, describe, expect, it } from 'vitest';
import PostalMime from 'postal-mime';
import {
  generateIdentity,
  readPublicKey,
  readSecretKey,
  type IdentityKeyType,
} from '../../shared/openpgp/keys';
import { composeMessage, sealMessage } from '../../shared/messages/compose';
import { readMessage } from '../../shared/messages/read';
import { buildPgpMimeEml } from '../../shared/messages/eml';
import { decryptAndVerify, encryptAndSign } from '../../shared/openpgp/messageCrypto';
import { signDetached, verifyDetached } from '../../shared/openpgp/detached';
import { GpgHome, gpgAvailable } from './gpg-harness';

const HAVE_GPG = gpgAvailable();
if (!HAVE_GPG) {
  // eslint-disable-next-line no-console -- the one clear message when the interop matrix cannot run
  console.warn('gpg-interop: the `gpg` binary is missing (apt-get install gnupg); interop tests skipped.');
}

const homes: GpgHome[] = [];
function newHome(): GpgHome {
  const home = new GpgHome();
  homes.push(home);
  return home;
}
afterEach(() => {
  for (const home of homes.splice(0)) home.close();
});

const MATRIX: { label: string; app: IdentityKeyType; gpg: 'ed25519' | 'rsa3072' }[] = [
  { label: 'Ed25519/Cv25519', app: 'ecc', gpg: 'ed25519' },
  { label: 'RSA-3072', app: 'rsa3072', gpg: 'rsa3072' },
];

describe.skipIf(!HAVE_GPG)('GnuPG interop', () => {
  for (const { label, app: appType, gpg: gpgAlgo } of MATRIX) {
    describe(label, () => {
      it('gpg signs+encrypts to an app key → the app decrypts and reports a verified sender', async () => {
        const home = newHome();
        const gpgFpr = home.generate('Fictional GnuPG CERT <gpg@example.org>', gpgAlgo);
        const app = await generateIdentity({
          name: 'Fictional App POC',
          email: 'app@example.org',
          type: appType,
        });
        expect(home.import(app.publicKeyArmored).status).toBe(0);
        const sent = home.run(
          ['--armor', '--sign', '--encrypt', '--local-user', gpgFpr, '--recipient', app.fingerprint],
          'Fictional incident report from GnuPG\n',
        );
        expect(sent.status, sent.stderr).toBe(0);
        const gpgKey = await readPublicKey(home.exportPublic(gpgFpr));
        const result = await readMessage(sent.stdout.toString('utf8'), {
          ownKey: app.privateKey,
          verificationKeys: [gpgKey],
          directory: [
            {
              pocId: 'poc-gnupg-01',
              state: 'NOR',
              role: 'technical',
              name: 'GnuPG CERT',
              fingerprint: gpgFpr,
            },
          ],
          pins: [],
        });
        expect(result.verdict.kind).toBe('verified');
        expect(result.text).toContain('Fictional incident report from GnuPG');
      });

      it('the app signs+encrypts → gpg --decrypt reports GOODSIG and VALIDSIG for the app key', async () => {
        const home = newHome();
        const gpgFpr = home.generate('Fictional GnuPG CERT <gpg@example.org>', gpgAlgo);
        const app = await generateIdentity({ name: 'Fictional App POC', type: appType });
        expect(home.import(app.publicKeyArmored).status).toBe(0);
        const recipient = await readPublicKey(home.exportPublic(gpgFpr));
        const { mime } = composeMessage({
          text: 'Texte lisible — نص مقروء',
          structured: { note: true },
          language: 'fr',
          sender: { fingerprint: app.fingerprint },
          recipients: [{ fingerprint: gpgFpr }],
        });
        const armored = await sealMessage({ mime, recipientKeys: [recipient], senderKey: app.privateKey });
        const out = home.run(['--decrypt'], armored);
        expect(out.status, out.stderr).toBe(0);
        expect(out.statusLines.some((l) => l.startsWith('[GNUPG:] GOODSIG '))).toBe(true);
        expect(
          out.statusLines.some((l) => l.startsWith(`[GNUPG:] VALIDSIG `) && l.includes(app.fingerprint)),
        ).toBe(true);
        expect(out.stdout.toString('utf8')).toContain('Texte lisible — نص مقروء');
        expect(out.stdout.toString('utf8')).toContain('"schema": "poc-message"');
      });

      it('a secret key exported by gpg (with its passphrase) imports into the app and works both ways', async () => {
        const home = newHome();
        const gpgFpr = home.generate(
          'Fictional Moving CERT <move@example.org>',
          gpgAlgo,
          'fictional passphrase 1',
        );
        const secret = home.exportSecret(gpgFpr, 'fictional passphrase 1');
        expect(secret).toContain('BEGIN PGP PRIVATE KEY BLOCK');
        const imported = await readSecretKey(secret, 'fictional passphrase 1');
        expect(imported.getFingerprint().toUpperCase()).toBe(gpgFpr);
        // gpg encrypts to its own key; the app, holding the imported key, decrypts and verifies.
        const sent = home.run(
          ['--armor', '--sign', '--encrypt', '--local-user', gpgFpr, '--recipient', gpgFpr],
          'to myself',
          'fictional passphrase 1',
        );
        expect(sent.status, sent.stderr).toBe(0);
        const read = await decryptAndVerify({
          input: sent.stdout.toString('utf8'),
          decryptionKey: imported,
          verificationKeys: [imported.toPublic()],
        });
        expect(new TextDecoder().decode(read.data)).toBe('to myself');
        expect(read.signatures.map((s) => s.status)).toEqual(['valid']);
        // The app signs with it; gpg verifies a detached signature.
        const signature = await signDetached('challenge-1234', imported);
        const sigFile = `${home.dir}/c.sig`;
        const dataFile = `${home.dir}/c.txt`;
        const { writeFileSync } = await import('node:fs');
        writeFileSync(sigFile, signature);
        writeFileSync(dataFile, 'challenge-1234');
        const verified = home.run(['--verify', sigFile, dataFile]);
        expect(verified.statusLines.some((l) => l.startsWith('[GNUPG:] GOODSIG '))).toBe(true);
      });

      it('the app public key imports into gpg with the same fingerprint, and detached signatures verify', async () => {
        const home = newHome();
        const app = await generateIdentity({ name: 'Fictional App POC (no e-mail)', type: appType });
        const imported = home.import(app.publicKeyArmored);
        expect(
          imported.statusLines.some((l) => l.startsWith('[GNUPG:] IMPORT_OK') && l.includes(app.fingerprint)),
        ).toBe(true);
        expect(home.fingerprints()).toContain(app.fingerprint);
        expect(
          await verifyDetached('x', await signDetached('x', app.privateKey), app.publicKeyArmored),
        ).toMatchObject({ valid: true, fingerprint: app.fingerprint });
        expect(
          (await verifyDetached('y', await signDetached('x', app.privateKey), app.publicKeyArmored)).valid,
        ).toBe(false);
      });
    });
  }

  it('the .eml is multipart/encrypted; protocol="application/pgp-encrypted" and its part decrypts with gpg', async () => {
    const home = newHome();
    const gpgFpr = home.generate('Fictional Mail CERT <mail@example.org>', 'ed25519');
    const app = await generateIdentity({ name: 'Fictional App POC' });
    home.import(app.publicKeyArmored);
    const recipient = await readPublicKey(home.exportPublic(gpgFpr));
    const sealed = await encryptAndSign({
      data: new TextEncoder().encode('Content-Type: text/plain\r\n\r\nmail body'),
      recipients: [recipient],
      sender: app.privateKey,
    });
    const eml = buildPgpMimeEml({
      armoredMessage: String(sealed),
      from: 'app@example.org',
      to: ['mail@example.org'],
    });
    const parsed = await PostalMime.parse(eml);
    const contentType = parsed.headers.find((h) => h.key === 'content-type')?.value ?? '';
    expect(contentType).toMatch(/^multipart\/encrypted;/);
    expect(contentType).toContain('protocol="application/pgp-encrypted"');
    expect(parsed.attachments.map((a) => a.mimeType)).toEqual([
      'application/pgp-encrypted',
      'application/octet-stream',
    ]);
    const part = parsed.attachments[1]!.content;
    const out = home.run(['--decrypt'], typeof part === 'string' ? part : new Uint8Array(part));
    expect(out.status, out.stderr).toBe(0);
    expect(out.stdout.toString('utf8')).toContain('mail body');
    expect(
      out.statusLines.some((l) => l.startsWith('[GNUPG:] VALIDSIG ') && l.includes(app.fingerprint)),
    ).toBe(true);
  });

  it('the app revocation certificate revokes the key in gpg', async () => {
    const home = newHome();
    const app = await generateIdentity({ name: 'Fictional App POC' });
    home.import(app.publicKeyArmored);
    home.import(app.revocationCertificate);
    const listed = home.run(['--list-keys', '--with-colons', app.fingerprint]).stdout.toString('utf8');
    expect(
      listed
        .split('\n')
        .find((l) => l.startsWith('pub:'))
        ?.split(':')[1],
    ).toBe('r');
  });
});
