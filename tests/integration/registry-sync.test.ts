import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import { generateSigningKey, readSigningKey, signCanonical } from '../../shared/registry/signing';
import { SyncError } from '../../shared/sync/errors';
import type { FetchLike } from '../../shared/sync/registryClient';
import { enrolPoc, nodeFetch, startRegistry, type RunningRegistry } from '../support/registry-harness';

/** A fetch that lets a test rewrite the JSON of directory pages on their way to the client. */
function interceptingFetch(rewrite: { page?: (body: Record<string, unknown>, url: string) => unknown }) {
  const seen: string[] = [];
  const fetchLike: FetchLike = async (url, init) => {
    seen.push(url);
    const response = await nodeFetch(url, init);
    if (!url.includes('/v1/directory/changes') || response.status !== 200 || !rewrite.page) return response;
    const body = (await response.json()) as Record<string, unknown>;
    const rewritten: unknown = await rewrite.page(body, url);
    return { status: 200, json: () => Promise.resolve(rewritten) };
  };
  return { fetchLike, seen };
}

describe('directory sync against the real registry', () => {
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 1200 });

  beforeAll(async () => {
    registry = await startRegistry();
    registry.server.context.directory.importEntries(entries);
  });
  afterAll(() => registry.stop());

  it('first sync brings the whole directory in verified pages, then delta brings only what changed', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { pageLimit: 500 });
    const first = await poc.engine.syncNow();
    expect(first.pull).toMatchObject({ pages: 3, applied: 1200, lastSeq: 1200, head: 1200 });
    expect(poc.store.snapshot.entries.size).toBe(1200);
    expect(poc.store.snapshot.state?.lastSyncAt).toBeDefined();

    const directory = registry.server.context.directory;
    const changed = entries.slice(0, 12).map((e) => ({ ...e, revision: e.revision + 1, text: { ...e.text, officeHours: '08:00–16:00' } }));
    directory.importEntries(changed);
    const deletedId = entries[20]?.id ?? '';
    directory.delete(deletedId);

    const delta = await poc.engine.syncNow();
    expect(delta.pull).toMatchObject({ pages: 1, applied: 13, lastSeq: 1213 });
    expect(poc.store.snapshot.entries.get(changed[0]?.id ?? '')?.text.officeHours).toBe('08:00–16:00');
    expect(poc.store.snapshot.entries.has(deletedId)).toBe(false);
    expect(poc.store.snapshot.entries.size).toBe(1199);

    const idle = await poc.engine.syncNow();
    expect(idle.pull).toMatchObject({ pages: 1, applied: 0, lastSeq: 1213 });
  });

  it('refuses a page with one flipped byte and keeps the last good copy', async () => {
    let tamper = false;
    const { fetchLike } = interceptingFetch({
      page: (body) => {
        if (!tamper) return body;
        const text = JSON.stringify(body).replace('Fictional', 'Fictionaj');
        return JSON.parse(text) as unknown;
      },
    });
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { fetch: fetchLike });
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

  it('refuses a page signed by another key, even one that is otherwise well formed', async () => {
    const impostor = await generateSigningKey('Impostor registry (fictional)');
    const impostorKey = await readSigningKey(impostor.privateKey);
    const { fetchLike } = interceptingFetch({
      page: async (body) => ({ page: body.page, signature: await signCanonical(body.page, impostorKey) }),
    });
    const poc = await enrolPoc(registry.url, registry.issueCode('DEU', 'technical'), { fetch: fetchLike });
    const error: unknown = await poc.engine.pull().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SyncError);
    expect(error).toMatchObject({ code: 'wrong-key' });
    expect(poc.store.snapshot.entries.size).toBe(0);
    expect(poc.store.snapshot.state?.lastSeq).toBe(0);
  });

  it('refuses an older page replayed in answer to a newer request', async () => {
    let recorded: unknown = null;
    let replay = false;
    const { fetchLike } = interceptingFetch({
      page: (body, url) => {
        if (url.includes('since=0&')) recorded = body;
        return replay ? recorded : body;
      },
    });
    const poc = await enrolPoc(registry.url, registry.issueCode('ESP', 'diplomatic'), { fetch: fetchLike, pageLimit: 2000 });
    await poc.engine.syncNow();
    const applied = poc.store.snapshot.entries.size;
    registry.server.context.directory.importEntries([{ ...entries[2]!, revision: 5 }]);
    replay = true;
    await expect(poc.engine.pull()).rejects.toMatchObject({ code: 'replay' });
    expect(poc.store.snapshot.entries.size).toBe(applied);
    expect(poc.store.snapshot.entries.get(entries[2]!.id)?.revision).not.toBe(5);
  });

  it('treats a registry that is behind the applied sequence as a rollback', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('ESP', 'technical'));
    await poc.engine.syncNow();
    const state = poc.store.snapshot.state!;
    await poc.store.saveState({ ...state, lastSeq: state.lastSeq + 50, knownHead: state.knownHead + 50 });
    await expect(poc.engine.pull()).rejects.toMatchObject({ code: 'ahead-of-registry' });
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
        enrolWithRegistry({ client, confirmed, code: other.issueCode('MEX', 'technical'), ownPublicKey: (await pocKey()).publicKey }),
      ).rejects.toMatchObject({ code: 'registry-changed' });
    } finally {
      await other.stop();
    }
  });
});
