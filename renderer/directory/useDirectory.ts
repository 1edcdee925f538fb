import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { useVaultSession } from '../vault/session';
import { loadDirectory, subscribeDirectory } from './store';

export const DIRECTORY_QUERY_KEY = ['vault', 'directory'] as const;

/** Re-exported for the areas that load the directory outside a hook (messages/ReceivePanel). */
export { loadDirectory };

/**
 * Marks the cached directory stale after every write through the directory store, whoever made it
 * (a sync in the background included). Mounted once by the app shell, so the cache is right even
 * when no screen showing the directory is open.
 */
export function useDirectoryFreshness(): void {
  const client = useQueryClient();
  useEffect(() => subscribeDirectory(() => void client.invalidateQueries({ queryKey: DIRECTORY_QUERY_KEY })), [client]);
}

/**
 * The loaded, indexed directory (react-query), kept fresh by useDirectoryFreshness. The cache is
 * cleared when the vault locks (VaultGate), so nothing decrypted stays.
 */
export function useDirectory() {
  const session = useVaultSession();
  return useQuery({ queryKey: DIRECTORY_QUERY_KEY, queryFn: () => loadDirectory(session), staleTime: Infinity });
}

const SyncTimeSchema = z.object({ lastSyncAt: z.string().optional() });

/** When the registry sync last succeeded (vault collection 'sync', record 'state', written by issue 5). */
export function useLastDirectorySync() {
  const session = useVaultSession();
  return useQuery({
    queryKey: ['vault', 'sync', 'lastSyncAt'],
    queryFn: async () => {
      try {
        return (await session.collection('sync', SyncTimeSchema).get('state'))?.lastSyncAt ?? null;
      } catch {
        return null;
      }
    },
  });
}
