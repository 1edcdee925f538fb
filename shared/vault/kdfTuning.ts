import { DEFAULT_KDF_COST, deriveKeyEncryptionKey, type KdfParams } from './kdf';

export type KdfCost = Omit<KdfParams, 'algorithm' | 'salt'>;

/** The unlock time the tuning aims for, and the band it must stay in (issue 3: 250–1,500 ms). */
export const KDF_TARGET_MS = 600;
export const KDF_MIN_MS = 250;
export const KDF_MAX_MS = 1500;
/** Memory never goes below 64 MiB (ARCHITECTURE.md); only the pass count moves. */
export const KDF_MIN_MEMORY_KIB = 64 * 1024;

const SALT = new Uint8Array(16);

/** Milliseconds one derivation takes at a cost, on this machine. */
export async function measureKdf(
  cost: KdfCost,
  now: () => number = () => performance.now(),
): Promise<number> {
  const started = now();
  await deriveKeyEncryptionKey(
    'kdf-tuning-probe',
    { algorithm: 'argon2id', ...cost, salt: 'AAAAAAAAAAAAAAAAAAAAAA==' },
    SALT,
  );
  return now() - started;
}

/**
 * Picks the Argon2id pass count so that unlocking takes about KDF_TARGET_MS here, starting from the
 * default (64 MiB, t=3, p=1): Argon2 time grows linearly with passes. A slow machine keeps t=1 at
 * 64 MiB rather than giving up memory hardness. The result is written into the vault header, so a
 * later version can raise it.
 */
export async function tuneKdfCost(
  measure: (cost: KdfCost) => Promise<number> = (cost) => measureKdf(cost),
): Promise<KdfCost> {
  const base: KdfCost = {
    ...DEFAULT_KDF_COST,
    memoryKiB: Math.max(DEFAULT_KDF_COST.memoryKiB, KDF_MIN_MEMORY_KIB),
  };
  const ms = await measure(base);
  if (!(ms > 0)) return base;
  const perPass = ms / base.iterations;
  const iterations = Math.min(64, Math.max(1, Math.round(KDF_TARGET_MS / perPass)));
  return { ...base, iterations };
}
