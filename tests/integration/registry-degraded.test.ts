import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import { SyncError } from '../../shared/sync/errors';
import { RegistryClient } from '../../shared/sync/registryClient';
import { MemorySyncStore } from '../../shared/sync/store';
import { SyncEngine } from '../../shared/sync/syncEngine';
import { enrolPoc, nodeFetch, startRegistry, type RunningRegistry } from '../support/registry-harness';
import { startThrottleProxy } from '../support/throttle-proxy';

/** A seeded random, so a failure can be replayed. */
function seeded(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

describe('a link that cuts answers mid-body, with keep-alive', () => {
  let registry: RunningRegistry;
  const SIZE = 600;

  beforeAll(async () => {
    registry = await startRegistry({ chunkSize: 50 });
    registry.server.context.directory.importEntries(fictionalDirectory({ size: SIZE }));
    await registry.server.context.feed.refresh();
  });
  afterAll(() => registry.stop());

  it('the proxy really cuts responses on kept-alive connections, and the sync converges without refetching applied pages', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'));
    const enrolled = poc.store.snapshot.state!;
    const proxy = await startThrottleProxy({
      targetPort: Number(new URL(registry.url).port),
      resetProbability: 0.3,
      random: seeded(7),
    });
    try {
      const store = new MemorySyncStore();
      store.snapshot.state = { ...enrolled, lastSeq: 0, knownHead: 0 };
      const requests: { since: number; appliedThen: number }[] = [];
      const client = new RegistryClient({
        baseUrl: proxy.url,
        timeoutMs: 10_000,
        fetch: (url, init) => {
          const since = /chunks\/(\d+)-/.exec(url)?.[1];
          if (since) requests.push({ since: Number(since), appliedThen: store.snapshot.state?.lastSeq ?? 0 });
          return nodeFetch(url, init);
        },
      });
      const engine = new SyncEngine({ store, client, sign: poc.sign });
      const failures: string[] = [];
      for (let attempt = 0; attempt < 100 && (store.snapshot.state?.lastSeq ?? 0) < SIZE; attempt++) {
        try {
          await engine.pull();
        } catch (error) {
          failures.push(error instanceof SyncError ? error.code : String(error));
        }
      }
      expect(store.snapshot.state?.lastSeq).toBe(SIZE);
      expect(store.snapshot.entries.size).toBe(SIZE);
      // Cuts happened, more than one request went over one connection, and a cut answer reads as
      // "offline" (retry), never as a forged or unreadable page.
      expect(proxy.stats.resets).toBeGreaterThan(0);
      expect(proxy.stats.responses).toBeGreaterThan(proxy.stats.connections);
      expect(failures.length).toBeGreaterThan(0);
      expect(new Set(failures)).toEqual(new Set(['offline']));
      // Every chunk request started at the last applied sequence: nothing applied was fetched again.
      for (const request of requests) expect(request.since).toBe(request.appliedThen);
    } finally {
      await proxy.close();
    }
  });
});
