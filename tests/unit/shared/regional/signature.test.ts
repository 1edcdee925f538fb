import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, type GeneratedIdentity } from '../../../../shared/openpgp/keys';
import { signFile } from '../../../../shared/openpgp/fileSignature';
import { openRegionalFile, type PinnedManagerKey } from '../../../../shared/regional';

const CSV = 'state,role,entity\nAUT,technical,Fictional CERT Austria\n';

async function clearsign(text: string, key: openpgp.PrivateKey): Promise<string> {
  const message = await openpgp.createCleartextMessage({ text });
  return openpgp.sign({ message, signingKeys: key });
}

let manager: GeneratedIdentity;
let impostor: GeneratedIdentity;
let pinned: PinnedManagerKey;
beforeAll(async () => {
  manager = await generateIdentity({
    name: 'Fictional Regional Directory Manager',
    email: 'manager@regional.example',
  });
  impostor = await generateIdentity({ name: 'Fictional Impostor' });
  pinned = {
    fingerprint: manager.fingerprint,
    publicKey: manager.publicKeyArmored,
    pinnedAt: '2026-11-30T00:00:00.000Z',
  };
}, 60_000);

describe('signed regional directory files', () => {
  it('good: clearsigned by the manager, first import with the offered key, then against the pin', async () => {
    const signed = await clearsign(CSV, manager.privateKey);
    const first = await openRegionalFile({ content: signed, offeredKey: manager.publicKeyArmored });
    expect(first.trust).toMatchObject({ kind: 'verified', fingerprint: manager.fingerprint, firstUse: true });
    expect(first.text.trim()).toBe(CSV.trim());
    const again = await openRegionalFile({ content: signed, pinned });
    expect(again.trust).toMatchObject({ kind: 'verified', firstUse: false });
  });

  it('good: a detached signature beside the file', async () => {
    const bytes = new TextEncoder().encode(CSV);
    const signature = await signFile(bytes, manager.privateKey);
    const opened = await openRegionalFile({ content: bytes, signature, pinned });
    expect(opened.trust.kind).toBe('verified');
    expect(opened.text).toBe(CSV);
  });

  it('tampered: a changed row breaks the signature, clearsigned or detached', async () => {
    const signed = await clearsign(CSV, manager.privateKey);
    await expect(
      openRegionalFile({ content: signed.replace('Austria', 'Austrla'), pinned }),
    ).rejects.toMatchObject({ code: 'bad-signature' });
    const signature = await signFile(new TextEncoder().encode(CSV), manager.privateKey);
    await expect(
      openRegionalFile({ content: CSV.replace('AUT', 'FRA'), signature, pinned }),
    ).rejects.toMatchObject({ code: 'bad-signature' });
  });

  it('unpinned key: signed by another key than the pinned manager key is refused', async () => {
    const signed = await clearsign(CSV, impostor.privateKey);
    await expect(openRegionalFile({ content: signed, pinned })).rejects.toMatchObject({
      code: 'unpinned-key',
    });
    // At first import, a file not signed by the key the user offers is refused the same way.
    await expect(
      openRegionalFile({ content: signed, offeredKey: manager.publicKeyArmored }),
    ).rejects.toMatchObject({ code: 'unpinned-key' });
  });

  it('no downgrade: once pinned, an unsigned file is refused; unsigned without a pin is allowed as unsigned', async () => {
    await expect(openRegionalFile({ content: CSV, pinned })).rejects.toMatchObject({
      code: 'signature-required',
    });
    expect((await openRegionalFile({ content: CSV })).trust).toEqual({ kind: 'unsigned' });
    await expect(
      openRegionalFile({ content: await clearsign(CSV, manager.privateKey) }),
    ).rejects.toMatchObject({ code: 'manager-key-needed' });
  });
});
