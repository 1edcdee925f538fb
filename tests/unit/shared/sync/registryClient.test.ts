import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../../../shared/registry/errors';
import { SyncError } from '../../../../shared/sync/errors';
import { RegistryClient, type FetchAnswer, type FetchLike } from '../../../../shared/sync/registryClient';

const clientWith = (fetch: FetchLike, maxResponseBytes?: number) =>
  new RegistryClient({
    baseUrl: 'http://127.0.0.1:9/',
    fetch,
    timeoutMs: 1_000,
    ...(maxResponseBytes ? { maxResponseBytes } : {}),
  });
const answer =
  (status: number, text: () => Promise<string>, extra: Partial<FetchAnswer> = {}): FetchLike =>
  () =>
    Promise.resolve({ status, text, ...extra });

describe('RegistryClient failure codes', () => {
  it('a body cut mid-answer (the link dropped) is "offline", so the engine retries', async () => {
    const cut = answer(200, () => Promise.reject(new TypeError('terminated')));
    await expect(clientWith(cut).feedHead('t')).rejects.toMatchObject({ code: 'offline' });
  });

  it('a body that is not JSON is an invalid response, not a network failure', async () => {
    const garbage = answer(200, () => Promise.resolve('<html>proxy login</html>'));
    const error = await clientWith(garbage)
      .pings('t')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'invalid-response' });
  });

  it('no answer at all is "offline"; a registry error keeps its stable code, message and detail', async () => {
    await expect(
      clientWith(() => Promise.reject(new TypeError('fetch failed'))).info(),
    ).rejects.toMatchObject({ code: 'offline' });
    const refused = answer(400, () =>
      Promise.resolve(
        JSON.stringify({
          error: {
            code: 'text-refused',
            message: 'bidi',
            detail: { field: 'text.entity', policy: 'bidi-control' },
          },
        }),
      ),
    );
    const error = await clientWith(refused)
      .pings('t')
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({
      code: 'text-refused',
      status: 400,
      detail: { field: 'text.entity', policy: 'bidi-control' },
    });
  });

  it('names a registry of another protocol version as such', async () => {
    const v1 = answer(200, () =>
      Promise.resolve(
        JSON.stringify({
          protocol: 'poc-registry/v1',
          name: 'Old',
          fingerprint: 'A'.repeat(40),
          publicKey: 'x',
        }),
      ),
    );
    await expect(clientWith(v1).info()).rejects.toMatchObject({ code: 'protocol-mismatch' });
  });

  it('bounds an answer before parsing it: a declared length or a stream over the bound is refused', async () => {
    let read = false;
    const declared = answer(200, () => ((read = true), Promise.resolve('{}')), {
      headers: { get: (name) => (name === 'content-length' ? '999999999' : null) },
    });
    await expect(clientWith(declared, 1024).pings('t')).rejects.toMatchObject({ code: 'response-too-large' });
    expect(read).toBe(false);

    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        controller.enqueue(new Uint8Array(512).fill(0x20));
      },
    });
    const streamed = answer(200, () => Promise.reject(new Error('text() must not be used')), {
      body: endless,
    });
    await expect(clientWith(streamed, 4096).pings('t')).rejects.toMatchObject({ code: 'response-too-large' });
    expect(pulled).toBeLessThan(20);

    const chunk = answer(200, () => Promise.resolve('x'.repeat(101)));
    const ref = { from: 0, until: 5, sha256: '0'.repeat(64), bytes: 100, count: 5 };
    await expect(clientWith(chunk).feedChunk(ref)).rejects.toMatchObject({ code: 'response-too-large' });
  });
});
