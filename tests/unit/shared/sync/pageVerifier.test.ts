import { beforeAll, describe, expect, it } from 'vitest';
import { PROTOCOL, type DirectoryPage } from '../../../../shared/registry/protocol';
import {
  generateSigningKey,
  readSigningKey,
  readVerificationKey,
  signCanonical,
  type SigningKey,
  type VerificationKey,
} from '../../../../shared/registry/signing';
import { verifyDirectoryPage } from '../../../../shared/sync/pageVerifier';

describe('verifyDirectoryPage', () => {
  let signer: SigningKey;
  let key: VerificationKey;
  let fingerprint: string;
  const page = (over: Partial<DirectoryPage> = {}): DirectoryPage => ({
    protocol: PROTOCOL,
    registry: fingerprint,
    since: 10,
    until: 12,
    head: 20,
    issuedAt: '2026-03-01T10:00:00.000Z',
    changes: [
      { seq: 11, op: 'delete', id: 'entry-0001' },
      { seq: 12, op: 'delete', id: 'entry-0002' },
    ],
    ...over,
  });
  const signed = async (p: DirectoryPage) => ({ page: p, signature: await signCanonical(p, signer) });
  const expected = () => ({ key, fingerprint, since: 10, knownHead: 15, lastIssuedAt: '2026-03-01T09:58:00.000Z' });

  beforeAll(async () => {
    const generated = await generateSigningKey('Test registry (fictional)');
    signer = await readSigningKey(generated.privateKey);
    key = await readVerificationKey(generated.publicKey);
    fingerprint = generated.fingerprint;
  });

  it('accepts a well-signed page that continues the feed', async () => {
    await expect(verifyDirectoryPage(await signed(page()), expected())).resolves.toMatchObject({ until: 12 });
  });

  it('refuses a rollback: a head older than one already seen', async () => {
    const p = page({ head: 14, until: 12 });
    await expect(verifyDirectoryPage(await signed(p), expected())).rejects.toMatchObject({ code: 'rollback' });
  });

  it('refuses a page answering another `since`, and one much older than the last accepted', async () => {
    await expect(verifyDirectoryPage(await signed(page({ since: 9 })), expected())).rejects.toMatchObject({ code: 'replay' });
    const old = page({ issuedAt: '2026-03-01T09:00:00.000Z' });
    await expect(verifyDirectoryPage(await signed(old), expected())).rejects.toMatchObject({ code: 'replay' });
  });

  it('refuses a signed page whose content was changed after signing, or with changes out of order', async () => {
    const good = await signed(page());
    const altered = { ...good, page: { ...good.page, head: 21 } };
    await expect(verifyDirectoryPage(altered, expected())).rejects.toMatchObject({ code: 'tampered' });
    const disordered = page({ changes: [{ seq: 12, op: 'delete', id: 'entry-0002' }, { seq: 11, op: 'delete', id: 'entry-0001' }] });
    await expect(verifyDirectoryPage(await signed(disordered), expected())).rejects.toMatchObject({ code: 'invalid-response' });
    await expect(verifyDirectoryPage({ page: page() }, expected())).rejects.toMatchObject({ code: 'invalid-response' });
  });
});
