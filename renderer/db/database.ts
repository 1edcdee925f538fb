import Dexie, { type Table } from 'dexie';
import type { RawRecord } from '../../shared/vault/backup';

/**
 * The device's source of truth (ARCHITECTURE.md, "Data at rest"). Every sensitive value sits in
 * `records` as AES-256-GCM ciphertext; what is in clear identifies nobody: the collection name, an
 * opaque id, and for directory entries the State code, the role and the update time (the only indexes).
 */
export type StoredRecord = RawRecord;

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
  }
}
