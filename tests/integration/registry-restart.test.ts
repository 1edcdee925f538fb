import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { AccountRepository } from '../../registry/store/accountRepository';
import { openRegistryDatabase } from '../../registry/store/database';
import { DirectoryRepository } from '../../registry/store/directoryRepository';
import { PingRepository } from '../../registry/store/pingRepository';
import { queueEntryUpdate, queuePingAck } from '../../shared/sync/outbox';
import type { FetchLike } from '../../shared/sync/registryClient';
import { enrolPoc, nodeFetch } from '../support/registry-harness';
import { killHard, spawnRegistry, type RegistryProcess } from '../support/registry-process';

function issueCode(dataDir: string, state: string, role: 'technical' | 'diplomatic', code: string): string {
  const db = openRegistryDatabase(dataDir);
  new AccountRepository(db).issueCode({
    code,
    state,
    role,
    issuedAt: new Date().toISOString(),
    expiresAt: new Date(Date.now() + 86_400_000).toISOString(),
  });
  db.close();
  return code;
}

describe('the registry killed with SIGKILL', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'poc-registry-kill-'));
  let running: RegistryProcess | null = null;
  afterAll(async () => {
    if (running) await killHard(running);
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('mid-sync: the client keeps what it applied, resumes after restart without refetching, and converges', async () => {
    running = await spawnRegistry({ dataDir, demo: true, demoSize: 3000 });
    const first = running;
    const requested: number[] = [];
    let pagesServed = 0;
    const killer: FetchLike = async (url, init) => {
      const since = /chunks\/(\d+)-/.exec(url)?.[1];
      if (since !== undefined) requested.push(Number(since));
      const response = await nodeFetch(url, init);
      if (since !== undefined && ++pagesServed === 2) {
        const body = await response.text();
        await killHard(first);
        return { status: response.status, text: () => Promise.resolve(body) };
      }
      return response;
    };
    const poc = await enrolPoc(running.url, issueCode(dataDir, 'FRA', 'technical', 'KILL-FRA-TECH-0001'), {
      fetch: killer,
    });
    await expect(poc.engine.syncNow()).rejects.toMatchObject({ code: 'offline' });
    expect(poc.store.snapshot.state?.lastSeq).toBe(1000);
    expect(poc.store.snapshot.entries.size).toBe(1000);

    running = await spawnRegistry({ dataDir, port: running.port });
    requested.length = 0;
    const report = await poc.restart().syncNow();
    expect(requested[0]).toBe(1000);
    expect(report.pull).toMatchObject({ pages: 4, applied: 2000, lastSeq: 3000 });
    expect(poc.store.snapshot.entries.size).toBe(3000);
  });

  it('loses no acknowledged write: an entry update and a ping answer survive kill -9', async () => {
    running ??= await spawnRegistry({ dataDir });
    const poc = await enrolPoc(running.url, issueCode(dataDir, 'FRA', 'technical', 'KILL-FRA-TECH-0002'));
    await poc.engine.syncNow();
    const db = openRegistryDatabase(dataDir);
    const campaign = new PingRepository(db).startCampaign(new Date());
    db.close();
    const [ping] = await poc.engine.refreshPings();
    const entry = [...poc.store.snapshot.entries.values()].find(
      (e) => e.state === 'FRA' && e.role === 'technical',
    )!;
    await queueEntryUpdate(
      { store: poc.store, sign: poc.sign },
      { ...entry, text: { ...entry.text, entity: 'Survives kill -9' } },
      entry.revision,
    );
    await queuePingAck({ store: poc.store, sign: poc.sign }, poc.store.snapshot.state!, ping!.id);
    const result = await poc.engine.syncNow();
    expect(await poc.store.listOutbox()).toEqual([]);
    expect(result.push.sent).toBe(2);
    await killHard(running);
    running = null;

    const after = openRegistryDatabase(dataDir);
    try {
      expect(new DirectoryRepository(after).get(entry.id)).toMatchObject({
        text: { entity: 'Survives kill -9' },
        revision: entry.revision + 1,
      });
      const row = new PingRepository(after)
        .report(campaign.campaignId, new Date())
        .find((r) => r.pingId === ping!.id);
      expect(row?.status).toBe('answered');
    } finally {
      after.close();
    }
  });
});
