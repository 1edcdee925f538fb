import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import { generateSigningKey, readSigningKey, signCanonical } from '../../shared/registry/signing';
import { SyncError } from '../../shared/sync/errors';
import {
  enrolPoc,
  movableClock,
  nodeFetch,
  rewritingFetch,
  startRegistry,
  type RunningRegistry,
} from '../support/registry-harness';

const DAY = 24 * 3600_000;
const isHead = (url: string) => url.endsWith('/v1/feed/head.json');

describe('directory sync against the real registry (signed head + immutable chunks)', () => {
  const clock = movableClock();
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 1200 });

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now });
    registry.server.context.directory.importEntries(entries);
    await registry.server.context.feed.refresh();
  });
  afterAll(() => registry.stop());

  it('first sync brings the whole directory in verified chunks, then delta brings only what changed', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    const first = await poc.engine.syncNow();
    expect(first.pull).toMatchObject({ pages: 3, applied: 1200, lastSeq: 1200, head: 1200 });
    expect(poc.store.snapshot.entries.size).toBe(1200);
    expect(poc.store.snapshot.state?.lastSyncAt).toBeDefined();

    const directory = registry.server.context.directory;
    const changed = entries
      .slice(0, 12)
      .map((e) => ({ ...e, revision: e.revision + 1, text: { ...e.text, officeHours: '08:00–16:00' } }));
    directory.importEntries(changed);
    const deletedId = entries[20]?.id ?? '';
    directory.delete(deletedId);

    const delta = await poc.engine.syncNow();
    expect(delta.pull).toMatchObject({ pages: 1, applied: 13, lastSeq: 1213 });
    expect(poc.store.snapshot.entries.get(changed[0]?.id ?? '')?.text.officeHours).toBe('08:00–16:00');
    expect(poc.store.snapshot.entries.has(deletedId)).toBe(false);
    expect(poc.store.snapshot.entries.size).toBe(1199);

    const idle = await poc.engine.syncNow();
    expect(idle.pull).toMatchObject({ pages: 0, applied: 0, lastSeq: 1213 });
  });

  it('serves chunks as immutable files with a strong ETag, and 304 when the client has them', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'diplomatic'), { now: clock.now });
    await poc.engine.pull();
    const ref = registry.server.context.feed.head!.head.chunks[0]!;
    const session = await openSession(poc);
    const first = await fetch(`${registry.url}/v1/feed/chunks/${ref.from}-${ref.until}.json`, {
      headers: { authorization: `Bearer ${session}` },
    });
    expect(first.status).toBe(200);
    expect(first.headers.get('cache-control')).toContain('immutable');
    expect(first.headers.get('etag')).toBe(`"${ref.sha256}"`);
    const again = await fetch(`${registry.url}/v1/feed/chunks/${ref.from}-${ref.until}.json`, {
      headers: { authorization: `Bearer ${session}`, 'if-none-match': `"${ref.sha256}"` },
    });
    expect(again.status).toBe(304);
  });

  it('refuses a chunk with one flipped byte and keeps the last good copy', async () => {
    let tamper = false;
    const fetchLike = rewritingFetch((text, url) =>
      tamper && url.includes('/chunks/') ? text.replace('Fictional', 'Fictionaj') : text,
    );
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), {
      fetch: fetchLike,
      now: clock.now,
    });
    await poc.engine.syncNow();
    const before = new Map(poc.store.snapshot.entries);
    const seqBefore = poc.store.snapshot.state?.lastSeq;
    registry.server.context.directory.importEntries([{ ...entries[1]!, revision: 9 }]);

    tamper = true;
    await expect(poc.engine.syncNow()).rejects.toMatchObject({ code: 'tampered' });
    expect(poc.store.snapshot.entries).toEqual(before);
    expect(poc.store.snapshot.state?.lastSeq).toBe(seqBefore);
    expect(poc.store.snapshot.state?.lastError).toMatchObject({ code: 'tampered' });
    expect(poc.store.snapshot.state?.lastError?.nextRetryAt).toBeDefined();

    tamper = false;
    await poc.engine.syncNow();
    expect(poc.store.snapshot.entries.get(entries[1]!.id)?.revision).toBe(9);
    expect(poc.store.snapshot.state?.lastError).toBeUndefined();
  });

  it('refuses a head signed by another key, even one that is otherwise well formed', async () => {
    const impostor = await readSigningKey(
      (await generateSigningKey('Impostor registry (fictional)')).privateKey,
    );
    const fetchLike = rewritingFetch(async (text, url) => {
      if (!isHead(url)) return text;
      const { head } = JSON.parse(text) as { head: unknown };
      return JSON.stringify({ head, signature: await signCanonical(head, impostor) });
    });
    const poc = await enrolPoc(registry.url, registry.issueCode('DEU', 'technical'), {
      fetch: fetchLike,
      now: clock.now,
    });
    const error: unknown = await poc.engine.pull().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'wrong-key' });
    expect(poc.store.snapshot.entries.size).toBe(0);
    expect(poc.store.snapshot.state?.lastSeq).toBe(0);
  });

  it('issue 9 §3: a frozen feed replayed for 30 days is refused as stale; the last good copy stays', async () => {
    let recorded: string | null = null;
    let replay = false;
    const fetchLike = rewritingFetch((text, url) => {
      if (!isHead(url)) return text;
      if (!replay) recorded = text;
      return replay && recorded ? recorded : text;
    });
    const local = movableClock(clock.now());
    const poc = await enrolPoc(registry.url, registry.issueCode('ESP', 'diplomatic'), {
      fetch: fetchLike,
      now: local.now,
    });
    await poc.engine.syncNow();
    const applied = poc.store.snapshot.entries.size;
    const lastGood = poc.store.snapshot.state?.lastIssuedAt;
    expect(lastGood).toBeDefined();

    // The man in the middle keeps answering the genuine, signed "nothing new" head; 30 days pass here.
    replay = true;
    local.advance(30 * DAY);
    await expect(poc.engine.syncNow()).rejects.toMatchObject({ code: 'stale-feed' });
    expect(poc.store.snapshot.entries.size).toBe(applied);
    expect(poc.store.snapshot.state).toMatchObject({
      lastIssuedAt: lastGood,
      lastError: { code: 'stale-feed' },
    });

    // A registry clock far in the future is refused too; within the bound, skew is tolerated.
    const ahead = movableClock(clock.now() - 3 * DAY);
    const skewed = await enrolPoc(registry.url, registry.issueCode('ESP', 'technical'), { now: ahead.now });
    await expect(skewed.engine.pull()).rejects.toMatchObject({ code: 'feed-from-future' });
    ahead.advance(3 * DAY - 2 * 3600_000);
    await expect(skewed.engine.pull()).resolves.toMatchObject({
      lastSeq: registry.server.context.directory.head(),
    });
  });

  it('the freshness bound is a setting: 48 h accepts a feed signed 30 h ago', async () => {
    const local = movableClock(clock.now());
    const poc = await enrolPoc(registry.url, registry.issueCode('ITA', 'technical'), { now: local.now });
    local.advance(30 * 3600_000);
    await expect(poc.engine.pull()).rejects.toMatchObject({ code: 'stale-feed' });
    await poc.store.saveState({ ...poc.store.snapshot.state!, maxFeedAgeHours: 48 });
    await expect(poc.engine.pull()).resolves.toMatchObject({ applied: expect.any(Number) as number });
  });

  it('treats a head below the one already seen as a rollback', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('ESP', 'technical'), { now: clock.now });
    await poc.engine.syncNow();
    const state = poc.store.snapshot.state!;
    await poc.store.saveState({ ...state, lastSeq: state.lastSeq + 50, knownHead: state.knownHead + 50 });
    await expect(poc.engine.pull()).rejects.toMatchObject({ code: 'rollback' });
  });

  it('pins the registry key: an enrolment confirmed for one registry cannot land on another', async () => {
    const other = await startRegistry();
    try {
      const poc = await enrolPoc(registry.url, registry.issueCode('MEX', 'technical'));
      const { RegistryClient } = await import('../../shared/sync/registryClient');
      const { enrolWithRegistry, fetchRegistryIdentity } = await import('../../shared/sync/enrolment');
      const confirmed = await fetchRegistryIdentity(poc.client);
      const client = new RegistryClient({ baseUrl: other.url, fetch: nodeFetch });
      const { pocKey } = await import('../support/registry-harness');
      await expect(
        enrolWithRegistry({
          client,
          confirmed,
          code: other.issueCode('MEX', 'technical'),
          ownPublicKey: (await pocKey()).publicKey,
        }),
      ).rejects.toMatchObject({ code: 'registry-changed' });
    } finally {
      await other.stop();
    }
  });
});

async function openSession(poc: Awaited<ReturnType<typeof enrolPoc>>): Promise<string> {
  const state = poc.store.snapshot.state!;
  const challenge = await poc.client.challenge(state.accountId);
  const statement = {
    purpose: 'session' as const,
    registry: state.registryFingerprint,
    challengeId: challenge.challengeId,
    nonce: challenge.nonce,
  };
  return (await poc.client.session(statement, await poc.sign(statement))).token;
}
