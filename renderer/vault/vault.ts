import {
  createVaultHeader,
  parseVaultHeader,
  unwrapWithPassphrase,
  type VaultHeader,
} from '../../shared/vault/header';
import { VaultError } from '../../shared/vault/errors';
import { DEFAULT_KDF_COST, type KdfParams } from '../../shared/vault/kdf';
import type { PocDatabase } from '../db/database';
import { VaultSession } from './session';

export type KdfCost = Omit<KdfParams, 'algorithm' | 'salt'>;

export async function readVaultHeader(db: PocDatabase): Promise<VaultHeader | null> {
  const stored = await db.vault.get('header');
  return stored ? parseVaultHeader(stored.header) : null;
}

export async function vaultExists(db: PocDatabase): Promise<boolean> {
  return (await db.vault.get('header')) !== undefined;
}

export async function createVault(
  db: PocDatabase,
  passphrase: string,
  cost: KdfCost = DEFAULT_KDF_COST,
): Promise<VaultSession> {
  if (await vaultExists(db)) throw new VaultError('already-exists');
  const { header, vault } = await createVaultHeader(passphrase, cost);
  const session = await VaultSession.open(db, vault);
  vault.raw.fill(0);
  await db.vault.put({ key: 'header', header });
  return session;
}

export async function unlockVault(db: PocDatabase, passphrase: string): Promise<VaultSession> {
  const header = await readVaultHeader(db);
  if (!header) throw new VaultError('no-vault');
  const vault = await unwrapWithPassphrase(header, passphrase);
  const session = await VaultSession.open(db, vault);
  vault.raw.fill(0);
  return session;
}
