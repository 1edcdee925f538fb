import Dexie, { type Table } from 'dexie';
import type { RawRecord } from '../../shared/vault/backup';

/**
 * The device's source of truth (ARCHITECTURE.md, "Data at rest"). Every sensitive value sits in
 * `records` as AES-256-GCM ciphertext; what is in clear identifies nobody: the collection name, an
 * opaque id, and for some records an update time or State code (the indexes). The directory is
 * stored as chunks of many entries with nothing in clear but a random chunk id
 * (renderer/directory/chunkedDirectory.ts).
 */
export type StoredRecord = RawRecord;

/** The per-entry directory records of version 1 (renderer/directory/chunkedDirectory.ts migrates them). */
const LEGACY_DIRECTORY_COLLECTION = 'directory';

export interface StoredVaultHeader {
  key: 'header';
  header: unknown;
}

export class PocDatabase extends Dexie {
  vault!: Table<StoredVaultHeader, string>;
  records!: Table<StoredRecord, [string, string]>;

  constructor(name = 'poc-desk') {
    super(name);
    this.version(1).stores({
      vault: 'key',
      records: '[collection+id], collection, [collection+state], [collection+role], [collection+updatedAt]',
    });
    // Issue 14: the directory moves into encrypted chunks. The upgrade has no key, so it cannot
    // re-encrypt: it only strips what the per-entry records of version 1 kept in clear (State, role,
    // update time; not part of the additional data, so the ciphertext still opens). The entries are
    // moved into chunks on the first load with the key (DirectoryVault.load). Declares no store
    // change, so it composes with any version 2 that changes other collections or tables.
    this.version(3)
      .stores({})
      .upgrade((tx) =>
        tx
          .table<StoredRecord, [string, string]>('records')
          .where('collection')
          .equals(LEGACY_DIRECTORY_COLLECTION)
          .modify((record) => {
            delete record.state;
            delete record.role;
            delete record.updatedAt;
          }),
      );
  }
}
