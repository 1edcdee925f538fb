import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { dispatchHostCall } from '../../../../shared/host/dispatch';
import { createElectronHandlers } from '../../../../electron/handlers';
import { createFileHandlers, FileTooLargeError } from '../../../../electron/handlers/files';
import { nodeFileAccess } from '../../../../electron/nodeFiles';
import { fakeAdapters } from './fakes';

const dir = mkdtempSync(join(tmpdir(), 'poc-files-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('files.open', () => {
  it('returns the chosen file as base64 with its name', async () => {
    const path = join(dir, 'partner-key.asc');
    writeFileSync(path, 'hello');
    const handlers = createFileHandlers(
      { chooseFileToOpen: () => Promise.resolve(path), chooseFileToSave: () => Promise.resolve(null) },
      nodeFileAccess,
    );
    expect(
      await handlers['files.open']({ filters: [{ name: 'Keys', extensions: ['asc'] }], maxBytes: 100 }),
    ).toEqual({
      name: 'partner-key.asc',
      bytes: Buffer.from('hello').toString('base64'),
    });
  });

  it('returns null when the user cancels', async () => {
    const handlers = createFileHandlers(
      { chooseFileToOpen: () => Promise.resolve(null), chooseFileToSave: () => Promise.resolve(null) },
      nodeFileAccess,
    );
    expect(await handlers['files.open']({ filters: [], maxBytes: 100 })).toBeNull();
  });

  it('refuses a file larger than maxBytes without reading it', async () => {
    const path = join(dir, 'big.bin');
    writeFileSync(path, Buffer.alloc(2048));
    const read = vi.spyOn(nodeFileAccess, 'read');
    const handlers = createFileHandlers(
      { chooseFileToOpen: () => Promise.resolve(path), chooseFileToSave: () => Promise.resolve(null) },
      nodeFileAccess,
    );
    await expect(handlers['files.open']({ filters: [], maxBytes: 1024 })).rejects.toMatchObject({
      code: 'too-large',
    });
    expect(read).not.toHaveBeenCalled();
    read.mockRestore();
  });

  it('never reads more than maxBytes, even if the file grew after it was measured', async () => {
    const path = join(dir, 'growing.bin');
    writeFileSync(path, Buffer.alloc(4096));
    await expect(nodeFileAccess.read(path, 1000)).rejects.toBeInstanceOf(FileTooLargeError);
    expect((await nodeFileAccess.read(path, 4096)).length).toBe(4096);
  });

  it('refuses a folder', async () => {
    const handlers = createFileHandlers(
      { chooseFileToOpen: () => Promise.resolve(dir), chooseFileToSave: () => Promise.resolve(null) },
      nodeFileAccess,
    );
    await expect(handlers['files.open']({ filters: [], maxBytes: 100 })).rejects.toMatchObject({
      code: 'failed',
    });
  });

  it('rejects a maxBytes beyond the contract bound at dispatch', async () => {
    const handlers = createElectronHandlers(fakeAdapters());
    expect(
      await dispatchHostCall(handlers, 'files.open', { maxBytes: 10 * 1024 * 1024 * 1024 }),
    ).toMatchObject({
      ok: false,
      error: { code: 'invalid-argument' },
    });
  });
});

describe('files.save', () => {
  it('writes the bytes where the user chose, readable by the owner only', async () => {
    const target = join(dir, 'message.asc');
    const chooseFileToSave = vi.fn(() => Promise.resolve(target));
    const handlers = createFileHandlers(
      { chooseFileToOpen: () => Promise.resolve(null), chooseFileToSave },
      nodeFileAccess,
    );
    expect(
      await handlers['files.save']({
        suggestedName: 'message.asc',
        mimeType: 'application/pgp-encrypted',
        bytes: Buffer.from('-----BEGIN PGP').toString('base64'),
      }),
    ).toEqual({ saved: true });
    expect(readFileSync(target, 'utf8')).toBe('-----BEGIN PGP');
    if (process.platform !== 'win32') expect(statSync(target).mode & 0o077).toBe(0);
    expect(chooseFileToSave).toHaveBeenCalledWith({
      suggestedName: 'message.asc',
      filters: [{ name: 'ASC', extensions: ['asc'] }],
    });
  });

  it('reports a cancelled dialog as not saved', async () => {
    const handlers = createFileHandlers(
      { chooseFileToOpen: () => Promise.resolve(null), chooseFileToSave: () => Promise.resolve(null) },
      nodeFileAccess,
    );
    expect(
      await handlers['files.save']({ suggestedName: 'a.txt', mimeType: 'text/plain', bytes: '' }),
    ).toEqual({ saved: false });
  });

  it('rejects a suggested name with folders before any dialog opens', async () => {
    const chooseFileToSave = vi.fn(() => Promise.resolve('/tmp/x'));
    const handlers = createElectronHandlers(
      fakeAdapters({ dialogs: { chooseFileToOpen: () => Promise.resolve(null), chooseFileToSave } }),
    );
    for (const suggestedName of ['../.bashrc', 'a/b.txt', 'C:\\x.txt', '..']) {
      expect(
        await dispatchHostCall(handlers, 'files.save', { suggestedName, mimeType: 'text/plain', bytes: '' }),
      ).toMatchObject({ ok: false, error: { code: 'invalid-argument' } });
    }
    expect(chooseFileToSave).not.toHaveBeenCalled();
  });
});
