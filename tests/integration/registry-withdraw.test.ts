import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import { queueEntryWithdraw } from '../../shared/sync/outbox';
import { enrolPoc, movableClock, startRegistry, type RunningRegistry } from '../support/registry-harness';

describe('withdrawing an own entry against the real registry', () => {
  const clock = movableClock();
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 80 });
  const fraTech = entries.find((e) => e.state === 'FRA' && e.role === 'technical')!;
  const fraDipl = entries.find((e) => e.state === 'FRA' && e.role === 'diplomatic')!;
  const deuTech = entries.find((e) => e.state === 'DEU' && e.role === 'technical')!;

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now });
    registry.server.context.directory.importEntries(entries);
  });
  afterAll(() => registry.stop());

  it("refuses another State's entry and an entry of the other role, and deletes nothing", async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    await poc.engine.syncNow();
    const state = poc.store.snapshot.state!;
    await queueEntryWithdraw({ store: poc.store, sign: poc.sign, now: clock.now }, state, deuTech);
    await queueEntryWithdraw({ store: poc.store, sign: poc.sign, now: clock.now }, state, fraDipl);
    // A forged statement claiming the other role for the same entry is refused on the stored role.
    await queueEntryWithdraw({ store: poc.store, sign: poc.sign, now: clock.now }, state, {
      ...fraDipl,
      role: 'technical',
    });
    const result = await poc.engine.syncNow();
    expect(result.push).toMatchObject({ sent: 0, rejected: 3 });
    const items = await poc.store.listOutbox();
    expect(items.map((i) => i.lastError?.code)).toEqual([
      'forbidden-state',
      'forbidden-role',
      'forbidden-role',
    ]);
    expect(registry.server.context.directory.get(deuTech.id)).toBeDefined();
    expect(registry.server.context.directory.get(fraDipl.id)).toBeDefined();
  });

  it('withdraws an entry of the own State and role, signed through the outbox, and the feed carries it', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    await poc.engine.syncNow();
    expect(poc.store.snapshot.entries.has(fraTech.id)).toBe(true);
    await queueEntryWithdraw(
      { store: poc.store, sign: poc.sign, now: clock.now },
      poc.store.snapshot.state!,
      fraTech,
      'Office closed',
    );
    const [queued] = await poc.store.listOutbox();
    expect(queued?.kind).toBe('entry-withdraw');
    expect(queued?.request.signature).toBeTruthy();

    const result = await poc.engine.syncNow();
    expect(result.push.sent).toBe(1);
    expect(registry.server.context.directory.get(fraTech.id)).toBeUndefined();
    // The same sync pulled the deletion from the signed feed.
    await poc.engine.syncNow();
    expect(poc.store.snapshot.entries.has(fraTech.id)).toBe(false);
  });

  it('refuses a withdrawal based on an older revision than the registry has', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'diplomatic'), { now: clock.now });
    await poc.engine.syncNow();
    registry.server.context.directory.importEntries([{ ...fraDipl, revision: fraDipl.revision + 1 }]);
    await queueEntryWithdraw(
      { store: poc.store, sign: poc.sign, now: clock.now },
      poc.store.snapshot.state!,
      fraDipl,
    );
    const result = await poc.engine.syncNow();
    expect(result.push).toMatchObject({ sent: 0, rejected: 1 });
    expect(registry.server.context.directory.get(fraDipl.id)).toBeDefined();
  });

  it('refuses a withdrawal signed more than 30 days ago (no replay of an old request)', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('DEU', 'technical'), { now: clock.now });
    await poc.engine.syncNow();
    const longAgo = () => clock.now() - 31 * 86_400_000;
    await queueEntryWithdraw(
      { store: poc.store, sign: poc.sign, now: longAgo },
      poc.store.snapshot.state!,
      deuTech,
    );
    const result = await poc.engine.syncNow();
    expect(result.push).toMatchObject({ sent: 0, rejected: 1 });
    expect((await poc.store.listOutbox())[0]?.lastError?.code).toBe('statement-expired');
    expect(registry.server.context.directory.get(deuTech.id)).toBeDefined();
  });
});
