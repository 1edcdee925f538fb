import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../../registry/demo/fictionalDirectory';
import { REGISTRY_ERROR_STATUS, type RegistryErrorCode } from '../../../shared/registry/errors';
import { ErrorBodySchema, type SessionStatement } from '../../../shared/registry/protocol';
import {
  enrolPoc,
  movableClock,
  pocKey,
  startRegistry,
  type RunningRegistry,
  type TestPoc,
} from '../../support/registry-harness';

/**
 * Every refusal of the reference registry: HTTP status, stable code, and a message that says what
 * happened. The integration tests pin the protocol flows; this file pins the edges of each route.
 */
async function expectRefusal(response: Response, code: RegistryErrorCode, message?: RegExp) {
  expect(response.status).toBe(REGISTRY_ERROR_STATUS[code]);
  expect(response.headers.get('content-type')).toMatch(/^application\/json/);
  const body = ErrorBodySchema.parse(await response.json());
  expect(body.error.code).toBe(code);
  if (message) expect(body.error.message).toMatch(message);
  return body;
}

describe('registry refusals, by code and message', () => {
  const clock = movableClock();
  let registry: RunningRegistry;
  let poc: TestPoc;
  let token: string;
  const entries = fictionalDirectory({ size: 40 });
  const fra = entries.find((e) => e.state === 'FRA')!;

  const post = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(`${registry.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const get = (path: string, headers: Record<string, string> = {}) =>
    fetch(`${registry.url}${path}`, { headers });
  const authed = () => ({ authorization: `Bearer ${token}` });

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now, bodyLimitBytes: 96 * 1024 });
    registry.server.context.directory.importEntries(entries);
    await registry.server.context.feed.refresh();
    poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    const state = poc.store.snapshot.state!;
    const challenge = await poc.client.challenge(state.accountId);
    const statement: SessionStatement = {
      purpose: 'session',
      registry: state.registryFingerprint,
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
    };
    token = (await poc.client.session(statement, await poc.sign(statement))).token;
  });
  afterAll(() => registry.stop());

  it('answers an unknown route, unreadable JSON, a wrong content type and a too-large body with JSON errors', async () => {
    await expectRefusal(await get('/v1/nothing-here'), 'not-found', /No such route/);
    await expectRefusal(await post('/v1/enrol', '{"code":'), 'bad-request', /could not be read/);
    const wrongType = await fetch(`${registry.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: 'hello',
    });
    await expectRefusal(wrongType, 'unsupported-media-type');
    await expectRefusal(
      await post('/v1/enrol', { code: 'ABCD-EFGH', publicKey: 'x'.repeat(100 * 1024) }),
      'payload-too-large',
      /too large/,
    );
  });

  it('bounds every input: codes, keys, chunk names, ids', async () => {
    await expectRefusal(
      await post('/v1/enrol', { code: 'AB', publicKey: '-----BEGIN PGP PUBLIC KEY BLOCK-----' }),
      'bad-request',
      /at code/,
    );
    await expectRefusal(
      await post('/v1/enrol', { code: 'ABCD-EFGH-IJKL', publicKey: 'not a key' }),
      'bad-request',
      /at publicKey/,
    );
    await expectRefusal(
      await post('/v1/enrol', {
        code: 'ABCD-EFGH-IJKL',
        publicKey: '-----BEGIN PGP PUBLIC KEY BLOCK-----\nbroken',
      }),
      'bad-request',
      /public key could not be read/,
    );
    await expectRefusal(
      await post('/v1/session/challenge', { accountId: 'short' }),
      'bad-request',
      /at accountId/,
    );
    for (const name of ['-1-5.json', 'abc.json', '0-40', '0-41.json', '..%2Fregistry.sqlite']) {
      await expectRefusal(await get(`/v1/feed/chunks/${name}`, authed()), 'not-found', /No such chunk/);
    }
    const ok = await get('/v1/feed/chunks/0-40.json', authed());
    expect(ok.status).toBe(200);
  });

  it('refuses enrolment with an unknown, expired or used code', async () => {
    const { publicKey } = await pocKey();
    await expectRefusal(
      await post('/v1/enrol', { code: 'NOPE-NOPE-NOPE', publicKey }),
      'code-invalid',
      /not known/,
    );
    const expired = 'EXPD-EXPD-EXPD-0001';
    const now = clock.now();
    registry.server.context.accounts.issueCode({
      code: expired,
      state: 'DEU',
      role: 'technical',
      issuedAt: new Date(now - 2e6).toISOString(),
      expiresAt: new Date(now - 1e6).toISOString(),
    });
    await expectRefusal(await post('/v1/enrol', { code: expired, publicKey }), 'code-expired', /expired/);
    const fresh = registry.issueCode('DEU', 'technical');
    expect((await post('/v1/enrol', { code: fresh.toLowerCase(), publicKey })).status).toBe(200);
    await expectRefusal(await post('/v1/enrol', { code: fresh, publicKey }), 'code-used', /already used/);
  });

  it('refuses requests without a session, with an unknown token, and from a revoked account', async () => {
    await expectRefusal(await get('/v1/pings'), 'unauthorized', /Sign in first/);
    await expectRefusal(
      await get('/v1/pings', { authorization: 'Bearer short' }),
      'unauthorized',
      /Sign in first/,
    );
    await expectRefusal(
      await get('/v1/pings', { authorization: `Bearer ${'A'.repeat(43)}` }),
      'unauthorized',
      /not known/,
    );
    await expectRefusal(
      await post('/v1/session/challenge', { accountId: 'A'.repeat(22) }),
      'not-found',
      /enrol again/,
    );

    const other = await enrolPoc(registry.url, registry.issueCode('ESP', 'technical'), { now: clock.now });
    const accountId = other.store.snapshot.state!.accountId;
    registry.server.context.accounts.revoke(accountId, new Date(clock.now()));
    await expectRefusal(await post('/v1/session/challenge', { accountId }), 'account-revoked', /revoked/);
  });

  it('serves the feed only to a session', async () => {
    await expectRefusal(await get('/v1/feed/head.json'), 'unauthorized', /Sign in first/);
    await expectRefusal(await get('/v1/feed/chunks/0-40.json'), 'unauthorized', /Sign in first/);
  });

  it('refuses an entry update whose id differs from the address, or that is not signed by the enrolled key', async () => {
    const registryFingerprint = poc.store.snapshot.state!.registryFingerprint;
    const signedAt = new Date(clock.now()).toISOString();
    const statement = {
      purpose: 'entry-update',
      registry: registryFingerprint,
      signedAt,
      entry: fra,
      baseRevision: fra.revision,
      idempotencyKey: 'k'.repeat(20),
    };
    const signature = await poc.sign(statement);
    const put = (id: string, body: unknown) =>
      fetch(`${registry.url}/v1/entries/${id}`, {
        method: 'PUT',
        headers: { 'content-type': 'application/json', ...authed() },
        body: JSON.stringify(body),
      });
    await expectRefusal(
      await put('another-id-123', { statement, signature }),
      'bad-request',
      /does not match the address/,
    );
    const { privateKey } = await pocKey('Someone else');
    const { signCanonical } = await import('../../../shared/registry/signing');
    await expectRefusal(
      await put(fra.id, { statement, signature: await signCanonical(statement, privateKey) }),
      'signature-invalid',
      /enrolled key/,
    );
    await expectRefusal(
      await put(fra.id, { statement: { ...statement, baseRevision: -1 }, signature }),
      'bad-request',
      /at statement\.baseRevision/,
    );
  });

  it('refuses an acknowledgement of an unknown ping, or one signed for another registry', async () => {
    const state = poc.store.snapshot.state!;
    const statement = {
      purpose: 'ping-ack',
      registry: state.registryFingerprint,
      pingId: 'p'.repeat(22),
      acknowledgedAt: new Date(clock.now()).toISOString(),
      idempotencyKey: 'i'.repeat(20),
    };
    await expectRefusal(
      await post(
        `/v1/pings/${statement.pingId}/ack`,
        { statement, signature: await poc.sign(statement) },
        authed(),
      ),
      'not-found',
      /No such ping/,
    );
    const elsewhere = { ...statement, registry: 'F'.repeat(40) };
    await expectRefusal(
      await post(
        `/v1/pings/${statement.pingId}/ack`,
        { statement: elsewhere, signature: await poc.sign(elsewhere) },
        authed(),
      ),
      'wrong-registry',
      /another registry/,
    );
  });

  it('answers a CORS preflight without a body', async () => {
    const response = await fetch(`${registry.url}/v1/entries/x`, { method: 'OPTIONS' });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-methods')).toContain('PUT');
    expect(response.headers.get('access-control-allow-headers')).toContain('authorization');
  });
});

describe('rate limits', () => {
  let registry: RunningRegistry;
  beforeAll(async () => {
    registry = await startRegistry({ rateLimitPerMinute: 3 });
  });
  afterAll(() => registry.stop());

  it('answer 429 with the stable code, a wait in seconds and the standard headers', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++) statuses.push((await fetch(`${registry.url}/v1/health`)).status);
    expect(statuses).toEqual([200, 200, 200]);
    const limited = await fetch(`${registry.url}/v1/health`);
    const body = await expectRefusal(limited, 'rate-limited', /^Too many requests; try again in \d+ s\.$/);
    expect(body.error.message).not.toMatch(/try again in 0 s/);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(limited.headers.get('x-ratelimit-limit')).toBe('3');
  });
});
