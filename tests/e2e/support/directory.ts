import {
  generateDemoDirectory,
  DEMO_DIRECTORY_SEED,
} from '../../../shared/directory/demo/generateDemoDirectory';
import { indexDirectory, searchEntries } from '../../../shared/directory/loadedDirectory';
import type { PointOfContact } from '../../../shared/directory/model';
import { encodeBackup, type RawRecord } from '../../../shared/vault/backup';
import { createVaultHeader } from '../../../shared/vault/header';
import { encryptRecord } from '../../../shared/vault/recordCipher';

/** How many entries the app's demo directory has for a query, computed in Node with the same code. */
export function expectedDemoMatches(query: string): number {
  const directory = indexDirectory(generateDemoDirectory({ seed: DEMO_DIRECTORY_SEED }));
  return searchEntries(directory, query, 100_000).length;
}

/** Canary values: if any of them is found in the browser profile on disk, something was stored in clear. */
export const CANARIES = {
  name: 'Qzxwvkanary Personname',
  email: 'kanary.mailbox@kanary-e2e.example',
  phone: '+41225550173',
  entity: 'Kanaryinstitut Fictif',
} as const;

export function canaryEntries(count: number): PointOfContact[] {
  return Array.from({ length: count }, (_, i) => ({
    id: `e2e-canary-${String(i).padStart(4, '0')}`,
    state: 'CHE',
    role: i % 2 ? 'technical' : 'diplomatic',
    kind: 'representative',
    language: 'fr',
    text: { entity: CANARIES.entity, personName: CANARIES.name, notes: 'Entrée fictive de test' },
    phones: [CANARIES.phone],
    emails: [CANARIES.email],
    workingLanguages: ['fr', 'en'],
    regionalDirectories: [],
    revision: 1,
    updatedAt: '2026-11-01T10:00:00.000Z',
  }));
}

/** An encrypted vault backup file holding the given entries, as the app's "Restore" reads it. */
export async function backupFileWith(
  entries: readonly PointOfContact[],
  passphrase: string,
): Promise<Buffer> {
  const { header, vault } = await createVaultHeader(passphrase, {
    memoryKiB: 19 * 1024,
    iterations: 1,
    parallelism: 1,
  });
  const records: RawRecord[] = [];
  for (const entry of entries) {
    const blob = await encryptRecord(vault.key, 'directory', entry.id, entry);
    records.push({
      collection: 'directory',
      id: entry.id,
      state: entry.state,
      role: entry.role,
      updatedAt: entry.updatedAt,
      ...blob,
    });
  }
  return Buffer.from(encodeBackup(header, records));
}
