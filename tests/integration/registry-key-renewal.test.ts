import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import type { PocRole, PointOfContact } from '../../shared/directory/model';
import { generateIdentity, renewKey, type GeneratedIdentity } from '../../shared/openpgp/keys';
import {
  readVerificationKey,
  signCanonical,
  verifyCanonical,
  type SigningKey,
} from '../../shared/registry/signing';
import { fetchRegistryIdentity, enrolWithRegistry } from '../../shared/sync/enrolment';
import { RegistryClient } from '../../shared/sync/registryClient';
import type { SyncState } from '../../shared/sync/model';
import { MemorySyncStore } from '../../shared/sync/store';
import { SyncEngine } from '../../shared/sync/syncEngine';
import { nodeFetch, startRegistry, type RunningRegistry } from '../support/registry-harness';

const HOUR = 3_600_000;

/**
 * A POC's key expires (two years by default); "Renew" in My keys gives it new self-signatures with a
 * new expiry, same fingerprint. The registry verifies each statement of the account (session, edit,
 * ping answer) with its own copy of the key, so it must learn the renewed copy, or a POC who renewed
 * in time is shut out on the old expiry date. It learns it when the POC publishes the renewed key in
 * its entry (the app's "Publish my renewed key"). Here the enrolled key was made half an hour ago
 * and lives one hour, it is renewed now, and the clock is then moved two hours on (Date only: openpgp
 * and the registry read it, sockets are untouched).
 */
describe('a renewed key keeps the POC in (the registry learns it from the entry or the session)', () => {
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 60 });
  const fraTech = entries.find((e) => e.state === 'FRA' && e.role === 'technical')!;
  const deuTech = entries.find((e) => e.state === 'DEU' && e.role === 'technical')!;

  beforeAll(async () => {
    registry = await startRegistry({ now: () => Date.now() });
    registry.server.context.directory.importEntries(entries);
  });
  afterAll(() => registry.stop());
  afterEach(() => void vi.useRealTimers());

  /** Made half an hour ago, expires in half an hour (a renewal's self-signature must be newer). */
  const shortLivedKey = (name: string) =>
    generateIdentity({ name, expiresInSeconds: 3_600, date: new Date(Date.now() - HOUR / 2) });

  const newClient = () => new RegistryClient({ baseUrl: registry.url, fetch: nodeFetch });

  async function enrol(
    state: string,
    key: GeneratedIdentity,
    role: PocRole = 'technical',
  ): Promise<SyncState> {
    const client = newClient();
    return enrolWithRegistry({
      client,
      confirmed: await fetchRegistryIdentity(client),
      code: registry.issueCode(state, role),
      ownPublicKey: key.publicKeyArmored,
    });
  }

  /** Signs a fresh challenge with `key`, optionally sending `renewedKey` along (as the app's retry does). */
  async function openSession(state: SyncState, key: SigningKey, renewedKey?: string): Promise<string> {
    const client = newClient();
    const challenge = await client.challenge(state.accountId);
    const statement = {
      purpose: 'session' as const,
      registry: state.registryFingerprint,
      challengeId: challenge.challengeId,
      nonce: challenge.nonce,
    };
    return (await client.session(statement, await signCanonical(statement, key), renewedKey)).token;
  }

  async function publishKey(state: SyncState, token: string, entry: PointOfContact, key: SigningKey) {
    const current = registry.server.context.directory.get(entry.id)!;
    const statement = {
      purpose: 'entry-update',
      registry: state.registryFingerprint,
      signedAt: new Date().toISOString(),
      entry: {
        ...current,
        openpgp: { fingerprint: state.ownFingerprint, publicKey: key.toPublic().armor() },
      },
      baseRevision: current.revision,
      idempotencyKey: `renew${Math.random().toString(36).slice(2)}${'x'.repeat(24)}`.slice(0, 32),
    };
    const response = await fetch(`${registry.url}/v1/entries/${entry.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ statement, signature: await signCanonical(statement, key) }),
    });
    return response.status;
  }

  it('renewed and published in time: sessions still open after the enrolled copy expired', async () => {
    const key = await shortLivedKey('Fictional FRA POC (test)');
    const state = await enrol('FRA', key);
    const renewed = await renewKey(key.privateKey);
    expect(await publishKey(state, await openSession(state, key.privateKey), fraTech, renewed)).toBe(200);
    expect(registry.server.context.directory.get(fraTech.id)!.openpgp!.publicKey).toBe(
      renewed.toPublic().armor(),
    );

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * HOUR });
    // The copy sent at enrolment no longer verifies anything signed now (so the next line is no
    // accident of a registry that ignores expiry: see the second test)…
    const probe = { purpose: 'probe', at: new Date().toISOString() };
    const enrolledCopy = await readVerificationKey(key.publicKeyArmored);
    expect(
      await verifyCanonical(probe, await signCanonical(probe, renewed), enrolledCopy, key.fingerprint),
    ).toBe(false);
    // …while the registry, holding the merged copy, still opens a session and takes an edit.
    const token = await openSession(state, renewed);
    expect(token).toMatch(/\S{20,}/);
    expect(await publishKey(state, token, fraTech, renewed)).toBe(200);
  });

  it('renewed but never published: refused after the old expiry, with the reason', async () => {
    const key = await shortLivedKey('Fictional DEU POC (test)');
    const state = await enrol('DEU', key);
    const renewed = await renewKey(key.privateKey);
    expect(registry.server.context.directory.get(deuTech.id)).toBeDefined();

    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * HOUR });
    await expect(openSession(state, renewed)).rejects.toMatchObject({ code: 'signature-invalid' });
  });

  it('renewed only after the registry copy expired: the app sends the renewed copy with its session and is let in', async () => {
    const key = await shortLivedKey('Fictional FRA diplomatic POC (test)');
    const state = await enrol('FRA', key, 'diplomatic');
    const client = newClient();
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + 2 * HOUR });
    const renewed = await renewKey(key.privateKey); // today, after the old expiry
    const store = new MemorySyncStore();
    await store.saveState(state);
    const engine = (ownPublicKey?: () => Promise<string | null>) =>
      new SyncEngine({
        store,
        client,
        sign: (statement) => signCanonical(statement, renewed),
        ...(ownPublicKey ? { ownPublicKey } : {}),
      });

    // Without the renewed copy, refused (the registry's copy has expired)…
    await expect(engine().withSession((token) => client.account(token))).rejects.toMatchObject({
      code: 'signature-invalid',
    });
    // …with it, the engine's second attempt is let in, and the registry keeps the merged copy.
    const rights = await engine(() => Promise.resolve(renewed.toPublic().armor())).withSession((token) =>
      client.account(token),
    );
    expect(rights).toMatchObject({ state: 'FRA', role: 'diplomatic' });
    const kept = await readVerificationKey(registry.server.context.accounts.get(state.accountId)!.publicKey);
    expect(await kept.getExpirationTime()).toEqual(await renewed.getExpirationTime());
    expect(await engine().withSession((token) => client.account(token))).toMatchObject({ state: 'FRA' });
  });

  it("another key sent as the 'renewed' copy opens nothing and changes nothing", async () => {
    const victim = await shortLivedKey('Fictional DEU diplomatic POC (test)');
    const state = await enrol('DEU', victim, 'diplomatic');
    const attacker = await generateIdentity({ name: 'Fictional attacker (test)' });
    await expect(openSession(state, attacker.privateKey, attacker.publicKeyArmored)).rejects.toMatchObject({
      code: 'signature-invalid',
    });
    expect(registry.server.context.accounts.get(state.accountId)!.publicKey).toBe(victim.publicKeyArmored);
  });
});
