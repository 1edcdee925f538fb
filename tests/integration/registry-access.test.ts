import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import { pingReportCsv } from '../../registry/admin/commands';
import type { PointOfContact } from '../../shared/directory/model';
import type { SessionStatement } from '../../shared/registry/protocol';
import { queueEntryUpdate, queuePingAck, resolveOutboxItem } from '../../shared/sync/outbox';
import type { FetchLike } from '../../shared/sync/registryClient';
import {
  enrolPoc,
  movableClock,
  nodeFetch,
  startRegistry,
  type RunningRegistry,
} from '../support/registry-harness';

const HOUR = 3600_000;

describe('accounts, own entries and pings against the real registry', () => {
  const clock = movableClock();
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 80 });
  const fraTech = entries.find((e) => e.state === 'FRA' && e.role === 'technical')!;
  const deuTech = entries.find((e) => e.state === 'DEU' && e.role === 'technical')!;

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now, sessionTtlMs: 15 * 60_000 });
    registry.server.context.directory.importEntries(entries);
  });
  afterAll(() => registry.stop());

  const edited = (entry: PointOfContact, entity: string): PointOfContact => ({
    ...entry,
    text: { ...entry.text, entity },
  });

  it('two POCs of one State and role edit one entry: the second gets a conflict with both versions, and chooses', async () => {
    const alice = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    const bruno = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    await alice.engine.syncNow();
    await bruno.engine.syncNow();

    await queueEntryUpdate(
      { store: alice.store, sign: alice.sign, now: clock.now },
      edited(fraTech, 'CERT fictif — version A'),
      fraTech.revision,
    );
    await queueEntryUpdate(
      { store: bruno.store, sign: bruno.sign, now: clock.now },
      edited(fraTech, 'CERT fictif — version B'),
      fraTech.revision,
    );

    expect((await alice.engine.syncNow()).push.sent).toBe(1);
    const second = await bruno.engine.syncNow();
    expect(second.push).toMatchObject({ sent: 0, conflicts: 1 });
    const [conflict] = await bruno.store.listOutbox();
    expect(conflict?.status).toBe('conflict');
    if (conflict?.kind !== 'entry-update') throw new Error('expected an entry update');
    expect(conflict.theirs?.text.entity).toBe('CERT fictif — version A');
    expect(conflict.request.statement.entry.text.entity).toBe('CERT fictif — version B');
    // Nothing was overwritten while the user has not chosen.
    expect(registry.server.context.directory.get(fraTech.id)?.text.entity).toBe('CERT fictif — version A');

    await resolveOutboxItem({ store: bruno.store, sign: bruno.sign, now: clock.now }, conflict, 'mine');
    expect((await bruno.engine.syncNow()).push.sent).toBe(1);
    const final = registry.server.context.directory.get(fraTech.id);
    expect(final).toMatchObject({
      revision: fraTech.revision + 2,
      text: { entity: 'CERT fictif — version B' },
    });
    await alice.engine.syncNow();
    expect(alice.store.snapshot.entries.get(fraTech.id)?.text.entity).toBe('CERT fictif — version B');
  });

  it("a POC of State A cannot edit State B's entry, nor move an entry into its State, nor edit the other role's entry", async () => {
    const fraDipl = entries.find((e) => e.state === 'FRA' && e.role === 'diplomatic')!;
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    const deps = { store: poc.store, sign: poc.sign, now: clock.now };
    await queueEntryUpdate(deps, edited(deuTech, 'Hijacked'), deuTech.revision);
    clock.advance(1000);
    await queueEntryUpdate(deps, { ...deuTech, state: 'FRA' }, deuTech.revision);
    clock.advance(1000);
    await queueEntryUpdate(deps, edited(fraDipl, 'Hijacked by the technical POC'), fraDipl.revision);
    clock.advance(1000);
    await queueEntryUpdate(deps, { ...fraDipl, role: 'technical' }, fraDipl.revision);
    const result = await poc.engine.syncNow();
    expect(result.push).toMatchObject({ sent: 0, rejected: 4 });
    const items = (await poc.store.listOutbox()).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    expect(items.map((i) => i.lastError?.code)).toEqual([
      'forbidden-state',
      'forbidden-state',
      'forbidden-role',
      'forbidden-role',
    ]);
    expect(registry.server.context.directory.get(deuTech.id)?.text.entity).toBe(deuTech.text.entity);
    expect(registry.server.context.directory.get(fraDipl.id)).toMatchObject({
      role: 'diplomatic',
      text: { entity: fraDipl.text.entity },
    });
  });

  it('refuses an expired token and a replayed challenge; the engine signs in again by itself', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('DEU', 'technical'), { now: clock.now });
    const state = poc.store.snapshot.state!;
    const challenge = await poc.client.challenge(state.accountId);
    const statement: SessionStatement = {
      purpose: 'session',
      registry: state.registryFingerprint,
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
    };
    const signature = await poc.sign(statement);
    const session = await poc.client.session(statement, signature);
    await expect(poc.client.session(statement, signature)).rejects.toMatchObject({
      code: 'challenge-invalid',
      status: 401,
    });

    await expect(poc.client.pings(session.token)).resolves.toBeDefined();
    clock.advance(16 * 60_000);
    await expect(poc.client.pings(session.token)).rejects.toMatchObject({
      code: 'token-expired',
      status: 401,
    });
    await expect(poc.client.pings('x'.repeat(43))).rejects.toMatchObject({ code: 'unauthorized' });

    // A challenge signed by another key is refused too.
    const other = await enrolPoc(registry.url, registry.issueCode('DEU', 'diplomatic'), { now: clock.now });
    const fresh = await poc.client.challenge(state.accountId);
    const forged: SessionStatement = { ...statement, challengeId: fresh.challengeId, nonce: fresh.nonce };
    await expect(poc.client.session(forged, await other.sign(forged))).rejects.toMatchObject({
      code: 'signature-invalid',
    });

    await poc.engine.syncNow();
    clock.advance(16 * 60_000);
    await expect(poc.engine.syncNow()).resolves.toBeDefined();
  });

  it('a ping campaign: one POC answers in time, one queues its answer offline and it arrives late', async () => {
    let offline = false;
    const flaky: FetchLike = (url, init) =>
      offline ? Promise.reject(new TypeError('fetch failed')) : nodeFetch(url, init);
    const onTime = await enrolPoc(registry.url, registry.issueCode('ESP', 'technical'), { now: clock.now });
    const late = await enrolPoc(registry.url, registry.issueCode('ESP', 'diplomatic'), {
      now: clock.now,
      fetch: flaky,
    });
    const campaign = registry.server.context.pings.startCampaign(new Date(clock.now()));

    const [ping] = await onTime.engine.refreshPings();
    expect(ping?.deadline).toBe(new Date(clock.now() + 48 * HOUR).toISOString());
    clock.advance(2 * HOUR);
    await queuePingAck(
      { store: onTime.store, sign: onTime.sign, now: clock.now },
      onTime.store.snapshot.state!,
      ping!.id,
    );
    await onTime.engine.syncNow();
    expect([...onTime.store.snapshot.pings.values()][0]).toMatchObject({
      answeredAt: new Date(clock.now()).toISOString(),
      late: false,
    });

    const [latePing] = await late.engine.refreshPings();
    offline = true;
    clock.advance(HOUR);
    await queuePingAck(
      { store: late.store, sign: late.sign, now: clock.now },
      late.store.snapshot.state!,
      latePing!.id,
    );
    await expect(late.engine.syncNow()).rejects.toMatchObject({ code: 'offline' });
    const [waiting] = await late.store.listOutbox();
    expect(waiting).toMatchObject({ status: 'waiting', attempts: 1 });
    expect(Date.parse(waiting!.nextAttemptAt)).toBeGreaterThan(clock.now());

    clock.advance(47 * HOUR);
    offline = false;
    const restarted = late.restart();
    expect((await restarted.syncNow()).push.sent).toBe(1);
    expect(await late.store.listOutbox()).toEqual([]);

    const rows = registry.server.context.pings.report(campaign.campaignId, new Date(clock.now()));
    const byRole = Object.fromEntries(rows.filter((r) => r.state === 'ESP').map((r) => [r.role, r]));
    expect(byRole.technical).toMatchObject({ status: 'answered', responseMinutes: 120 });
    expect(byRole.diplomatic).toMatchObject({ status: 'late', responseMinutes: 50 * 60 });
    expect(Date.parse(byRole.diplomatic!.acknowledgedAt!)).toBeLessThan(
      Date.parse(byRole.diplomatic!.deadline),
    );
    const unanswered = rows.filter((r) => r.status === 'unanswered');
    expect(unanswered.length).toBeGreaterThan(0);
    expect(pingReportCsv(rows).split('\n')[0]).toBe(
      'state,role,account,status,sent_at,deadline,answered_at,acknowledged_at,response_minutes,follow_up',
    );
  });

  it('a repeated entry update (answer lost) is applied once thanks to its idempotency key', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    await poc.engine.syncNow();
    const current = registry.server.context.directory.get(fraTech.id)!;
    const item = await queueEntryUpdate(
      { store: poc.store, sign: poc.sign, now: clock.now },
      edited(current, 'Once'),
      current.revision,
    );
    if (item.kind !== 'entry-update') throw new Error('unexpected');
    await poc.engine.syncNow();
    const headAfter = registry.server.context.directory.head();
    await poc.store.putOutbox(item);
    expect((await poc.engine.syncNow()).push.sent).toBe(1);
    expect(registry.server.context.directory.head()).toBe(headAfter);
    expect(registry.server.context.directory.get(fraTech.id)?.revision).toBe(current.revision + 1);
  });

  it('answers bad input with JSON errors that carry stable codes', async () => {
    const big = await nodeFetch(`${registry.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'X', publicKey: 'A'.repeat(300_000) }),
    });
    expect(big.status).toBe(413);
    expect(JSON.parse(await big.text())).toMatchObject({ error: { code: 'payload-too-large' } });
    const bad = await nodeFetch(`${registry.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"code":1}',
    });
    expect(JSON.parse(await bad.text())).toMatchObject({ error: { code: 'bad-request' } });
    const unknownCode = await nodeFetch(`${registry.url}/v1/enrol`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code: 'NOPE-NOPE-NOPE', publicKey: '-----BEGIN PGP PUBLIC KEY BLOCK-----' }),
    });
    expect(JSON.parse(await unknownCode.text())).toMatchObject({ error: { code: 'bad-request' } });
    const openapi = JSON.parse(
      await (await nodeFetch(`${registry.url}/v1/openapi.json`, { method: 'GET', headers: {} })).text(),
    ) as { paths: object };
    expect(Object.keys(openapi.paths)).toContain('/v1/feed/head.json');
  });
});
