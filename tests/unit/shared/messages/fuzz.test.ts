import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as openpgp from 'openpgp';
import { composeMessage, sealMessage } from '../../../../shared/messages/compose';
import { readMessage, type ReadMessageContext } from '../../../../shared/messages/read';
import { buildPgpMimeEml } from '../../../../shared/messages/eml';
import { OpenPgpError } from '../../../../shared/openpgp/errors';
import { MessageError } from '../../../../shared/messages/errors';
import { makePoc } from './fixtures';
import { createSeededRandom } from '../../../../shared/directory/demo/seededRandom';

/** Deterministic PRNG (mulberry32) so a failure can be replayed from its seed. */
const prng = createSeededRandom;

function mutate(input: Uint8Array, random: () => number): Uint8Array {
  const bytes = Uint8Array.from(input);
  const at = Math.floor(random() * bytes.length);
  switch (Math.floor(random() * 6)) {
    case 0: // flip one bit
      bytes[at] = (bytes[at] ?? 0) ^ (1 << Math.floor(random() * 8));
      return bytes;
    case 1: // random byte
      bytes[at] = Math.floor(random() * 256);
      return bytes;
    case 2: // truncate
      return bytes.subarray(0, at);
    case 3: {
      // delete a range
      const len = 1 + Math.floor(random() * 32);
      return Uint8Array.from([...bytes.subarray(0, at), ...bytes.subarray(at + len)]);
    }
    case 4: {
      // insert random bytes
      const extra = Array.from({ length: 1 + Math.floor(random() * 16) }, () => Math.floor(random() * 256));
      return Uint8Array.from([...bytes.subarray(0, at), ...extra, ...bytes.subarray(at)]);
    }
    default: {
      // duplicate a range
      const len = 1 + Math.floor(random() * 64);
      return Uint8Array.from([
        ...bytes.subarray(0, at + len),
        ...bytes.subarray(at, at + len),
        ...bytes.subarray(at + len),
      ]);
    }
  }
}

const unhandled: unknown[] = [];
const onUnhandled = (reason: unknown) => unhandled.push(reason);

let context: ReadMessageContext;
let seeds: { label: string; bytes: Uint8Array }[];
const ORIGINAL = 'Fictional fuzz seed message — رسالة';

beforeAll(async () => {
  process.on('unhandledRejection', onUnhandled);
  const [a, b] = await Promise.all([
    makePoc('poc-aaaaaaaa', 'FRA', 'CERT Alpha'),
    makePoc('poc-bbbbbbbb', 'KEN', 'CERT Beta'),
  ]);
  const { mime } = composeMessage({
    text: ORIGINAL,
    structured: { k: 1 },
    language: 'en',
    sender: { fingerprint: a.id.fingerprint, pocId: a.signer.pocId },
    recipients: [{ fingerprint: b.id.fingerprint }],
  });
  const armored = await sealMessage({ mime, recipientKeys: [b.pub], senderKey: a.id.privateKey });
  const binary = (await openpgp.readMessage({ armoredMessage: armored })).write() as Uint8Array;
  const eml = buildPgpMimeEml({ armoredMessage: armored, to: ['beta@example.org'] });
  seeds = [
    { label: 'armored', bytes: new TextEncoder().encode(armored) },
    { label: 'binary', bytes: binary },
    { label: 'eml', bytes: new TextEncoder().encode(eml) },
  ];
  context = {
    ownKey: b.id.privateKey,
    verificationKeys: [a.pub, b.pub],
    directory: [a.signer, b.signer],
    pins: [],
  };
});

afterAll(() => {
  process.off('unhandledRejection', onUnhandled);
});

describe('importer fuzz', () => {
  it('2,100 mutated messages: no crash, a typed error or an honest verdict for each', async () => {
    const random = prng(20250401);
    const outcomes = new Map<string, number>();
    for (let i = 0; i < 2100; i++) {
      const seed = seeds[i % seeds.length]!;
      let mutated = mutate(seed.bytes, random);
      if (random() < 0.3) mutated = mutate(mutated, random);
      const input = seed.label === 'binary' || random() < 0.5 ? mutated : new TextDecoder().decode(mutated);
      let outcome: string;
      try {
        const result = await readMessage(input, context);
        outcome = `ok:${result.verdict.kind}`;
        // A verdict of "verified" is only acceptable when the content is exactly what A signed.
        if (result.verdict.kind === 'verified') expect(result.text.trim()).toBe(ORIGINAL);
      } catch (error) {
        if (!(error instanceof OpenPgpError || error instanceof MessageError)) {
          throw new Error(`mutation #${i} (${seed.label}) threw an untyped error: ${String(error)}`, {
            cause: error,
          });
        }
        outcome = `error:${error.code}`;
      }
      outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(unhandled).toEqual([]);
    const total = [...outcomes.values()].reduce((x, y) => x + y, 0);
    expect(total).toBe(2100);
    // Most mutations must be caught as errors, not silently accepted.
    const errors = [...outcomes].filter(([k]) => k.startsWith('error:')).reduce((x, [, n]) => x + n, 0);
    expect(errors).toBeGreaterThan(1000);
  }, 180_000);
});
