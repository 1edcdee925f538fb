import type * as openpgp from 'openpgp';
import type { PointOfContact } from '../../shared/directory/model';
import { readPublicKey } from '../../shared/openpgp/keys';
import type { DirectorySigner } from '../../shared/messages/verdict';
import { entryDisplayName } from '../components/entryNames';

/**
 * Parsed public keys, cached by armoured text for the session (parsing thousands of directory keys
 * on every message would be slow). Keys that fail to parse are skipped, never trusted.
 */
const cache = new Map<string, Promise<openpgp.PublicKey | null>>();

export function parseKeyCached(armored: string): Promise<openpgp.PublicKey | null> {
  let hit = cache.get(armored);
  if (!hit) {
    hit = readPublicKey(armored).catch(() => null);
    cache.set(armored, hit);
  }
  return hit;
}

export async function directoryKeys(
  entries: readonly PointOfContact[],
): Promise<{ keys: openpgp.PublicKey[]; signers: DirectorySigner[] }> {
  const keys: openpgp.PublicKey[] = [];
  const signers: DirectorySigner[] = [];
  for (const entry of entries) {
    if (!entry.openpgp) continue;
    const key = await parseKeyCached(entry.openpgp.publicKey);
    // The key must really be the one whose fingerprint the directory states.
    if (!key || key.getFingerprint().toUpperCase() !== entry.openpgp.fingerprint) continue;
    keys.push(key);
    signers.push({
      pocId: entry.id,
      state: entry.state,
      role: entry.role,
      name: entryDisplayName(entry),
      fingerprint: entry.openpgp.fingerprint,
    });
  }
  return { keys, signers };
}
