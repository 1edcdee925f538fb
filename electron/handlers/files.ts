import type { HostHandlers } from '../../shared/host/contract';
import { HostError } from '../../shared/host/dispatch';

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** Native open/save dialogs; each resolves with the chosen path, or null when cancelled. */
export interface FileDialogs {
  chooseFileToOpen(options: { title?: string; filters: FileFilter[] }): Promise<string | null>;
  chooseFileToSave(options: { suggestedName: string; filters: FileFilter[] }): Promise<string | null>;
}

/** The file system, bounded: `read` never returns more than `maxBytes` (it throws FileTooLarge). */
export interface FileAccess {
  /** Size of a regular file, or null if the path is not one. */
  sizeOf(path: string): Promise<number | null>;
  read(path: string, maxBytes: number): Promise<Uint8Array>;
  write(path: string, bytes: Uint8Array): Promise<void>;
  baseName(path: string): string;
}

export class FileTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`File is larger than ${maxBytes} bytes.`);
    this.name = 'FileTooLargeError';
  }
}

/** Suggest the right kind of file in the save dialog from the name we propose. */
function filtersForName(suggestedName: string): FileFilter[] {
  const match = /\.([a-z0-9]{1,10})$/i.exec(suggestedName);
  return match?.[1] ? [{ name: match[1].toUpperCase(), extensions: [match[1].toLowerCase()] }] : [];
}

export function createFileHandlers(
  dialogs: FileDialogs,
  fs: FileAccess,
): Pick<HostHandlers, 'files.open' | 'files.save'> {
  return {
    'files.open': async ({ title, filters, maxBytes }) => {
      const path = await dialogs.chooseFileToOpen({ ...(title ? { title } : {}), filters });
      if (!path) return null;
      const size = await fs.sizeOf(path);
      if (size === null) throw new HostError('failed', 'Only regular files can be opened.');
      if (size > maxBytes) throw new HostError('too-large', `File is larger than ${maxBytes} bytes.`);
      try {
        const bytes = await fs.read(path, maxBytes);
        return { name: fs.baseName(path).slice(0, 255), bytes: Buffer.from(bytes).toString('base64') };
      } catch (error) {
        // The file may have grown between the size check and the read.
        if (error instanceof FileTooLargeError) throw new HostError('too-large', error.message);
        throw new HostError('failed', 'The file could not be read.');
      }
    },
    'files.save': async ({ suggestedName, bytes }) => {
      const path = await dialogs.chooseFileToSave({ suggestedName, filters: filtersForName(suggestedName) });
      if (!path) return { saved: false };
      try {
        await fs.write(path, Buffer.from(bytes, 'base64'));
      } catch {
        throw new HostError('failed', 'The file could not be written.');
      }
      return { saved: true };
    },
  };
}
