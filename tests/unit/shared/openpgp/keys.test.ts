import { describe, expect, it } from 'vitest';
import * as openpgp from 'openpgp';
import {
  exportSecretKey,
  generateIdentity,
  makeRevocationCertificate,
  readPublicKeys,
  readSecretKey,
  renewKey,
} from '../../../../shared/openpgp/keys';
import { summarizeKey } from '../../../../shared/openpgp/keyInfo';
import { OpenPgpError } from '../../../../shared/openpgp/errors';

async function code(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return 'no error';
  } catch (error) {
    return error instanceof OpenPgpError ? error.code : `untyped: ${String(error)}`;
  }
}

describe('own identity keys', () => {
  it('generates an Ed25519/Cv25519 v4 key valid for two years by default', async () => {
    const id = await generateIdentity({ name: 'Fictional CERT', email: 'cert@example.org' });
    const summary = await summarizeKey(id.privateKey);
    expect(summary.algorithm).toBe('Ed25519');
    expect(summary.subkeys.map((s) => s.algorithm)).toEqual(['Cv25519']);
    expect(id.fingerprint).toMatch(/^[0-9A-F]{40}$/);
    expect(id.privateKey.keyPacket.version).toBe(4);
    const days = (Date.parse(summary.expiresAt ?? '') - Date.parse(summary.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(730);
    expect(summary.canSign && summary.canEncrypt).toBe(true);
  });

  it('keeps a passphrase-protected export that only the right passphrase opens', async () => {
    const id = await generateIdentity({ name: 'Fictional CERT' });
    const exported = await exportSecretKey(id.privateKey, 'a long export passphrase');
    expect(await code(readSecretKey(exported, 'wrong passphrase!'))).toBe('wrong-passphrase');
    expect(await code(readSecretKey(exported))).toBe('wrong-passphrase');
    const back = await readSecretKey(exported, 'a long export passphrase');
    expect(back.getFingerprint()).toBe(id.privateKey.getFingerprint());
  });

  it('makes a revocation certificate that revokes the public key', async () => {
    const id = await generateIdentity({ name: 'Fictional CERT' });
    const certificate = await makeRevocationCertificate(id.privateKey);
    expect(certificate).toContain('BEGIN PGP PUBLIC KEY BLOCK');
    const { publicKey } = await openpgp.revokeKey({
      key: id.privateKey.toPublic(),
      revocationCertificate: certificate,
      format: 'object',
    });
    expect((await summarizeKey(publicKey)).revoked).toBe(true);
  });

  it('renews an expiring key without changing its fingerprint', async () => {
    const created = new Date(Date.now() - 700 * 86_400_000);
    const id = await generateIdentity({ name: 'Fictional CERT', date: created });
    const renewed = await renewKey(id.privateKey);
    const summary = await summarizeKey(renewed);
    expect(renewed.getFingerprint()).toBe(id.privateKey.getFingerprint());
    expect(Date.parse(summary.expiresAt ?? '')).toBeGreaterThan(Date.now() + 700 * 86_400_000);
  });

  it('reads several public keys, armoured or binary, and reduces secret keys to public ones', async () => {
    const a = await generateIdentity({ name: 'Fictional A' });
    const b = await generateIdentity({ name: 'Fictional B (no e-mail)' });
    const keys = await readPublicKeys(a.publicKeyArmored + '\n' + b.privateKeyArmored);
    expect(keys.map((k) => k.isPrivate())).toEqual([false, false]);
    const binary = await readPublicKeys(a.privateKey.toPublic().write());
    expect(binary[0]?.getFingerprint()).toBe(a.privateKey.getFingerprint());
    expect((await summarizeKey(keys[1]!)).userIds).toEqual(['Fictional B (no e-mail)']);
  });

  it('chooses the valid encryption subkey when an expired one sits next to it', async () => {
    const id = await generateIdentity({
      name: 'Fictional multi-subkey',
      date: new Date(Date.now() - 3 * 365 * 86_400_000),
      expiresInSeconds: 0,
    });
    const old = new Date(Date.now() - 2 * 365 * 86_400_000);
    const withExpired = await id.privateKey.addSubkey({ keyExpirationTime: 86_400, date: old });
    const withBoth = await withExpired.addSubkey({});
    const [pub] = await readPublicKeys(withBoth.toPublic().armor());
    const summary = await summarizeKey(pub!);
    expect(summary.subkeys.map((s) => s.usable)).toEqual([true, false, true]);
    const chosen = await pub!.getEncryptionKey();
    expect(chosen.getFingerprint()).toBe(withBoth.subkeys[2]!.getFingerprint());
  });

  it('gives typed errors for garbage, truncated armour and oversized input', async () => {
    const a = await generateIdentity({ name: 'Fictional A' });
    expect(await code(readPublicKeys('hello'))).toBe('malformed');
    expect(await code(readPublicKeys(a.publicKeyArmored.slice(0, 200)))).toBe('malformed');
    expect(await code(readPublicKeys(a.publicKeyArmored, { maxInputBytes: 100 }))).toBe('too-large');
    expect(await code(readSecretKey(a.publicKeyArmored))).not.toBe('no error');
  });
});
