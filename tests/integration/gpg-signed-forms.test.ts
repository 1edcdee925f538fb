import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { generateIdentity, readPublicKey } from '../../shared/openpgp/keys';
import { decryptAndVerify } from '../../shared/openpgp/messageCrypto';
import { encryptFile, signFile } from '../../shared/openpgp/fileSignature';
import {
  checkFileSignature,
  readSignedContent,
  type SignatureContext,
} from '../../shared/messages/readSigned';
import { readMessage } from '../../shared/messages/read';
import { GpgHome, gpgAvailable } from './gpg-harness';

/**
 * The OpenPGP forms CERTs send besides encrypted messages (issue 13), against a real GnuPG:
 * clearsigned advisories, signed-only messages, detached signatures over binary files, and files
 * signed or encrypted in both directions.
 */
const HAVE_GPG = gpgAvailable();
const homes: GpgHome[] = [];
function newHome(): GpgHome {
  const home = new GpgHome();
  homes.push(home);
  return home;
}
afterEach(() => {
  for (const home of homes.splice(0)) home.close();
});

async function gpgPeer(algo: 'ed25519' | 'rsa3072' = 'ed25519') {
  const home = newHome();
  const fpr = home.generate('Fictional Regional CERT <cert@example.org>', algo);
  const key = await readPublicKey(home.exportPublic(fpr));
  const context: SignatureContext = {
    verificationKeys: [key],
    directory: [
      { pocId: 'poc-gpg-01', state: 'NOR', role: 'technical', name: 'Fictional CERT', fingerprint: fpr },
    ],
    pins: [],
  };
  return { home, fpr, key, context };
}

// Dash-escaped lines, trailing spaces and tabs, a blank last line, non-ASCII: the hard parts of §7.
const ADVISORY = [
  'FICTIONAL ADVISORY 2026-001 (example only)',
  '- this line starts with a dash',
  '-----BEGIN not really armour',
  'trailing spaces here   ',
  'trailing tab here\t',
  'Indicateurs : exemple.example — مثال',
  '',
  'From the start of a line',
].join('\n');
const AS_SIGNED = ADVISORY.split('\n')
  .map((line) => line.replace(/[ \t]+$/, ''))
  .join('\n');

describe.skipIf(!HAVE_GPG)('GnuPG interop: signed forms', () => {
  it('a clearsigned advisory from gpg: verified sender, the text exactly as signed', async () => {
    const { home, context } = await gpgPeer();
    const signed = home.run(['--clearsign'], ADVISORY);
    expect(signed.status, signed.stderr).toBe(0);
    const armored = signed.stdout.toString('utf8');
    expect(armored).toContain('- - this line starts with a dash');
    const result = await readSignedContent(`Forwarded by a colleague:\n\n${armored}\nThanks`, context);
    expect(result.form).toBe('clearsigned');
    expect(result.verdict.kind).toBe('verified');
    expect(result.text).toBe(AS_SIGNED);
  });

  it('a clearsigned text altered on the way is a bad signature; an unknown signer is unknown', async () => {
    const { home, context } = await gpgPeer();
    const armored = home.run(['--clearsign'], ADVISORY).stdout.toString('utf8');
    const tampered = armored.replace('ADVISORY 2026-001', 'ADVISORY 2026-002');
    expect((await readSignedContent(tampered, context)).verdict.kind).toBe('bad-signature');
    // Trailing whitespace is not signed (RFC 9580 §7.2): adding some changes nothing.
    expect(
      (
        await readSignedContent(
          armored.replace('From the start of a line', 'From the start of a line  '),
          context,
        )
      ).verdict.kind,
    ).toBe('verified');
    const stranger = await readSignedContent(armored, { verificationKeys: [], directory: [], pins: [] });
    expect(stranger.verdict.kind).toBe('unknown-key');
  });

  it('the encrypted-message reader refuses clearsigned text as not encrypted (the receive screen hands it over)', async () => {
    const { home } = await gpgPeer();
    const app = await generateIdentity({ name: 'Fictional App POC' });
    const armored = home.run(['--clearsign'], 'hello').stdout.toString('utf8');
    await expect(
      readMessage(armored, { ownKey: app.privateKey, verificationKeys: [], directory: [], pins: [] }),
    ).rejects.toMatchObject({
      code: 'not-encrypted',
    });
  });

  for (const [label, args] of [
    ['armoured, compressed', ['--armor', '--sign']],
    ['binary, uncompressed', ['--sign', '--compress-algo', 'none']],
  ] as const) {
    it(`a signed-only message (${label}) gets a verdict`, async () => {
      const { home, context } = await gpgPeer('rsa3072');
      const out = home.run([...args], 'Signed, not encrypted: fictional notice\n');
      expect(out.status, out.stderr).toBe(0);
      const input = args[0] === '--armor' ? out.stdout.toString('utf8') : new Uint8Array(out.stdout);
      const result = await readSignedContent(input, context);
      expect(result.form).toBe('signed-message');
      expect(result.verdict.kind).toBe('verified');
      expect(result.text).toBe('Signed, not encrypted: fictional notice\n');
    });
  }

  it('a detached signature over a binary file: good, and the file altered by one bit', async () => {
    const { home, context } = await gpgPeer();
    const file = new Uint8Array(randomBytes(300_000));
    const path = join(home.dir, 'indicators.bin');
    writeFileSync(path, file);
    for (const armor of [true, false]) {
      const out = home.run([...(armor ? ['--armor'] : []), '--detach-sign', '--output', '-', path]);
      expect(out.status, out.stderr).toBe(0);
      const signature = armor ? out.stdout.toString('utf8') : new Uint8Array(out.stdout);
      expect((await checkFileSignature(file, signature, context)).kind).toBe('verified');
      const altered = file.slice();
      altered[1000] = (altered[1000] ?? 0) ^ 1;
      expect((await checkFileSignature(altered, signature, context)).kind).toBe('bad-signature');
    }
  });

  it('the app signs a file; gpg --verify reports GOODSIG and VALIDSIG for the app key', async () => {
    const home = newHome();
    const app = await generateIdentity({ name: 'Fictional App POC' });
    expect(home.import(app.publicKeyArmored).status).toBe(0);
    const file = new Uint8Array(randomBytes(50_000));
    writeFileSync(join(home.dir, 'report.bin'), file);
    writeFileSync(join(home.dir, 'report.bin.asc'), await signFile(file, app.privateKey));
    const out = home.run(['--verify', join(home.dir, 'report.bin.asc'), join(home.dir, 'report.bin')]);
    expect(out.status, out.stderr).toBe(0);
    expect(
      out.statusLines.some((l) => l.startsWith('[GNUPG:] VALIDSIG ') && l.includes(app.fingerprint)),
    ).toBe(true);
  });

  it('file encryption both ways: the app encrypts for gpg, gpg encrypts for the app', async () => {
    const { home, fpr, key } = await gpgPeer();
    const app = await generateIdentity({ name: 'Fictional App POC' });
    expect(home.import(app.publicKeyArmored).status).toBe(0);
    const file = new Uint8Array(randomBytes(120_000));
    const sealed = await encryptFile({
      data: file,
      filename: 'ioc-list.bin',
      recipient: key,
      sender: app.privateKey,
    });
    writeFileSync(join(home.dir, 'ioc-list.bin.gpg'), sealed);
    const opened = home.run(['--decrypt', join(home.dir, 'ioc-list.bin.gpg')]);
    expect(opened.status, opened.stderr).toBe(0);
    expect(Buffer.compare(opened.stdout, Buffer.from(file))).toBe(0);
    expect(
      opened.statusLines.some((l) => l.startsWith('[GNUPG:] VALIDSIG ') && l.includes(app.fingerprint)),
    ).toBe(true);

    const path = join(home.dir, 'back.bin');
    writeFileSync(path, file);
    const back = home.run([
      '--sign',
      '--encrypt',
      '--local-user',
      fpr,
      '--recipient',
      app.fingerprint,
      '--output',
      '-',
      path,
    ]);
    expect(back.status, back.stderr).toBe(0);
    const read = await decryptAndVerify({
      input: new Uint8Array(back.stdout),
      decryptionKey: app.privateKey,
      verificationKeys: [key],
    });
    expect(Buffer.compare(Buffer.from(read.data), Buffer.from(file))).toBe(0);
    expect(read.signatures.map((s) => s.status)).toEqual(['valid']);
  });
});
