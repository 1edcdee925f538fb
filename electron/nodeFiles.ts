import { open, stat, writeFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { FileTooLargeError, type FileAccess } from './handlers/files';

/**
 * The file system for the files.* handlers. Reads are bounded: never more than maxBytes is held in
 * memory, even if the file grows after it was measured.
 */
export const nodeFileAccess: FileAccess = {
  async sizeOf(path) {
    try {
      const info = await stat(path);
      return info.isFile() ? info.size : null;
    } catch {
      return null;
    }
  },
  async read(path, maxBytes) {
    const handle = await open(path, 'r');
    try {
      const buffer = new Uint8Array(maxBytes + 1);
      let filled = 0;
      for (;;) {
        const { bytesRead } = await handle.read(buffer, filled, buffer.length - filled, null);
        if (bytesRead === 0) break;
        filled += bytesRead;
        if (filled > maxBytes) throw new FileTooLargeError(maxBytes);
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  },
  async write(path, bytes) {
    // Owner-only: saved files are often encrypted messages or exports, but may be plain reports.
    await writeFile(path, bytes, { mode: 0o600 });
  },
  baseName: (path) => basename(path),
};
