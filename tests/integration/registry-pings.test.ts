import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import { pingReportTable } from '../../registry/admin/commands';
import { createRegistryServer } from '../../registry/server';
import { isPingStale } from '../../shared/directory/staleness';
import type { PointOfContact } from '../../shared/directory/model';
import { queueEntryUpdate, queuePingAck } from '../../shared/sync/outbox';
import {
  enrolPoc,
  movableClock,
  startRegistry,
  type RunningRegistry,
  type TestPoc,
} from '../support/registry-harness';

const HOUR = 3600_000;
const DAY = 24 * HOUR;

const own = (poc: TestPoc, state: string, role: string): PointOfContact[] =>
  [...poc.store.snapshot.entries.values()].filter((e) => e.state === state && e.role === role);

async function answerPendingPing(poc: TestPoc, now: () => number): Promise<void> {
  const [ping] = (await poc.engine.refreshPings()).filter((p) => !p.answeredAt);
  if (!ping) throw new Error('no pending ping');
  await queuePingAck({ store: poc.store, sign: poc.sign, now }, poc.store.snapshot.state!, ping.id);
  await poc.engine.syncNow();
}

describe('A §8 ping tests confirm the directory entries (signed feed) and run every six months', () => {
  const clock = movableClock();
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 120 });

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now });
    registry.server.context.directory.importEntries(entries);
  });
  afterAll(() => registry.stop());

  it('an answer within 48 h sets lastPingConfirmedAt on that POC’s own entries only, and every app sees it', async () => {
    const fraTech = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    const fraDipl = await enrolPoc(registry.url, registry.issueCode('FRA', 'diplomatic'), { now: clock.now });
    const observer = await enrolPoc(registry.url, registry.issueCode('DEU', 'technical'), { now: clock.now });
    await observer.engine.syncNow();
    expect(own(observer, 'FRA', 'technical').length).toBeGreaterThan(0);
    expect(own(observer, 'FRA', 'technical').every((e) => isPingStale(e, new Date(clock.now())))).toBe(true);

    const campaign = registry.server.context.pings.startCampaign(new Date(clock.now()));
    clock.advance(3 * HOUR);
    const answeredAt = new Date(clock.now()).toISOString();
    await answerPendingPing(fraTech, clock.now);
    // The diplomatic POC answers after the deadline: a late answer confirms nothing.
    clock.advance(49 * HOUR);
    await answerPendingPing(fraDipl, clock.now);

    const before = observer.store.snapshot.state!.lastSeq;
    const pulled = await observer.engine.syncNow();
    const technical = own(observer, 'FRA', 'technical');
    expect(pulled.pull.applied).toBe(technical.length);
    expect(observer.store.snapshot.state!.lastSeq).toBeGreaterThan(before);
    for (const entry of technical) {
      expect(entry.lastPingConfirmedAt).toBe(answeredAt);
      expect(isPingStale(entry, new Date(clock.now()))).toBe(false);
      // Same revision: an edit begun before the answer meets no false conflict.
      expect(entry.revision).toBe(entries.find((e) => e.id === entry.id)?.revision);
    }
    expect(own(observer, 'FRA', 'diplomatic').every((e) => e.lastPingConfirmedAt === undefined)).toBe(true);
    expect(own(observer, 'DEU', 'technical').every((e) => e.lastPingConfirmedAt === undefined)).toBe(true);

    // A repeated acknowledgement does not write the feed again.
    const head = registry.server.context.directory.head();
    const again = await fraTech.engine.refreshPings();
    expect(again.find((p) => p.campaignId === campaign.campaignId)?.late).toBe(false);
    expect(registry.server.context.directory.head()).toBe(head);

    // An edit of a confirmed entry keeps the confirmation (it is the registry's, not the editor's).
    await fraTech.engine.syncNow();
    const mine = own(fraTech, 'FRA', 'technical')[0]!;
    await queueEntryUpdate(
      { store: fraTech.store, sign: fraTech.sign, now: clock.now },
      { ...mine, text: { ...mine.text, officeHours: '09:00–17:00' } },
      mine.revision,
    );
    expect((await fraTech.engine.syncNow()).push.sent).toBe(1);
    expect(registry.server.context.directory.get(mine.id)).toMatchObject({
      revision: mine.revision + 1,
      lastPingConfirmedAt: answeredAt,
    });

    // Six months later the confirmation is stale again (the directory's staleness flag).
    clock.advance(190 * DAY);
    expect(isPingStale(registry.server.context.directory.get(mine.id)!, new Date(clock.now()))).toBe(true);

    const report = pingReportTable(
      campaign.campaignId,
      registry.server.context.pings.report(campaign.campaignId, new Date(clock.now())),
      new Date(clock.now()),
    );
    expect(report).toMatch(/FOLLOW UP with \d+ State\(s\)/);
    expect(report).toMatch(/FRA\s+diplomatic\s+account \S+: answered late, 4 h after the deadline/);
    expect(report).toMatch(/DEU\s+technical\s+account \S+: no answer, \d+ h overdue/);
    expect(report).not.toMatch(/FRA\s+technical\s+account/);
  });
});

describe('the registry starts a campaign by itself when the last is older than the interval', () => {
  it('counts from the first enrolment, then from the last campaign; checked at start and periodically', async () => {
    const clock = movableClock();
    const dataDir = mkdtempSync(join(tmpdir(), 'poc-registry-schedule-'));
    const registry = await startRegistry({
      dataDir,
      now: clock.now,
      pingIntervalDays: 182,
      pingCheckEveryMs: 20,
    });
    const { pings } = registry.server.context;
    try {
      expect(registry.server.pingScheduler.check()).toBeNull(); // nobody enrolled: nobody to ping
      await enrolPoc(registry.url, registry.issueCode('KEN', 'technical'), { now: clock.now });
      clock.advance(181 * DAY);
      expect(registry.server.pingScheduler.check()).toBeNull();
      expect(pings.latestCampaign()).toBeUndefined();

      clock.advance(1 * DAY);
      // The periodic check (every 20 ms here, hourly by default) starts it without being asked.
      await vi.waitFor(() => expect(pings.latestCampaign()).toBeDefined(), { timeout: 2_000 });
      const first = pings.latestCampaign()!;
      expect(first.startedAt).toBe(new Date(clock.now()).toISOString());
      expect(pings.report(first.id, new Date(clock.now()))).toHaveLength(1);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(pings.latestCampaign()?.id).toBe(first.id); // not one per check

      // A campaign started by hand resets the clock too.
      clock.advance(100 * DAY);
      const manual = pings.startCampaign(new Date(clock.now()));
      clock.advance(150 * DAY);
      expect(registry.server.pingScheduler.check()).toBeNull();
      expect(pings.latestCampaignId()).toBe(manual.campaignId);
    } finally {
      await registry.stop();
    }

    // A registry that was down when the campaign fell due starts it as it starts.
    clock.advance(40 * DAY);
    const started: string[] = [];
    const again = await createRegistryServer({
      dataDir: registry.dataDir,
      now: clock.now,
      onCampaignStarted: (c) => started.push(c.campaignId),
    });
    try {
      expect(started).toHaveLength(1);
      expect(again.context.pings.latestCampaignId()).toBe(started[0]);
    } finally {
      await again.close();
    }

    // --ping-interval-days 0: only by hand.
    clock.advance(400 * DAY);
    const manualOnly = await createRegistryServer({
      dataDir: registry.dataDir,
      now: clock.now,
      pingIntervalDays: 0,
    });
    try {
      expect(manualOnly.pingScheduler.check()).toBeNull();
      expect(manualOnly.context.pings.latestCampaignId()).toBe(started[0]);
    } finally {
      await manualOnly.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
