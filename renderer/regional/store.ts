import { useQuery, useQueryClient } from '@tanstack/react-query';
import { RegionalDirectoryRecordSchema, type RegionalDirectoryRecord } from '../../shared/regional/model';
import { useVaultSession, type VaultSession } from '../vault/session';

/**
 * Imported regional directories, one encrypted record per directory in vault collection 'regional'.
 * Nothing here is ever handed to the registry sync: regional entries stay on this device (A §12).
 * Only the opaque directory id and the import time are in clear.
 */
export const REGIONAL_QUERY_KEY = ['vault', 'regional'] as const;

function collection(session: VaultSession) {
  return session.collection('regional', RegionalDirectoryRecordSchema);
}

export async function listRegionalDirectories(
  session: VaultSession,
): Promise<{ directories: RegionalDirectoryRecord[]; corrupted: string[] }> {
  const listed = await collection(session).list();
  const directories = listed.items.map((item) => item.value).sort((a, b) => a.name.localeCompare(b.name));
  return { directories, corrupted: listed.corrupted };
}

export async function getRegionalDirectory(
  session: VaultSession,
  id: string,
): Promise<RegionalDirectoryRecord | undefined> {
  return collection(session).get(id);
}

export async function saveRegionalDirectory(
  session: VaultSession,
  record: RegionalDirectoryRecord,
): Promise<void> {
  await collection(session).put(record.id, RegionalDirectoryRecordSchema.parse(record), {
    updatedAt: record.importedAt,
  });
}

export async function deleteRegionalDirectory(session: VaultSession, id: string): Promise<void> {
  await collection(session).delete(id);
}

export function useRegionalDirectories() {
  const session = useVaultSession();
  return useQuery({ queryKey: REGIONAL_QUERY_KEY, queryFn: () => listRegionalDirectories(session) });
}

export function useInvalidateRegional(): () => void {
  const client = useQueryClient();
  return () => void client.invalidateQueries({ queryKey: REGIONAL_QUERY_KEY });
}
