import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import type { HostClient } from '../../shared/host/client';
import { HostContext } from '../host/HostContext';
import type { PocDatabase } from '../db/database';
import { VaultGate } from '../vault/VaultGate';
import { AppShell } from './AppShell';

/** A clicked OS notification names a place in the app (e.g. '#/pings'); go there. */
function useHostNavigation(host: HostClient): void {
  useEffect(
    () =>
      host.onEvent((event) => {
        if (event.type === 'navigate') window.location.hash = event.route;
      }),
    [host],
  );
}

export function App({
  host,
  db,
  queryClient,
}: {
  host: HostClient;
  db: PocDatabase;
  queryClient: QueryClient;
}) {
  useHostNavigation(host);
  return (
    <HostContext.Provider value={host}>
      <QueryClientProvider client={queryClient}>
        <VaultGate db={db}>
          <AppShell />
        </VaultGate>
      </QueryClientProvider>
    </HostContext.Provider>
  );
}

export function createQueryClient(): QueryClient {
  // Online means "the registry answers" (issue 5), not navigator.onLine: never pause queries for it.
  return new QueryClient({
    defaultOptions: { queries: { networkMode: 'always', retry: 1 }, mutations: { networkMode: 'always' } },
  });
}
