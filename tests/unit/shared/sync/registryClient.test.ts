import { describe, expect, it } from 'vitest';
import { RegistryError } from '../../../../shared/registry/errors';
import { SyncError } from '../../../../shared/sync/errors';
import { RegistryClient, type FetchLike } from '../../../../shared/sync/registryClient';

const clientWith = (fetch: FetchLike) => new RegistryClient({ baseUrl: 'http://127.0.0.1:9/', fetch, timeoutMs: 1_000 });
const answer = (status: number, json: () => Promise<unknown>): FetchLike => () => Promise.resolve({ status, json });

describe('RegistryClient failure codes', () => {
  it('a body cut mid-answer (the link dropped) is "offline", so the engine retries', async () => {
    const cut = answer(200, () => Promise.reject(new TypeError('terminated')));
    await expect(clientWith(cut).changes(0, 10, 't')).rejects.toMatchObject({ code: 'offline' });
  });

  it('a body that is not JSON is an invalid response, not a network failure', async () => {
    const garbage = answer(200, () => Promise.reject(new SyntaxError('Unexpected token <')));
    const error = await clientWith(garbage).changes(0, 10, 't').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'invalid-response' });
  });

  it('no answer at all is "offline"; a registry error keeps its stable code and message', async () => {
    await expect(clientWith(() => Promise.reject(new TypeError('fetch failed'))).info()).rejects.toMatchObject({ code: 'offline' });
    const refused = answer(429, () => Promise.resolve({ error: { code: 'rate-limited', message: 'Too many requests; try again in 12 s.' } }));
    const error = await clientWith(refused).pings('t').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RegistryError);
    expect(error).toMatchObject({ code: 'rate-limited', status: 429, message: 'Too many requests; try again in 12 s.' });
  });
});
