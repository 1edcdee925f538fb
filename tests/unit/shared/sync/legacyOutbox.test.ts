import * as openpgp from 'openpgp';
import { beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../../../registry/demo/fictionalDirectory';
import type { PointOfContact } from '../../../../shared/directory/model';
import { EntryUpdateStatementSchema } from '../../../../shared/registry/protocol';
import {
  fingerprintOf,
  signCanonical,
  verifyCanonical,
  type SigningKey,
  type VerificationKey,
} from '../../../../shared/registry/signing';
import {
  LegacyOutboxItemSchema,
  resignLegacyItem,
  reviewLegacyItem,
  type LegacyOutboxItem,
} from '../../../../shared/sync/legacyOutbox';
import { OutboxItemSchema, type SyncState } from '../../../../shared/sync/model';
import { MemorySyncStore } from '../../../../shared/sync/store';

const NOW = Date.parse('2026-12-01T10:00:00.000Z');
const REGISTRY = 'CD'.repeat(20);

async function keyPair(name: string): Promise<{ privateKey: SigningKey; publicKey: VerificationKey }> {
  const { privateKey, publicKey } = await openpgp.generateKey({
    type: 'ecc',
    curve: 'curve25519Legacy',
    userIDs: [{ name }],
    format: 'object',
  });
  return { privateKey, publicKey };
}

const entry: PointOfContact = {
  ...fictionalDirectory({ size: 1 })[0]!,
  text: { entity: 'CERT fictif — numéro de permanence changé' },
};

/** A v1 own-entry edit, as the app queued it before protocol v2: no registry, no signing time. */
async function v1Item(key: SigningKey, statementEntry: PointOfContact = entry): Promise<LegacyOutboxItem> {
  const statement = {
    purpose: 'entry-update',
    entry: statementEntry,
    baseRevision: statementEntry.revision,
    idempotencyKey: 'v1-idempotency-key-0001',
  };
  return LegacyOutboxItemSchema.parse({
    id: 'outbox-v1-0001',
    kind: 'entry-update',
    createdAt: '2026-06-01T08:00:00.000Z',
    attempts: 3,
    nextAttemptAt: '2026-06-01T09:00:00.000Z',
    status: 'waiting',
    request: { statement, signature: await signCanonical(statement, key) },
  });
}

describe('outbox items signed under protocol v1', () => {
  let own: Awaited<ReturnType<typeof keyPair>>;
  let other: Awaited<ReturnType<typeof keyPair>>;
  let store: MemorySyncStore;
  const verifyWith = (key: VerificationKey) => (statement: unknown, signature: string) =>
    verifyCanonical(statement, signature, key, fingerprintOf(key));
  const deps = () => ({
    store,
    sign: (statement: unknown) => signCanonical(statement, own.privateKey),
    verify: verifyWith(own.publicKey),
    now: () => NOW,
  });

  beforeAll(async () => {
    [own, other] = await Promise.all([keyPair('Fictional POC'), keyPair('Someone else')]);
  });

  const freshStore = () => {
    store = new MemorySyncStore();
    const state: SyncState = {
      registryUrl: 'https://registry.example',
      registryFingerprint: REGISTRY,
      registryPublicKey: '-----BEGIN PGP PUBLIC KEY BLOCK-----',
      accountId: 'account-0001',
      state: entry.state,
      role: entry.role,
      ownFingerprint: fingerprintOf(own.publicKey),
      enrolledAt: '2026-01-01T00:00:00.000Z',
      lastSeq: 0,
      knownHead: 0,
      failures: 0,
    };
    store.snapshot.state = state;
  };

  it('is not a current item: it cannot be sent as it is', async () => {
    const item = await v1Item(own.privateKey);
    expect(OutboxItemSchema.safeParse(item).success).toBe(false);
  });

  it('becomes a valid current item only after the user confirms, keeping its id, idempotency key and base revision', async () => {
    freshStore();
    const item = await v1Item(own.privateKey);

    const review = await reviewLegacyItem(item, verifyWith(own.publicKey));
    expect(review).toMatchObject({ ok: true, entry: { text: { entity: entry.text.entity } } });
    // Looking at it signs nothing and queues nothing.
    expect(store.snapshot.outbox.size).toBe(0);
    await expect(
      resignLegacyItem(deps(), item, { confirmed: false } as unknown as { confirmed: true }),
    ).rejects.toThrow(TypeError);
    expect(store.snapshot.outbox.size).toBe(0);

    const result = await resignLegacyItem(deps(), item, { confirmed: true });
    expect(result.ok).toBe(true);
    const [queued] = await store.listOutbox();
    expect(OutboxItemSchema.parse(queued)).toMatchObject({
      id: item.id,
      kind: 'entry-update',
      status: 'waiting',
      attempts: 0,
      createdAt: item.createdAt,
    });
    if (queued?.kind !== 'entry-update') throw new Error('expected an entry update');
    const { statement, signature } = queued.request;
    expect(EntryUpdateStatementSchema.parse(statement)).toEqual({
      purpose: 'entry-update',
      registry: REGISTRY,
      signedAt: new Date(NOW).toISOString(),
      entry,
      baseRevision: entry.revision,
      idempotencyKey: 'v1-idempotency-key-0001',
    });
    expect(await verifyCanonical(statement, signature, own.publicKey, fingerprintOf(own.publicKey))).toBe(
      true,
    );
  });

  it('refuses a v1 item altered after it was signed, and signs nothing', async () => {
    freshStore();
    const item = await v1Item(own.privateKey);
    const tampered: LegacyOutboxItem = structuredClone(item);
    (tampered.request.statement.entry as PointOfContact).emails = ['attacker@mail.example'];

    expect(await reviewLegacyItem(tampered, verifyWith(own.publicKey))).toEqual({
      ok: false,
      reason: 'signature-invalid',
    });
    expect(await resignLegacyItem(deps(), tampered, { confirmed: true })).toEqual({
      ok: false,
      reason: 'signature-invalid',
    });
    expect(store.snapshot.outbox.size).toBe(0);
  });

  it('refuses a v1 item signed with another key than the enrolled one', async () => {
    freshStore();
    const item = await v1Item(other.privateKey);
    expect(await resignLegacyItem(deps(), item, { confirmed: true })).toEqual({
      ok: false,
      reason: 'signature-invalid',
    });
    expect(store.snapshot.outbox.size).toBe(0);
  });

  it('refuses a signed v1 item that does not read exactly as a v1 edit (nothing is dropped on the way)', async () => {
    freshStore();
    const withUnknownMember = { ...entry, fax: '+41 22 000 00 00' } as PointOfContact;
    const item = await v1Item(own.privateKey, withUnknownMember);
    expect(await reviewLegacyItem(item, verifyWith(own.publicKey))).toEqual({
      ok: false,
      reason: 'unreadable',
    });
    expect(await resignLegacyItem(deps(), item, { confirmed: true })).toMatchObject({ ok: false });
    expect(store.snapshot.outbox.size).toBe(0);
  });

  it('does not take a current item for a v1 one', async () => {
    freshStore();
    const item = await v1Item(own.privateKey);
    await resignLegacyItem(deps(), item, { confirmed: true });
    const [current] = await store.listOutbox();
    expect(LegacyOutboxItemSchema.safeParse(current).success).toBe(false);
  });
});
