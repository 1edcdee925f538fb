import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { z } from 'zod';
import { useVaultSession } from '../vault/session';
import { loadDirectory, loadedDirectoryNow, subscribeDirectory } from './store';

export const DIRECTORY_QUERY_KEY = ['vault', 'directory'] as const;

/** Re-exported for the areas that load the directory outside a hook (messages/ReceivePanel). */
export { loadDirectory };

/**
 * A sync applying many pages must not redraw the directory screen for each page (issue 14): at most
 * one refresh per this many milliseconds, the first one at once.
 */
export const DIRECTORY_REFRESH_MS = 300;

/**
 * Keeps the cached directory in step with every write through the directory store, whoever made it
 * (a sync in the background included). The store changes the loaded directory in place, so a
 * refresh only hands react-query the new snapshot (no reload), throttled to DIRECTORY_REFRESH_MS;
 * records replaced behind the store (repair from a backup) make the query load again. Mounted once
 * by the app shell, so the cache is right even when no screen showing the directory is open.
 */
export function useDirectoryFreshness(): void {
  const client = useQueryClient();
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = -Infinity;
    const unsubscribe = subscribeDirectory(({ session, reload }) => {
      if (reload || !session) {
        if (timer) clearTimeout(timer);
        timer = null;
        void client.invalidateQueries({ queryKey: DIRECTORY_QUERY_KEY });
        return;
      }
      if (timer) return;
      timer = setTimeout(
        () => {
          timer = null;
          last = performance.now();
          const snapshot = loadedDirectoryNow(session);
          if (snapshot) client.setQueryData(DIRECTORY_QUERY_KEY, snapshot);
        },
        Math.max(0, last + DIRECTORY_REFRESH_MS - performance.now()),
      );
    });
    return () => {
      if (timer) clearTimeout(timer);
      unsubscribe();
    };
  }, [client]);
}

/**
 * The loaded, indexed directory (react-query), kept fresh by useDirectoryFreshness. The cache is
 * cleared when the vault locks (VaultGate), so nothing decrypted stays.
 */
export function useDirectory() {
  const session = useVaultSession();
  // No structural sharing: each snapshot is already a new object exactly when the directory changed,
  // and a deep comparison would walk 10,000 entries on every refresh during a sync.
  return useQuery({
    queryKey: DIRECTORY_QUERY_KEY,
    queryFn: () => loadDirectory(session),
    staleTime: Infinity,
    structuralSharing: false,
  });
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
