import 'fake-indexeddb/auto';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import { putEntries } from '../../../../renderer/directory/store';
import { ownKeyPublication, publishOwnKey } from '../../../../renderer/identity/ownEntryKey';
import { saveOwnIdentity, type OwnIdentity } from '../../../../renderer/messaging/ownIdentity';
import { syncControllerFor } from '../../../../renderer/sync/syncController';
import { createVault } from '../../../../renderer/vault/vault';
import type { VaultSession } from '../../../../renderer/vault/session';
import type { PointOfContact } from '../../../../shared/directory/model';
import {
  generateIdentity,
  readPublicKey,
  renewKey,
  type GeneratedIdentity,
} from '../../../../shared/openpgp/keys';
import { readVerificationKey, verifyCanonical } from '../../../../shared/registry/signing';
import type { SyncState } from '../../../../shared/sync/model';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const PASS = 'fictional vault passphrase for identity tests';
const OTHER_FINGERPRINT = 'AB'.repeat(20);
const dbs: PocDatabase[] = [];
let counter = 0;
let own: GeneratedIdentity;

beforeAll(async () => {
  own = await generateIdentity({ name: 'Fictional POC (test)', email: 'poc@cert.example' });
  // The registry is never reached in these tests: every fetch fails as if offline.
  vi.stubGlobal('fetch', () => Promise.reject(new TypeError('offline (test)')));
});
afterAll(() => void vi.unstubAllGlobals());
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

function ownIdentity(): OwnIdentity {
  const at = '2026-11-01T10:00:00.000Z';
  return {
    fingerprint: own.fingerprint,
    privateKeyArmored: own.privateKeyArmored,
    publicKeyArmored: own.publicKeyArmored,
    revocationCertificate: own.revocationCertificate,
    algorithm: 'ed25519',
    userIds: ['Fictional POC (test) <poc@cert.example>'],
    createdAt: at,
    expiresAt: null,
    origin: 'generated',
    updatedAt: at,
  };
}

function entry(
  id: string,
  state: string,
  role: PointOfContact['role'],
  extra: Partial<PointOfContact> = {},
): PointOfContact {
  return {
    id,
    state,
    role,
    kind: 'entity',
    language: 'fr',
    text: { entity: `Agence fictive ${id}` },
    phones: [],
    emails: [`${id}@cert.example`],
    workingLanguages: ['fr'],
    regionalDirectories: [],
    revision: 3,
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...extra,
  };
}

function enrolment(ownFingerprint: string): SyncState {
  return {
    registryUrl: 'http://127.0.0.1:9/',
    registryFingerprint: 'CD'.repeat(20),
    registryPublicKey: 'fictional registry key',
    accountId: 'account-fictional',
    state: 'FRA',
    role: 'technical',
    ownFingerprint,
    enrolledAt: '2026-11-01T09:00:00.000Z',
    lastSeq: 0,
    knownHead: 0,
    failures: 0,
  };
}

/** A vault with the own identity, optionally enrolled, with a directory of entries. */
async function vault(
  options: { enrolledAs?: string; entries?: PointOfContact[] } = {},
): Promise<VaultSession> {
  const db = new PocDatabase(`own-entry-key-test-${counter++}`);
  dbs.push(db);
  const session = await createVault(db, PASS, FAST);
  await saveOwnIdentity(session, ownIdentity());
  if (options.enrolledAs) await syncControllerFor(session).store.saveState(enrolment(options.enrolledAs));
  if (options.entries?.length) await putEntries(session, options.entries);
  return session;
}

/** Entries of the own State (FRA) and role (technical), and some that are not. */
const OWN_B = entry('fra-tech-b', 'FRA', 'technical');
const OWN_A = entry('fra-tech-a', 'FRA', 'technical');
const OWN_DIPLOMATIC = entry('fra-dipl', 'FRA', 'diplomatic');
const FOREIGN = entry('deu-tech', 'DEU', 'technical');

async function publishAndSettle(session: VaultSession, target: PointOfContact): Promise<void> {
  await publishOwnKey(session, ownIdentity(), target);
  // The controller starts a sync at once; let it fail (offline) before looking.
  await syncControllerFor(session).syncNow();
}

describe('own key in the own directory entry', () => {
  it('not enrolled: says so, whatever the directory holds', async () => {
    const session = await vault({ entries: [OWN_A] });
    expect(await ownKeyPublication(session, ownIdentity())).toEqual({ kind: 'not-enrolled' });
  });

  it('enrolled with another key than this vault holds: other-key, never offered to publish', async () => {
    const session = await vault({ enrolledAs: OTHER_FINGERPRINT, entries: [OWN_A] });
    expect(await ownKeyPublication(session, ownIdentity())).toEqual({
      kind: 'other-key',
      state: 'FRA',
      role: 'technical',
    });
  });

  it('enrolled, but no entry of the own State AND role on this device: no-entry', async () => {
    const session = await vault({ enrolledAs: own.fingerprint, entries: [OWN_DIPLOMATIC, FOREIGN] });
    expect(await ownKeyPublication(session, ownIdentity())).toEqual({
      kind: 'no-entry',
      state: 'FRA',
      role: 'technical',
    });
  });

  it('ready: offers only the own State and role entries, oldest id first', async () => {
    const session = await vault({
      enrolledAs: own.fingerprint,
      entries: [OWN_B, FOREIGN, OWN_A, OWN_DIPLOMATIC],
    });
    const status = await ownKeyPublication(session, ownIdentity());
    expect(status.kind).toBe('ready');
    expect(status.kind === 'ready' && status.entries.map((e) => e.id)).toEqual(['fra-tech-a', 'fra-tech-b']);
  });

  it('the default (first) entry is by id, whatever order the store happens to list them in', async () => {
    // Stored (binary) key order puts 'FRA-…' before 'fra-…'; the offered order is by id as people read it.
    const upper = entry('FRA-tech-z', 'FRA', 'technical');
    const session = await vault({ enrolledAs: own.fingerprint, entries: [upper, OWN_A] });
    const status = await ownKeyPublication(session, ownIdentity());
    expect(status.kind === 'ready' && status.entries.map((e) => e.id)).toEqual(['fra-tech-a', 'FRA-tech-z']);
  });

  it('publishing queues ONE signed update of the chosen entry, carrying the own key; status becomes queued', async () => {
    const session = await vault({ enrolledAs: own.fingerprint, entries: [OWN_A, OWN_B] });
    await publishAndSettle(session, OWN_B);

    const outbox = await syncControllerFor(session).store.listOutbox();
    expect(outbox).toHaveLength(1);
    const item = outbox[0];
    if (item?.kind !== 'entry-update') throw new Error('expected an entry update in the outbox');
    const { statement, signature } = item.request;
    expect(statement.entry).toEqual({
      ...OWN_B,
      openpgp: { fingerprint: own.fingerprint, publicKey: own.publicKeyArmored },
    });
    expect(statement.baseRevision).toBe(OWN_B.revision);
    // Signed with the own key, so the registry can check it against the enrolment.
    expect(
      await verifyCanonical(
        statement,
        signature,
        await readVerificationKey(own.publicKeyArmored),
        own.fingerprint,
      ),
    ).toBe(true);
    // Offline: it waits, it is not lost or rejected.
    expect(item.status).toBe('waiting');

    const status = await ownKeyPublication(session, ownIdentity());
    expect(status).toMatchObject({ kind: 'queued', conflict: false, entry: { id: 'fra-tech-b' } });
  });

  it('a conflict on the queued update is reported as queued with conflict', async () => {
    const session = await vault({ enrolledAs: own.fingerprint, entries: [OWN_A] });
    await publishAndSettle(session, OWN_A);
    const store = syncControllerFor(session).store;
    const [item] = await store.listOutbox();
    if (!item) throw new Error('nothing queued');
    await store.putOutbox({ ...item, status: 'conflict' });
    expect(await ownKeyPublication(session, ownIdentity())).toMatchObject({
      kind: 'queued',
      conflict: true,
      entry: { id: 'fra-tech-a' },
    });
  });

  it('a rejected update is reported as rejected, with the entries to try again', async () => {
    const session = await vault({ enrolledAs: own.fingerprint, entries: [OWN_A, OWN_DIPLOMATIC] });
    await publishAndSettle(session, OWN_A);
    const store = syncControllerFor(session).store;
    const [item] = await store.listOutbox();
    if (!item) throw new Error('nothing queued');
    await store.putOutbox({ ...item, status: 'rejected', lastError: { code: 'forbidden', message: 'test' } });
    const status = await ownKeyPublication(session, ownIdentity());
    expect(status.kind).toBe('rejected');
    expect(status.kind === 'rejected' && status.entries.map((e) => e.id)).toEqual(['fra-tech-a']);
  });

  it('an update queued for an older key does not count as the own key being on its way', async () => {
    const session = await vault({ enrolledAs: own.fingerprint, entries: [OWN_A] });
    await publishOwnKey(session, { ...ownIdentity(), fingerprint: OTHER_FINGERPRINT }, OWN_A);
    await syncControllerFor(session).syncNow();
    expect((await ownKeyPublication(session, ownIdentity())).kind).toBe('ready');
  });

  it('published once the directory entry carries the own fingerprint (even with an update still listed)', async () => {
    const withKey = {
      ...OWN_A,
      revision: 4,
      openpgp: { fingerprint: own.fingerprint, publicKey: own.publicKeyArmored },
    };
    const session = await vault({ enrolledAs: own.fingerprint, entries: [withKey, OWN_B] });
    await publishAndSettle(session, OWN_B);
    expect(await ownKeyPublication(session, ownIdentity())).toMatchObject({
      kind: 'published',
      entry: { id: 'fra-tech-a', revision: 4 },
    });
  });

  it('an entry carrying some other key is not "published"', async () => {
    const stale = { ...OWN_A, openpgp: { fingerprint: OTHER_FINGERPRINT, publicKey: 'old fictional key' } };
    const session = await vault({ enrolledAs: own.fingerprint, entries: [stale] });
    expect((await ownKeyPublication(session, ownIdentity())).kind).toBe('ready');
  });
});

describe('after a renewal: same fingerprint, new expiry (My keys → Renew)', () => {
  let aged: GeneratedIdentity;
  let renewedArmour: string;
  const DAY = 86_400_000;

  beforeAll(async () => {
    // Made a month ago (a renewal's self-signature must be newer than the first), renewed now.
    aged = await generateIdentity({
      name: 'Fictional POC (test)',
      email: 'poc@cert.example',
      date: new Date(Date.now() - 30 * DAY),
    });
    renewedArmour = (await renewKey(aged.privateKey)).toPublic().armor();
  });

  const renewedIdentity = (): OwnIdentity => ({
    ...ownIdentity(),
    fingerprint: aged.fingerprint,
    publicKeyArmored: renewedArmour,
  });
  const carrying = (publicKey: string, revision = 3) => ({
    ...OWN_A,
    revision,
    openpgp: { fingerprint: aged.fingerprint, publicKey },
  });

  it('the entry still carries the copy from before: outdated, with its expiry; publishing replaces it', async () => {
    const session = await vault({ enrolledAs: aged.fingerprint, entries: [carrying(aged.publicKeyArmored)] });
    const status = await ownKeyPublication(session, renewedIdentity());
    const oldExpiry = (await (await readPublicKey(aged.publicKeyArmored)).getExpirationTime()) as Date;
    // Two years from a month ago: the date peers stop reaching this POC if nothing is done.
    expect(oldExpiry.getTime()).toBeGreaterThan(Date.now() + 600 * DAY);
    expect(status).toEqual({
      kind: 'outdated',
      entry: carrying(aged.publicKeyArmored),
      directoryExpiresAt: oldExpiry.toISOString(),
    });

    if (status.kind !== 'outdated') throw new Error('expected outdated');
    await publishOwnKey(session, renewedIdentity(), status.entry);
    await syncControllerFor(session).syncNow();
    const [item] = await syncControllerFor(session).store.listOutbox();
    if (item?.kind !== 'entry-update') throw new Error('expected an entry update in the outbox');
    expect(item.request.statement.entry.openpgp).toEqual({
      fingerprint: aged.fingerprint,
      publicKey: renewedArmour,
    });
    expect(item.request.statement.baseRevision).toBe(3);
    expect(await ownKeyPublication(session, renewedIdentity())).toMatchObject({ kind: 'queued' });

    // The registry took it and the next sync brought the entry back with the renewed copy.
    await putEntries(session, [carrying(renewedArmour, 4)]);
    expect(await ownKeyPublication(session, renewedIdentity())).toMatchObject({
      kind: 'published',
      entry: { revision: 4 },
    });
  });

  it('an update queued before the renewal (earlier copy) does not count as publishing the renewed one', async () => {
    const session = await vault({ enrolledAs: aged.fingerprint, entries: [OWN_A] });
    await publishOwnKey(
      session,
      { fingerprint: aged.fingerprint, publicKeyArmored: aged.publicKeyArmored },
      OWN_A,
    );
    await syncControllerFor(session).syncNow();
    expect((await ownKeyPublication(session, renewedIdentity())).kind).toBe('ready');
  });

  it('the renewed copy armoured by another tool (a Comment header) is the same copy: published', async () => {
    const otherwise = renewedArmour.replace(
      '-----BEGIN PGP PUBLIC KEY BLOCK-----\n',
      '-----BEGIN PGP PUBLIC KEY BLOCK-----\nComment: fictional other tool\n',
    );
    expect(otherwise).not.toBe(renewedArmour);
    const session = await vault({ enrolledAs: aged.fingerprint, entries: [carrying(otherwise)] });
    expect((await ownKeyPublication(session, renewedIdentity())).kind).toBe('published');
  });
});
