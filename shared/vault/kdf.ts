import { argon2id } from 'hash-wasm';
import { z } from 'zod';

/**
 * Argon2id parameters. They live in the vault header, so a later version can raise them (re-wrapping
 * the data key) without breaking vaults made with lower ones. Defaults follow ARCHITECTURE.md
 * (64 MiB, t=3, p=1); `npm run bench` measures them on a 2-core machine (vault.kdf.ms).
 */
export const KdfParamsSchema = z.object({
  algorithm: z.literal('argon2id'),
  memoryKiB: z.number().int().min(19 * 1024).max(4 * 1024 * 1024),
  iterations: z.number().int().min(1).max(64),
  parallelism: z.number().int().min(1).max(16),
  salt: z.string().min(16).max(128),
});
export type KdfParams = z.infer<typeof KdfParamsSchema>;

export const DEFAULT_KDF_COST = { memoryKiB: 64 * 1024, iterations: 3, parallelism: 1 } as const;

/** Derives the 256-bit key-encryption key from a passphrase. */
export async function deriveKeyEncryptionKey(passphrase: string, params: KdfParams, salt: Uint8Array): Promise<Uint8Array> {
  const hash = await argon2id({
    password: passphrase.normalize('NFC'),
    salt,
    parallelism: params.parallelism,
    iterations: params.iterations,
    memorySize: params.memoryKiB,
    hashLength: 32,
    outputType: 'binary',
  });
  return hash;
}
