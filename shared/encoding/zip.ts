import { zipSync } from 'fflate';

/**
 * One .zip of many files (fflate, "stored" entries: the files are OpenPGP armour of ciphertext, which
 * does not compress). Used to hand over many sealed .eml files as one archive every OS opens. Names
 * are plain file names: a folder or a parent reference in a name is refused, so no archive made here
 * can write outside the folder it is extracted into.
 */
export interface ZipFile {
  name: string;
  bytes: Uint8Array;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

export function buildZip(files: readonly ZipFile[], now = new Date()): Uint8Array {
  const entries: Record<string, [Uint8Array, { level: 0; mtime: Date }]> = {};
  for (const file of files) {
    if (!SAFE_NAME.test(file.name) || file.name.includes('..')) {
      throw new Error(`Refused file name in archive: ${JSON.stringify(file.name)}`);
    }
    if (file.name in entries) throw new Error(`Duplicate file name in archive: ${file.name}`);
    entries[file.name] = [file.bytes, { level: 0, mtime: now }];
  }
  return zipSync(entries);
}
