import { median, percentile, type Figure } from './figure';
import { generateIdentity } from '../../shared/openpgp/keys';
import { decryptAndVerify, encryptAndSign } from '../../shared/openpgp/messageCrypto';
import { GpgHome, gpgAvailable } from '../integration/gpg-harness';

/**
 * The app's crypto core against the gpg command line, same keys (Ed25519/Cv25519), same message,
 * in one run: sign+encrypt and decrypt+verify of 4 KB and 1 MB. gpg is spawned per message, as a
 * program driving gpg would have to. Compression is off on both sides (the app does not compress).
 *
 * Steady state (issue 14: interleaved runs gave 2–20 ms per message for the same code): each side is
 * warmed up first, then timed in its own loop — all app runs, then all gpg runs, never interleaved,
 * so neither inherits the other's cache, JIT or garbage-collection state — with enough runs for
 * the median to settle (≥ 100 for 4 KB).
 */
const RUNS = {
  '4k': { size: 4 * 1024, warmUp: 20, runs: 100 },
  '1m': { size: 1024 * 1024, warmUp: 3, runs: 15 },
} as const;
function time<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const value = fn();
  return [value, performance.now() - start];
}

function spread(values: readonly number[]): string {
  return `${percentile(values, 10).toFixed(2)}–${percentile(values, 90).toFixed(2)} ms`;
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
    const gpgCommon = [
      '--compress-algo',
      'none',
      '--local-user',
      sender.fingerprint,
      '--recipient',
      recipient.fingerprint,
      '--recipient',
      sender.fingerprint,
    ];
    home.run(['--armor', '--sign', '--encrypt', ...gpgCommon], 'warm-up'); // starts gpg-agent once

    // As in the app: keys are parsed once per session (renderer/messaging/keyring.ts, ownIdentity.ts)
    // and the same key objects are used for every message.
    const recipientPublic = recipient.privateKey.toPublic();
    const senderPublic = sender.privateKey.toPublic();
    for (const label of ['4k', '1m'] as const) {
      const { size, warmUp, runs } = RUNS[label];
      const data = new Uint8Array(size);
      for (let i = 0; i < size; i++) data[i] = 32 + ((i * 7) % 90); // printable, incompressible enough
      const appEnc: number[] = [];
      const appDec: number[] = [];
      const gpgEnc: number[] = [];
      const gpgDec: number[] = [];
      for (let i = 0; i < warmUp + runs; i++) {
        const [sealed, te] = await timeAsync(() =>
          encryptAndSign({ data, recipients: [recipientPublic], sender: sender.privateKey, armor: true }),
        );
        const [opened, td] = await timeAsync(() =>
          decryptAndVerify({
            input: sealed,
            decryptionKey: recipient.privateKey,
            verificationKeys: [senderPublic],
          }),
        );
        if (opened.signatures[0]?.status !== 'valid') throw new Error('app round trip did not verify');
        if (i >= warmUp) {
          appEnc.push(te);
          appDec.push(td);
        }
      }
      for (let i = 0; i < warmUp + runs; i++) {
        const [enc, ge] = time(() => home.run(['--armor', '--sign', '--encrypt', ...gpgCommon], data));
        if (enc.status !== 0) throw new Error(`gpg encrypt failed: ${enc.stderr}`);
        const [dec, gd] = time(() => home.run(['--decrypt'], enc.stdout));
        if (!dec.statusLines.some((l) => l.startsWith('[GNUPG:] GOODSIG')))
          throw new Error(`gpg decrypt failed: ${dec.stderr}`);
        if (i >= warmUp) {
          gpgEnc.push(ge);
          gpgDec.push(gd);
        }
      }
      for (const [op, app, gpg] of [
        ['encrypt', appEnc, gpgEnc],
        ['decrypt', appDec, gpgDec],
      ] as const) {
        const appMs = median(app);
        const gpgMs = median(gpg);
        figures.push(
          {
            name: `openpgp.${op}.${label}.app_ms`,
            value: appMs,
            unit: 'ms',
            better: 'lower',
            note: `median of ${app.length} after ${RUNS[label].warmUp} warm-up runs; p10–p90 ${spread(app)}`,
          },
          {
            name: `openpgp.${op}.${label}.gpg_ms`,
            value: gpgMs,
            unit: 'ms',
            better: 'lower',
            note: `same; p10–p90 ${spread(gpg)}`,
          },
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
