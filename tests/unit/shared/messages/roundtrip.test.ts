import { beforeAll, describe, expect, it } from 'vitest';
import * as openpgp from 'openpgp';
import { composeMessage, sealMessage } from '../../../../shared/messages/compose';
import { readMessage, type ReadMessageContext } from '../../../../shared/messages/read';
import { buildPgpMimeEml, mailtoDraft, parsePgpMimeEml } from '../../../../shared/messages/eml';
import { OpenPgpError } from '../../../../shared/openpgp/errors';
import { MessageError } from '../../../../shared/messages/errors';
import { makePoc, type Poc } from './fixtures';

let a: Poc;
let b: Poc;
let c: Poc;

beforeAll(async () => {
  [a, b, c] = await Promise.all([
    makePoc('poc-aaaaaaaa', 'FRA', 'CERT Alpha'),
    makePoc('poc-bbbbbbbb', 'KEN', 'CERT Beta'),
    makePoc('poc-cccccccc', 'PER', 'CERT Gamma'),
  ]);
});

function contextFor(me: Poc, overrides: Partial<ReadMessageContext> = {}): ReadMessageContext {
  return {
    ownKey: me.id.privateKey,
    verificationKeys: [a.pub, b.pub, c.pub],
    directory: [a.signer, b.signer, c.signer],
    pins: [],
    ...overrides,
  };
}

async function sealFromAToB(text = 'Bonjour — مرحبا — 你好', sender: Poc = a): Promise<string> {
  const { mime } = composeMessage({
    text,
    structured: { template: 'note', fields: { urgency: 'high' } },
    language: 'fr',
    subject: 'Incident 42',
    sender: { fingerprint: sender.id.fingerprint, pocId: a.signer.pocId, state: 'FRA', role: 'technical' },
    recipients: [{ fingerprint: b.id.fingerprint, pocId: b.signer.pocId }],
  });
  return sealMessage({ mime, recipientKeys: [b.pub], senderKey: sender.id.privateKey });
}

async function errorCode(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    if (error instanceof OpenPgpError || error instanceof MessageError) return error.code;
    return `untyped: ${String(error)}`;
  }
}

describe('compose → read', () => {
  it('B reads A’s message: verified sender, text and structured body intact', async () => {
    const armored = await sealFromAToB();
    expect(armored).not.toContain('Incident 42');
    const result = await readMessage(armored, contextFor(b));
    expect(result.verdict.kind).toBe('verified');
    if (result.verdict.kind === 'verified') expect(result.verdict.signer.name).toBe('CERT Alpha');
    expect(result.text.trim()).toBe('Bonjour — مرحبا — 你好');
    expect(result.subject).toBe('Incident 42');
    expect(result.payload?.body).toEqual({ template: 'note', fields: { urgency: 'high' } });
  });

  it('the sender can read its own copy, and a third POC cannot read it at all', async () => {
    const armored = await sealFromAToB();
    expect((await readMessage(armored, contextFor(a))).text).toContain('Bonjour');
    expect(await errorCode(readMessage(armored, contextFor(c)))).toBe('not-for-me');
  });

  it('reports a key not in the directory as unknown-key, never verified', async () => {
    const armored = await sealFromAToB();
    const result = await readMessage(
      armored,
      contextFor(b, { directory: [b.signer, c.signer], verificationKeys: [b.pub, c.pub] }),
    );
    expect(result.verdict.kind).toBe('unknown-key');
  });

  it('reports key-changed when the directory key differs from the one pinned for that POC', async () => {
    const armored = await sealFromAToB();
    const pins = [
      { pocId: a.signer.pocId, fingerprint: c.id.fingerprint, verifiedAt: new Date().toISOString() },
    ];
    expect((await readMessage(armored, contextFor(b, { pins }))).verdict.kind).toBe('key-changed');
  });

  it('reports unsigned messages as unsigned', async () => {
    const message = await openpgp.createMessage({ text: 'no signature here' });
    const armored = String((await openpgp.encrypt({ message, encryptionKeys: b.pub })) as unknown);
    const result = await readMessage(armored, contextFor(b));
    expect(result.verdict.kind).toBe('unsigned');
    expect(result.text).toContain('no signature here');
  });

  it('refuses a message that claims to be from A but is signed by C', async () => {
    const armored = await sealFromAToB('hello', c);
    expect(await errorCode(readMessage(armored, contextFor(b)))).toBe('signer-mismatch');
  });

  it('reports a signature by a revoked key as bad-signature', async () => {
    const armored = await sealFromAToB();
    const { publicKey: revoked } = await openpgp.revokeKey({ key: a.id.privateKey, format: 'object' });
    const result = await readMessage(armored, contextFor(b, { verificationKeys: [revoked, b.pub] }));
    expect(result.verdict.kind).toBe('bad-signature');
  });

  it('never says verified when one byte of the armour is changed', async () => {
    const armored = await sealFromAToB();
    // Bytes of the encrypted data (the end of the message), not of a session-key packet for
    // another recipient, which would leave B's content untouched.
    const lines = armored.split('\n');
    const last = lines.findLastIndex((l) => l.length >= 60) + 1;
    for (const offset of [5, 20, 40]) {
      const copy = [...lines];
      const line = copy[last - 1] ?? '';
      const ch = line[offset] === 'A' ? 'B' : 'A';
      copy[last - 1] = line.slice(0, offset) + ch + line.slice(offset + 1);
      const outcome = await readMessage(copy.join('\n'), contextFor(b)).then(
        (r) => r.verdict.kind,
        (e: unknown) =>
          e instanceof OpenPgpError || e instanceof MessageError ? `error:${e.code}` : 'untyped',
      );
      expect(outcome).not.toBe('verified');
      expect(outcome).not.toBe('untyped');
    }
  });

  it('gives typed errors for truncated armour, oversized input and compression bombs', async () => {
    const armored = await sealFromAToB();
    expect(await errorCode(readMessage(armored.slice(0, armored.length / 2), contextFor(b)))).toMatch(
      /malformed|decryption-failed/,
    );
    expect(await errorCode(readMessage(armored, contextFor(b, { limits: { maxInputBytes: 200 } })))).toBe(
      'too-large',
    );
    const zeros = new Uint8Array(3 * 1024 * 1024);
    const bomb: string = String(
      (await openpgp.encrypt({
        message: await openpgp.createMessage({ binary: zeros }),
        encryptionKeys: b.pub,
        config: { preferredCompressionAlgorithm: openpgp.enums.compression.zlib },
      })) as unknown,
    );
    expect(bomb.length).toBeLessThan(100_000);
    expect(
      await errorCode(readMessage(bomb, contextFor(b, { limits: { maxDecompressedBytes: 1024 * 1024 } }))),
    ).toBe('decompression-bomb');
    expect(await errorCode(readMessage(a.id.publicKeyArmored, contextFor(b)))).toBe('not-encrypted');
  });
});

describe('PGP/MIME .eml', () => {
  it('wraps the armoured message as multipart/encrypted and reads it back', async () => {
    const armored = await sealFromAToB();
    const eml = buildPgpMimeEml({
      armoredMessage: armored,
      from: 'cert@example.org',
      to: ['beta@example.org'],
    });
    expect(eml).toMatch(/Content-Type: multipart\/encrypted; protocol="application\/pgp-encrypted"/);
    expect(eml).toContain('Subject: Encrypted message');
    expect(eml).not.toContain('Incident 42');
    const parsed = await parsePgpMimeEml(eml);
    expect(
      typeof parsed.encrypted === 'string' ? parsed.encrypted : new TextDecoder().decode(parsed.encrypted),
    ).toContain('BEGIN PGP MESSAGE');
    const result = await readMessage(eml, contextFor(b));
    expect(result.form).toBe('eml');
    expect(result.verdict.kind).toBe('verified');
  });

  it('builds a mailto: draft, or none when the text is too long', async () => {
    const armored = await sealFromAToB();
    expect(mailtoDraft({ to: ['beta@example.org'], armoredMessage: armored })).toMatch(
      /^mailto:beta%40example\.org\?subject=Encrypted%20message&body=/,
    );
    expect(mailtoDraft({ to: ['beta@example.org'], armoredMessage: armored, maxLength: 500 })).toBeNull();
  });
});
