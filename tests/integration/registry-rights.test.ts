import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import { ExerciseRepository } from '../../registry/store/exerciseRepository';
import type { PointOfContact } from '../../shared/directory/model';
import { ROUTES } from '../../shared/registry/protocol';
import { queueEntryUpdate } from '../../shared/sync/outbox';
import { RegistryClient, type FetchLike } from '../../shared/sync/registryClient';
import {
  enrolPoc,
  movableClock,
  nodeFetch,
  startRegistry,
  type RunningRegistry,
} from '../support/registry-harness';

/** A new entry of the given State and role, as the "Add an entry" form makes it (revision 0). */
const newEntry = (template: PointOfContact, id: string, entity: string): PointOfContact => ({
  ...template,
  id,
  revision: 0,
  text: { entity },
  openpgp: undefined,
  lastPingConfirmedAt: undefined,
});

describe("the account's own rights (GET /v1/account) against the real registry", () => {
  const clock = movableClock();
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 40 });
  const template = entries.find((e) => e.state === 'ITA' && e.role === 'technical') ?? entries[0]!;

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now });
    registry.server.context.directory.importEntries(entries);
  });
  afterAll(() => registry.stop());

  it('tells an account enrolled without the right that it may create nothing, and keeps that in the synced state', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode(template.state, template.role), {
      now: clock.now,
    });
    expect(poc.store.snapshot.state?.rights).toBeUndefined();
    const report = await poc.engine.syncNow();
    expect(report.rights).toEqual({
      state: template.state,
      role: template.role,
      mayCreate: 0,
      facilitator: false,
    });
    expect(poc.store.snapshot.state?.rights).toMatchObject({ mayCreate: 0, facilitator: false });
  });

  it('counts down the right as entries are created, refreshed in the same sync round', async () => {
    const code = registry.issueCode(template.state, template.role, 2);
    new ExerciseRepository(registry.server.context.db).grantCode(code, new Date(clock.now()));
    const poc = await enrolPoc(registry.url, code, { now: clock.now });
    await poc.engine.syncNow();
    expect(poc.store.snapshot.state?.rights).toMatchObject({ mayCreate: 2, facilitator: true });

    const deps = { store: poc.store, sign: poc.sign, now: clock.now };
    await queueEntryUpdate(deps, newEntry(template, 'rights-new-0001', 'Nouvelle entité fictive'), 0);
    const report = await poc.engine.syncNow();
    expect(report.push.sent).toBe(1);
    expect(report.rights?.mayCreate).toBe(1);
    expect(poc.store.snapshot.state?.rights?.mayCreate).toBe(1);

    await queueEntryUpdate(deps, newEntry(template, 'rights-new-0002', 'Deuxième entité fictive'), 0);
    await poc.engine.syncNow();
    expect(poc.store.snapshot.state?.rights?.mayCreate).toBe(0);

    // With the right used up, the registry refuses a third creation: what the app now says in advance.
    await queueEntryUpdate(deps, newEntry(template, 'rights-new-0003', 'Troisième entité fictive'), 0);
    const refused = await poc.engine.syncNow();
    expect(refused.push.rejected).toBe(1);
    expect((await poc.store.listOutbox())[0]?.lastError?.code).toBe('create-not-allowed');
  });

  it('offline, the last known rights stay; a registry that predates the route leaves them as they were', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode(template.state, template.role, 3), {
      now: clock.now,
    });
    await poc.engine.syncNow();
    const known = poc.store.snapshot.state?.rights;
    expect(known?.mayCreate).toBe(3);

    const offline: FetchLike = () => Promise.reject(new TypeError('network down'));
    const cutOff = poc.restart({ client: new RegistryClient({ baseUrl: registry.url, fetch: offline }) });
    await expect(cutOff.syncNow()).rejects.toMatchObject({ code: 'offline' });
    expect(poc.store.snapshot.state?.rights).toEqual(known);

    const withoutRoute: FetchLike = (url, init) =>
      url.endsWith(ROUTES.account)
        ? Promise.resolve({
            status: 404,
            text: () => Promise.resolve('{"error":{"code":"not-found","message":"Route not found."}}'),
          })
        : nodeFetch(url, init);
    clock.advance(60_000);
    const older = poc.restart({ client: new RegistryClient({ baseUrl: registry.url, fetch: withoutRoute }) });
    const report = await older.syncNow();
    expect(report.rights).toBeNull();
    expect(poc.store.snapshot.state?.rights).toEqual(known);
    expect(poc.store.snapshot.state?.lastError).toBeUndefined();
  });

  it('answers only with a session, and is in the OpenAPI document', async () => {
    const client = new RegistryClient({ baseUrl: registry.url, fetch: nodeFetch });
    await expect(client.account('x'.repeat(43))).rejects.toMatchObject({ code: 'unauthorized', status: 401 });
    const anonymous = await nodeFetch(`${registry.url}${ROUTES.account}`, { method: 'GET', headers: {} });
    expect(anonymous.status).toBe(401);
    const openapi = JSON.parse(
      await (await nodeFetch(`${registry.url}/v1/openapi.json`, { method: 'GET', headers: {} })).text(),
    ) as { paths: Record<string, { get?: { security?: unknown } }> };
    expect(openapi.paths[ROUTES.account]?.get?.security).toEqual([{ bearer: [] }]);
  });
});
