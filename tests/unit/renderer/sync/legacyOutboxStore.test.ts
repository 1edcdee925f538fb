import 'fake-indexeddb/auto';
import * as openpgp from 'openpgp';
import { afterEach, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../../../registry/demo/fictionalDirectory';
import { PocDatabase } from '../../../../renderer/db/database';
import { SyncController } from '../../../../renderer/sync/syncController';
import { VaultSyncStore } from '../../../../renderer/sync/vaultSyncStore';
import { createVault } from '../../../../renderer/vault/vault';
import { fingerprintOf, signCanonical, verifyCanonical } from '../../../../shared/registry/signing';
import { resignLegacyItem } from '../../../../shared/sync/legacyOutbox';
import { queuePingAck } from '../../../../shared/sync/outbox';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const dbs: PocDatabase[] = [];
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('the vault outbox keeps protocol v1 items apart: readable, not damaged, never sent as they are', () => {
  it('lists a v1 item for checking, not for sending; once signed again it is an ordinary outbox item', async () => {
    const db = new PocDatabase('legacy-outbox-0');
    dbs.push(db);
    const session = await createVault(db, 'a long enough passphrase', FAST);
    const store = new VaultSyncStore(session);
    const { privateKey, publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: 'Fictional POC' }],
      format: 'object',
    });
    const entry = fictionalDirectory({ size: 1 })[0]!;
    await store.saveState({
      registryUrl: 'https://registry.example',
      registryFingerprint: 'CD'.repeat(20),
      registryPublicKey: '-----BEGIN PGP PUBLIC KEY BLOCK-----',
      accountId: 'account-0001',
      state: entry.state,
      role: entry.role,
      ownFingerprint: fingerprintOf(publicKey),
      enrolledAt: '2026-01-01T00:00:00.000Z',
      lastSeq: 0,
      knownHead: 0,
      failures: 0,
    });
    const state = (await store.loadState())!;
    const sign = (statement: unknown) => signCanonical(statement, privateKey);
    await queuePingAck({ store, sign }, state, 'ping-current-01');

    const v1Statement = {
      purpose: 'entry-update',
      entry,
      baseRevision: entry.revision,
      idempotencyKey: 'v1-idempotency-key-0001',
    };
    const v1 = {
      id: 'outbox-v1-0001',
      kind: 'entry-update',
      createdAt: '2026-06-01T08:00:00.000Z',
      attempts: 2,
      nextAttemptAt: '2026-06-01T09:00:00.000Z',
      status: 'waiting',
      request: { statement: v1Statement, signature: await sign(v1Statement) },
    };
    await session.writeBatch([
      { collection: 'outbox', id: v1.id, value: v1 },
      { collection: 'outbox', id: 'outbox-broken-01', value: { kind: 'entry-update', nonsense: true } },
    ]);

    expect((await store.listOutbox()).map((i) => i.kind)).toEqual(['ping-ack']);
    expect((await store.listLegacyOutbox()).map((i) => i.id)).toEqual([v1.id]);
    // The sync status (the header badge) counts it apart: to check, not waiting to be sent.
    const controller = new SyncController(session, () => Promise.reject(new Error('offline')));
    expect(await controller.status()).toMatchObject({ outboxWaiting: 1, legacyToCheck: 1 });
    // Only the record that is neither current nor v1 is reported as damaged.
    expect(session.damaged.list(['outbox'])).toEqual([{ collection: 'outbox', id: 'outbox-broken-01' }]);

    const [legacy] = await store.listLegacyOutbox();
    const verify = (statement: unknown, signature: string) =>
      verifyCanonical(statement, signature, publicKey, fingerprintOf(publicKey));
    expect((await resignLegacyItem({ store, sign, verify }, legacy!, { confirmed: true })).ok).toBe(true);

    expect(await store.listLegacyOutbox()).toEqual([]);
    expect(await controller.status()).toMatchObject({ outboxWaiting: 2, legacyToCheck: 0 });
    const outbox = await store.listOutbox();
    expect(outbox.map((i) => i.id).sort()).toContain(v1.id);
    const converted = outbox.find((i) => i.id === v1.id);
    expect(converted).toMatchObject({
      kind: 'entry-update',
      status: 'waiting',
      request: { statement: { idempotencyKey: 'v1-idempotency-key-0001', registry: 'CD'.repeat(20) } },
    });
    // Replaced on purpose, after the user's confirmation: nothing went to quarantine.
    expect(await session.quarantinedCount()).toBe(0);
  });

  it('drops a v1 item the user discards', async () => {
    const db = new PocDatabase('legacy-outbox-1');
    dbs.push(db);
    const session = await createVault(db, 'a long enough passphrase', FAST);
    const store = new VaultSyncStore(session);
    await session.writeBatch([
      {
        collection: 'outbox',
        id: 'outbox-v1-0002',
        value: {
          id: 'outbox-v1-0002',
          kind: 'entry-update',
          createdAt: '2026-06-01T08:00:00.000Z',
          request: {
            statement: {
              purpose: 'entry-update',
              entry: {},
              baseRevision: 1,
              idempotencyKey: 'k'.repeat(16),
            },
            signature: 'AAAA',
          },
        },
      },
    ]);
    expect(await store.listLegacyOutbox()).toHaveLength(1);
    await store.discardOutbox('outbox-v1-0002');
    expect(await store.listLegacyOutbox()).toEqual([]);
  });
});
