import { describe, expect, it } from 'vitest';
import { decodeBackup, encodeBackup } from '../../../../shared/vault/backup';
import { VaultError } from '../../../../shared/vault/errors';
import {
  createVaultHeader,
  parseVaultHeader,
  unwrapWithPassphrase,
  unwrapWithRawKey,
} from '../../../../shared/vault/header';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };

describe('vault header', () => {
  it('tells the right raw data key from a wrong one (OS-store unlock)', async () => {
    const { header, vault } = await createVaultHeader('a fictional passphrase, long', FAST);
    await expect(unwrapWithRawKey(header, vault.raw)).resolves.toBeDefined();
    await expect(unwrapWithRawKey(header, crypto.getRandomValues(new Uint8Array(32)))).rejects.toEqual(
      new VaultError('wrong-passphrase'),
    );
  });

  it('refuses a header written by a newer version', () => {
    expect(() => parseVaultHeader({ format: 'poc-vault', version: 99 })).toThrow(
      expect.objectContaining({ code: 'newer-version' }),
    );
  });
});

describe('backup file', () => {
  it('round-trips the header and the ciphertexts, without the machine-bound OS wrapping', async () => {
    const { header } = await createVaultHeader('a fictional passphrase, long', FAST);
    const records = [
      {
        collection: 'directory',
        id: 'entry-00000001',
        state: 'FRA',
        iv: new Uint8Array(12).fill(1),
        ct: new Uint8Array([1, 2, 3]),
      },
    ];
    const bytes = encodeBackup({ ...header, osWrappedKey: 'bWFjaGluZQ==' }, records);
    const decoded = decodeBackup(bytes);
    expect(decoded.header.osWrappedKey).toBeUndefined();
    expect(decoded.records).toEqual(records);
    await expect(unwrapWithPassphrase(decoded.header, 'a fictional passphrase, long')).resolves.toBeDefined();
  });

  it('refuses damaged files and files from a newer version', async () => {
    expect(() => decodeBackup(new TextEncoder().encode('not json'))).toThrow(
      new VaultError('backup-invalid'),
    );
    expect(() => decodeBackup(new TextEncoder().encode('{"format":"poc-vault-backup","version":1}'))).toThrow(
      new VaultError('backup-invalid'),
    );
    expect(() => decodeBackup(new TextEncoder().encode('{"format":"poc-vault-backup","version":2}'))).toThrow(
      new VaultError('backup-newer-version'),
    );
    const { header } = await createVaultHeader('a fictional passphrase, long', FAST);
    const newer = JSON.parse(new TextDecoder().decode(encodeBackup(header, []))) as {
      header: { version: number };
    };
    newer.header.version = 9;
    expect(() => decodeBackup(new TextEncoder().encode(JSON.stringify(newer)))).toThrow(
      new VaultError('backup-newer-version'),
    );
  });
});
