import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../../../../shared/encoding/canonicalJson';
import { generateDemoDirectory } from '../../../../shared/directory/demo/generateDemoDirectory';
import { signedFileText, type ChunkRef, type FeedChunk } from '../../../../shared/registry/feed';
import { PROTOCOL } from '../../../../shared/registry/protocol';
import {
  readSigningKey,
  readVerificationKey,
  generateSigningKey,
  signBytes,
} from '../../../../shared/registry/signing';
import { sha256Hex, verifyFeedChunk } from '../../../../shared/sync/feedVerifier';

/** A registry key pair and a signed chunk file of a few fictional entries, as the registry writes it. */
async function fixture() {
  const registryKey = await generateSigningKey('Fictional registry');
  const otherKey = await generateSigningKey('Fictional intruder');
  const signing = await readSigningKey(registryKey.privateKey);
  const entries = generateDemoDirectory({ seed: 3, size: 4, now: new Date('2026-03-01T00:00:00Z') });
  const chunk: FeedChunk = {
    protocol: PROTOCOL,
    registry: registryKey.fingerprint,
    from: 0,
    until: 4,
    changes: entries.map((entry, i) => ({ seq: i + 1, op: 'put', entry })),
  };
  const canonical = canonicalJson(chunk);
  const sign = async (text: string, key = signing) => signBytes(new TextEncoder().encode(text), key);
  const file = signedFileText('chunk', canonical, await sign(canonical));
  const refOf = async (text: string): Promise<ChunkRef> => ({
    from: 0,
    until: 4,
    sha256: await sha256Hex(text),
    bytes: new TextEncoder().encode(text).length,
    count: 4,
  });
  const registry = {
    key: await readVerificationKey(registryKey.publicKey),
    fingerprint: registryKey.fingerprint,
  };
  return { chunk, canonical, file, sign, refOf, registry, other: await readSigningKey(otherKey.privateKey) };
}

describe('feed chunk verification (issue 14)', () => {
  it('accepts the registry-signed file, verifying the signed bytes as they are', async () => {
    const { chunk, file, refOf, registry } = await fixture();
    await expect(verifyFeedChunk(file, await refOf(file), registry)).resolves.toEqual(chunk);
  });

  it('refuses a file whose bytes differ from the head (hash or length) as tampered', async () => {
    const { file, refOf, registry } = await fixture();
    const ref = await refOf(file);
    const altered = file.replace('"until":4', '"until":5');
    await expect(verifyFeedChunk(altered, ref, registry)).rejects.toMatchObject({ code: 'tampered' });
  });

  it('refuses altered content under the registry signature, and a signature by another key', async () => {
    const { canonical, file, sign, refOf, registry, other } = await fixture();
    const signature = /"signature":"([^"]+)"/.exec(file)?.[1] ?? '';
    // Even with a head that lists the altered file (a forged head), the signature gives it away.
    const altered = signedFileText('chunk', canonical.replace('"from":0', '"from":0 '), signature);
    await expect(verifyFeedChunk(altered, await refOf(altered), registry)).rejects.toMatchObject({
      code: 'tampered',
    });
    const foreign = signedFileText('chunk', canonical, await sign(canonical, other));
    await expect(verifyFeedChunk(foreign, await refOf(foreign), registry)).rejects.toMatchObject({
      code: 'wrong-key',
    });
  });

  it('verifies a file of another layout (members swapped) by its canonical form, and refuses it altered', async () => {
    const { chunk, canonical, file, refOf, registry } = await fixture();
    const signature = /"signature":"([^"]+)"/.exec(file)?.[1] ?? '';
    const swapped = `{"signature":"${signature}","chunk":${canonical}}`;
    await expect(verifyFeedChunk(swapped, await refOf(swapped), registry)).resolves.toEqual(chunk);
    const changed = swapped.replace('"until":4', '"until":3');
    await expect(verifyFeedChunk(changed, await refOf(changed), registry)).rejects.toMatchObject({
      code: 'tampered',
    });
  });
});
