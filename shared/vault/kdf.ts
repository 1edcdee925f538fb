import { argon2id } from 'hash-wasm';
import { z } from 'zod';
import { VaultError } from './errors';

/**
 * Argon2id parameters. They live in the vault header, so a later version can raise them (re-wrapping
 * the data key) without breaking vaults made with lower ones. Defaults follow ARCHITECTURE.md
 * (64 MiB, t=3, p=1); `npm run bench` measures them on a 2-core machine (vault.kdf.ms).
 */
export const KdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z
    .number()
    .int()
    .min(19 * 1024)
    .max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
  salt: z.string().min(16).max(128),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export const DEFAULT_KDF_COST = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

/**
 * What this app will ever spend on one derivation. A vault header or backup file is input from disk
 * or from someone else: its Argon2id parameters are checked against these bounds BEFORE deriving,
 * so a crafted file cannot make the app demand 4 GiB of memory or hours of work (issue 9 §6).
 * 1 GiB is 16× the default; the work bound is what kdfTuning.ts can produce (64 MiB × 64 passes).
 */
export const KDF_LIMITS = {
  maxMemoryKiB: 1024 * 1024,
  maxIterations: 64,
  maxParallelism: 16,
  maxWorkKiB: 64 * 1024 * 64,
} as const;

/** Throws VaultError('kdf-out-of-bounds') for parameters beyond KDF_LIMITS. */
export function assertKdfWithinBounds(
  params: Pick<KdfParams, 'memoryKiB' | 'iterations' | 'parallelism'>,
): void {
  const { memoryKiB, iterations, parallelism } = params;
  if (
    memoryKiB > KDF_LIMITS.maxMemoryKiB ||
    iterations > KDF_LIMITS.maxIterations ||
    parallelism > KDF_LIMITS.maxParallelism ||
    memoryKiB * iterations > KDF_LIMITS.maxWorkKiB
  ) {
    throw new VaultError(
      'kdf-out-of-bounds',
      `Argon2id m=${memoryKiB} KiB, t=${iterations}, p=${parallelism} exceeds this app's bounds.`,
    );
  }
}

/** The name of the User Timing measure of each key derivation. */
export const KDF_MEASURE = 'vault.kdf';

/** Derives the 256-bit key-encryption key from a passphrase (within KDF_LIMITS, or not at all). */
export async function deriveKeyEncryptionKey(
  passphrase: string,
  params: KdfParams,
  salt: Uint8Array,
): Promise<Uint8Array> {
  assertKdfWithinBounds(params);
  // A User Timing entry (a duration, nothing else): lets a benchmark subtract the passphrase check
  // of this very unlock from the time to the list, measured in the same page.
  const started = performance.now();
  const hash = await argon2id({
    password: passphrase.normalize('NFC'),
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  performance.clearMeasures(KDF_MEASURE); // only the last one is kept
  performance.measure(KDF_MEASURE, { start: started, end: performance.now() });
  return hash;
}
