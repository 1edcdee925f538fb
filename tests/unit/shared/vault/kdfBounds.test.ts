import { afterEach, describe, expect, it, vi } from 'vitest';
import * as hashWasm from 'hash-wasm';
import { decodeBackup, encodeBackup } from '../../../../shared/vault/backup';
import { createVaultHeader, parseVaultHeader, unwrapWithPassphrase } from '../../../../shared/vault/header';
import { KDF_LIMITS } from '../../../../shared/vault/kdf';

vi.mock('hash-wasm', { spy: true });
const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const PASS = 'a fictional passphrase, long';
afterEach(() => vi.mocked(hashWasm.argon2id).mockClear());

/** A backup file whose header asks for `kdf` (the rest is a genuine backup). */
async function backupAsking(kdf: {
  memoryKiB?: number;
  iterations?: number;
  parallelism?: number;
}): Promise<Uint8Array> {
  const { header } = await createVaultHeader(PASS, FAST);
  const json = JSON.parse(new TextDecoder().decode(encodeBackup(header, []))) as {
    header: { kdf: Record<string, unknown> };
  };
  json.header.kdf = { ...json.header.kdf, ...kdf };
  return new TextEncoder().encode(JSON.stringify(json));
}

describe('Argon2id parameters from a file are bounded before any derivation (issue 9 §6)', () => {
  it('refuses a backup header asking for 4 GiB, without running Argon2id', async () => {
    const bytes = await backupAsking({ memoryKiB: 4 * 1024 * 1024 });
    vi.mocked(hashWasm.argon2id).mockClear();
    expect(() => decodeBackup(bytes)).toThrow(expect.objectContaining({ code: 'kdf-out-of-bounds' }));
    expect(hashWasm.argon2id).not.toHaveBeenCalled();
  });

  it('refuses too much work as well as too much memory, and a stored header alike', async () => {
    const { header } = await createVaultHeader(PASS, FAST);
    const tooLong = { ...header, kdf: { ...header.kdf, memoryKiB: KDF_LIMITS.maxMemoryKiB, iterations: 64 } };
    expect(() => parseVaultHeader(tooLong)).toThrow(expect.objectContaining({ code: 'kdf-out-of-bounds' }));
    // Even a header that skipped parsing never reaches Argon2id.
    vi.mocked(hashWasm.argon2id).mockClear();
    await expect(unwrapWithPassphrase(tooLong, PASS)).rejects.toMatchObject({ code: 'kdf-out-of-bounds' });
    expect(hashWasm.argon2id).not.toHaveBeenCalled();
  });

  it('still opens a backup made with the costliest parameters the app itself picks', async () => {
    const { header } = await createVaultHeader(PASS, FAST);
    const tuned = { ...header, kdf: { ...header.kdf, memoryKiB: 64 * 1024, iterations: 64 } };
    expect(() => decodeBackup(encodeBackup(tuned, []))).not.toThrow();
  });
});
