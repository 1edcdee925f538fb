import type { RegistryInfo } from '../registry/protocol';
import { fingerprintOf, readVerificationKey } from '../registry/signing';
import { SyncError } from './errors';
import type { SyncState } from './model';
import type { RegistryClient } from './registryClient';

/**
 * Step 1 of enrolment: fetch the registry's public key and check that it is the key its
 * fingerprint names. The user compares that fingerprint with the one the Permanent Mission received
 * from the registry manager (A §7 c) before anything is sent.
 */
export async function fetchRegistryIdentity(client: RegistryClient): Promise<RegistryInfo> {
  const info = await client.info();
  const key = await readVerificationKey(info.publicKey);
  if (fingerprintOf(key) !== info.fingerprint)
    throw new SyncError('wrong-key', 'the registry key does not match its fingerprint');
  return info;
}

/**
 * Step 2, after the user confirmed the fingerprint: register the POC's public key with the one-time
 * code and pin the confirmed registry key. Returns the first sync state (nothing applied yet).
 */
export async function enrolWithRegistry(input: {
  client: RegistryClient;
  confirmed: RegistryInfo;
  code: string;
  ownPublicKey: string;
  now?: () => number;
}): Promise<SyncState> {
  const response = await input.client.enrol(input.code, input.ownPublicKey);
  if (response.registry !== input.confirmed.fingerprint) {
    throw new SyncError(
      'registry-changed',
      'the registry that enrolled you is not the one whose fingerprint you confirmed',
    );
  }
  return {
    registryUrl: input.client.baseUrl,
    registryFingerprint: input.confirmed.fingerprint,
    registryPublicKey: input.confirmed.publicKey,
    accountId: response.accountId,
    state: response.state,
    role: response.role,
    ownFingerprint: response.fingerprint,
    enrolledAt: new Date((input.now ?? Date.now)()).toISOString(),
    lastSeq: 0,
    knownHead: 0,
    failures: 0,
  };
}

/** "AB12 CD34 …": the fingerprint in groups of four, for reading aloud and comparing by eye. */
export function groupFingerprint(fingerprint: string): string {
  return fingerprint.replace(/(.{4})(?=.)/g, '$1 ');
}
