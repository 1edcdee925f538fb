import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import type { PointOfContact } from '../../shared/directory/model';
import type { EntryUpdateRequest } from '../../shared/registry/protocol';
import { readVerificationKey, verifyCanonical } from '../../shared/registry/signing';
import {
  LegacyOutboxItemSchema,
  resignLegacyItem,
  type LegacyOutboxItem,
} from '../../shared/sync/legacyOutbox';
import { enrolPoc, movableClock, startRegistry, type RunningRegistry } from '../support/registry-harness';

describe('an own-entry edit signed under protocol v1, against the real (v2) registry', () => {
  const clock = movableClock();
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 40 });
  const target = entries.find((e) => e.state === 'FRA' && e.role === 'technical')!;
  const other = entries.find((e) => e.state === 'DEU' && e.role === 'technical')!;

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now });
    registry.server.context.directory.importEntries(entries);
  });
  afterAll(() => registry.stop());

  async function enrolled(own: PointOfContact = target) {
    const poc = await enrolPoc(registry.url, registry.issueCode(own.state, own.role), { now: clock.now });
    await poc.engine.syncNow();
    const state = poc.store.snapshot.state!;
    const account = registry.server.context.accounts.get(state.accountId)!;
    const publicKey = await readVerificationKey(account.publicKey);
    const verify = (statement: unknown, signature: string) =>
      verifyCanonical(statement, signature, publicKey, state.ownFingerprint);
    const deps = { store: poc.store, sign: poc.sign, verify, now: clock.now };
    const v1 = async (entry: PointOfContact, idempotencyKey: string): Promise<LegacyOutboxItem> => {
      const statement = { purpose: 'entry-update', entry, baseRevision: entry.revision, idempotencyKey };
      return LegacyOutboxItemSchema.parse({
        id: `v1-${idempotencyKey}`.slice(0, 40),
        kind: 'entry-update',
        createdAt: new Date(clock.now() - 40 * 86_400_000).toISOString(),
        request: { statement, signature: await poc.sign(statement) },
      });
    };
    return { poc, deps, v1, token: () => poc.engine.withSession((t) => Promise.resolve(t)) };
  }

  it('is refused as it is; signed again after confirmation, it is accepted', async () => {
    const { poc, deps, v1, token } = await enrolled();
    const edited = { ...target, text: { ...target.text, entity: 'CERT fictif — modifié sous v1' } };
    const item = await v1(edited, 'legacy-key-000000001');

    // What the old app would have sent: the v2 registry refuses a statement that names no registry.
    await expect(
      poc.client.putEntry(item.request as unknown as EntryUpdateRequest, await token()),
    ).rejects.toMatchObject({ code: 'bad-request' });
    expect(registry.server.context.directory.get(target.id)?.text.entity).toBe(target.text.entity);

    expect((await resignLegacyItem(deps, item, { confirmed: true })).ok).toBe(true);
    const report = await poc.engine.syncNow();
    expect(report.push.sent).toBe(1);
    expect(registry.server.context.directory.get(target.id)).toMatchObject({
      revision: target.revision + 1,
      text: { entity: 'CERT fictif — modifié sous v1' },
    });
  });

  it('keeps its idempotency key: an edit the registry already applied (answer lost) is not applied twice', async () => {
    const { poc, deps, v1, token } = await enrolled(other);
    const edited = { ...other, text: { ...other.text, entity: 'Point de contact fictif — une seule fois' } };
    const key = 'legacy-key-000000002';
    // The same edit reached the registry under this key before; only its answer was lost.
    const state = poc.store.snapshot.state!;
    const delivered = {
      purpose: 'entry-update' as const,
      registry: state.registryFingerprint,
      signedAt: new Date(clock.now()).toISOString(),
      entry: edited,
      baseRevision: other.revision,
      idempotencyKey: key,
    };
    await poc.client.putEntry({ statement: delivered, signature: await poc.sign(delivered) }, await token());
    const afterFirst = registry.server.context.directory.get(other.id)!;
    expect(afterFirst.revision).toBe(other.revision + 1);

    clock.advance(60_000);
    expect((await resignLegacyItem(deps, await v1(edited, key), { confirmed: true })).ok).toBe(true);
    const report = await poc.engine.syncNow();
    // Answered with the first result: no conflict, no second revision.
    expect(report.push).toMatchObject({ sent: 1, conflicts: 0 });
    expect(registry.server.context.directory.get(other.id)?.revision).toBe(afterFirst.revision);
    expect(await poc.store.listOutbox()).toEqual([]);
  });

  it('is never signed again when it was altered after signing', async () => {
    const { poc, deps, v1 } = await enrolled();
    const item = await v1({ ...target, revision: target.revision + 1 }, 'legacy-key-000000003');
    const tampered = structuredClone(item);
    (tampered.request.statement.entry as PointOfContact).phones = ['+33100000000'];
    expect(await resignLegacyItem(deps, tampered, { confirmed: true })).toEqual({
      ok: false,
      reason: 'signature-invalid',
    });
    expect(await poc.store.listOutbox()).toEqual([]);
  });
});
