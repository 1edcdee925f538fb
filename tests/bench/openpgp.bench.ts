import { median, type Figure } from './figure';
import { generateIdentity } from '../../shared/openpgp/keys';
import { decryptAndVerify, encryptAndSign } from '../../shared/openpgp/messageCrypto';
import { GpgHome, gpgAvailable } from '../integration/gpg-harness';

/**
 * The app's crypto core against the gpg command line, same keys (Ed25519/Cv25519), same message,
 * in one run: sign+encrypt and decrypt+verify of 4 KB and 1 MB. gpg is spawned per message, as a
 * program driving gpg would have to. Compression is off on both sides (the app does not compress).
 */
function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

async function timeAsync<T>(fn: () => Promise<T>): Promise<[T, number]> {
  const start = performance.now();
  const value = await fn();
  return [value, performance.now() - start];
}

export async function run(): Promise<Figure[]> {
  if (!gpgAvailable()) throw new Error('gpg is not installed: apt-get install gnupg');
  const sender = await generateIdentity({ name: 'Fictional Bench Sender' });
  const recipient = await generateIdentity({ name: 'Fictional Bench Recipient' });
  const home = new GpgHome();
  const figures: Figure[] = [];
  try {
    home.import(sender.privateKeyArmored);
    home.import(recipient.privateKeyArmored);
    const gpgCommon = ['--compress-algo', 'none', '--local-user', sender.fingerprint, '--recipient', recipient.fingerprint, '--recipient', sender.fingerprint];
    home.run(['--armor', '--sign', '--encrypt', ...gpgCommon], 'warm-up'); // starts gpg-agent once

    // As in the app: keys are parsed once per session (renderer/messaging/keyring.ts, ownIdentity.ts)
    // and the same key objects are used for every message.
    const recipientPublic = recipient.privateKey.toPublic();
    const senderPublic = sender.privateKey.toPublic();
    for (const [label, size, runs] of [['4k', 4 * 1024, 15], ['1m', 1024 * 1024, 5]] as const) {
      const data = new Uint8Array(size);
      for (let i = 0; i < size; i++) data[i] = 32 + ((i * 7) % 90); // printable, incompressible enough
      const appEnc: number[] = [];
      const appDec: number[] = [];
      const gpgEnc: number[] = [];
      const gpgDec: number[] = [];
      for (let i = 0; i < runs; i++) {
        const [sealed, te] = await timeAsync(() =>
          encryptAndSign({ data, recipients: [recipientPublic], sender: sender.privateKey, armor: true }),
        );
        appEnc.push(te);
        const [opened, td] = await timeAsync(() =>
          decryptAndVerify({ input: sealed, decryptionKey: recipient.privateKey, verificationKeys: [senderPublic] }),
        );
        if (opened.signatures[0]?.status !== 'valid') throw new Error('app round trip did not verify');
        appDec.push(td);
        const [enc, ge] = time(() => home.run(['--armor', '--sign', '--encrypt', ...gpgCommon], data));
        if (enc.status !== 0) throw new Error(`gpg encrypt failed: ${enc.stderr}`);
        gpgEnc.push(ge);
        const [dec, gd] = time(() => home.run(['--decrypt'], enc.stdout));
        if (!dec.statusLines.some((l) => l.startsWith('[GNUPG:] GOODSIG'))) throw new Error(`gpg decrypt failed: ${dec.stderr}`);
        gpgDec.push(gd);
      }
      for (const [op, app, gpg] of [['encrypt', appEnc, gpgEnc], ['decrypt', appDec, gpgDec]] as const) {
        const appMs = median(app);
        const gpgMs = median(gpg);
        figures.push(
          { name: `openpgp.${op}.${label}.app_ms`, value: appMs, unit: 'ms', better: 'lower' },
          { name: `openpgp.${op}.${label}.gpg_ms`, value: gpgMs, unit: 'ms', better: 'lower' },
          {
            name: `openpgp.${op}.${label}.speedup`,
            value: gpgMs / appMs,
            unit: '×',
            better: 'higher',
            ...(label === '4k' ? { target: 5 } : { note: 'no target for 1 MB' }),
          },
        );
      }
    }
  } finally {
    home.close();
  }
  return figures;
}
