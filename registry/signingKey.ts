import { chmodSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  fingerprintOf,
  generateSigningKey,
  readSigningKey,
  type SigningKey,
} from '../shared/registry/signing';

export interface RegistrySigningKey {
  key: SigningKey;
  publicKey: string;
  fingerprint: string;
  /** True when this call generated the key (first start). */
  created: boolean;
}

const PRIVATE_FILE = 'registry-signing-key.asc';
const PUBLIC_FILE = 'registry-public-key.asc';

/**
 * The registry's OpenPGP signing key lives in its data folder, readable by its owner only; it is
 * created on first start. The public key file is what the manager hands to Permanent Missions
 * together with the fingerprint, which every app pins at enrolment.
 */
export async function loadOrCreateSigningKey(dataDir: string, name: string): Promise<RegistrySigningKey> {
  const privatePath = join(dataDir, PRIVATE_FILE);
  let created = false;
  if (!existsSync(privatePath)) {
    const generated = await generateSigningKey(name);
    writeFileSync(privatePath, generated.privateKey, { mode: 0o600, flag: 'wx' });
    writeFileSync(join(dataDir, PUBLIC_FILE), generated.publicKey);
    created = true;
  }
  chmodSync(privatePath, 0o600);
  const key = await readSigningKey(readFileSync(privatePath, 'utf8'));
  return { key, publicKey: key.toPublic().armor(), fingerprint: fingerprintOf(key), created };
}
