import { beforeAll, describe, expect, it } from 'vitest';
import { generateIdentity, signDetached, type GeneratedIdentity } from '../../../../shared/openpgp';
import {
  builtinScenarios,
  importPack,
  packSigningText,
  PACK_FORMAT,
  TrainingError,
} from '../../../../shared/training';

let author: GeneratedIdentity;
let stranger: GeneratedIdentity;

beforeAll(async () => {
  author = await generateIdentity({ name: 'Training author (fictional)', email: 'author@training.example' });
  stranger = await generateIdentity({ name: 'Someone else (fictional)', email: 'else@training.example' });
});

async function signedPack(signer: GeneratedIdentity) {
  const pack = {
    format: PACK_FORMAT,
    version: 1,
    author: 'Training author (fictional)',
    scenarios: builtinScenarios().slice(0, 2),
  };
  return { ...pack, signature: await signDetached(packSigningText(pack), signer.privateKey) };
}

const pinned = () => [{ fingerprint: author.fingerprint, publicKeyArmored: author.publicKeyArmored }];

describe('scenario packs', () => {
  it('shows a pack signed by the pinned author as verified', async () => {
    const imported = await importPack(JSON.stringify(await signedPack(author)), pinned());
    expect(imported.signature).toEqual({ status: 'verified', fingerprint: author.fingerprint.toUpperCase() });
    expect(imported.scenarios.map((s) => s.id)).toEqual(['ransomware-port', 'ddos-portals']);
  });

  it('shows a tampered signed pack as not verified', async () => {
    const pack = await signedPack(author);
    const tampered = structuredClone(pack);
    tampered.scenarios[0]!.injects[0]!.at = 5;
    const imported = await importPack(JSON.stringify(tampered), pinned());
    expect(imported.signature).toEqual({ status: 'unverified', reason: 'bad-signature' });
  });

  it('shows a pack signed by a key that is not pinned as not verified', async () => {
    const imported = await importPack(JSON.stringify(await signedPack(stranger)), pinned());
    expect(imported.signature).toEqual({ status: 'unverified', reason: 'bad-signature' });
    const nothingPinned = await importPack(JSON.stringify(await signedPack(author)), []);
    expect(nothingPinned.signature).toEqual({ status: 'unverified', reason: 'key-not-pinned' });
  });

  it('reads a single scenario file as an unsigned pack of one', async () => {
    const imported = await importPack(JSON.stringify(builtinScenarios()[2]), pinned());
    expect(imported).toMatchObject({ author: null, signature: { status: 'unsigned' } });
    expect(imported.scenarios).toHaveLength(1);
  });

  it('refuses a pack of an unknown version and text that is not JSON, with clear codes', async () => {
    const pack = { ...(await signedPack(author)), version: 7 };
    await expect(importPack(JSON.stringify(pack), pinned())).rejects.toMatchObject({
      code: 'unknown-version',
      detail: '7',
    });
    await expect(importPack('{not json', pinned())).rejects.toBeInstanceOf(TrainingError);
    await expect(importPack('{not json', pinned())).rejects.toMatchObject({ code: 'not-json' });
  });
});
