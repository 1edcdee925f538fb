import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { syncControllerFor, type SyncController } from './syncController';

export const SYNC_QUERY_KEY = ['sync'] as const;
export const SYNC_REFRESH_MS = 250;

/**
 * The vault's SyncController, started while something that shows sync is mounted (the header badge
 * always is). Every change it reports invalidates the ['sync', …] queries, so react-query drives
 * the status, outbox, pings and own-entries views.
 */
export function useSyncController(): SyncController {
  const session = useVaultSession();
  const controller = syncControllerFor(session);
  const queryClient = useQueryClient();
  const host = useHost();
  const { t } = useTranslation('pings');

  useEffect(() => {
    controller.notifier = (kind, ping) => {
      const hours = Math.max(0, Math.floor((Date.parse(ping.deadline) - Date.now()) / 3600_000));
      host
        .call('notify.show', {
          title: t(`notify.${kind}.title`),
          body: t(`notify.${kind}.body`, { hours }),
          route: '#/pings',
        })
        .catch(() => undefined);
    };
  }, [controller, host, t]);

  useEffect(() => {
    // A sync reports every applied page: the views that read the sync records follow at most every
    // SYNC_REFRESH_MS (the first change at once, the last one always), not once per page (issue 14).
    let timer: ReturnType<typeof setTimeout> | null = null;
    let last = -Infinity;
    const refresh = () => {
      timer = null;
      last = performance.now();
      void queryClient.invalidateQueries({ queryKey: SYNC_QUERY_KEY });
    };
    const unsubscribeChanges = controller.subscribe(() => {
      timer ??= setTimeout(refresh, Math.max(0, last + SYNC_REFRESH_MS - performance.now()));
    });
    const unsubscribe = () => {
      if (timer) clearTimeout(timer);
      unsubscribeChanges();
    };
    controller.start();
    // Issue 9 §1: the registry session ends when the app quits (keepalive lets the request leave
    // the closing window) and when the vault locks (everything below the vault gate unmounts then).
    const onPageHide = () => void controller.logout({ keepalive: true });
    window.addEventListener('pagehide', onPageHide);
    return () => {
      unsubscribe();
      window.removeEventListener('pagehide', onPageHide);
      if (session.isLocked) {
        controller.stop();
        void controller.logout();
      }
    };
  }, [controller, queryClient, session]);

  return controller;
}

export function useSyncStatus() {
  const controller = useSyncController();
  return useQuery({ queryKey: [...SYNC_QUERY_KEY, 'status'], queryFn: () => controller.status() });
}

export function useSyncNow() {
  const controller = useSyncController();
  return useMutation({ mutationFn: () => controller.syncNow({ force: true }) });
}
