import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useVaultSession } from '../vault/session';
import { loadOwnIdentity } from '../messaging/ownIdentity';
import { listPeerRecords } from './peerKeys';
import { ownKeyPublication } from './ownEntryKey';
import { SYNC_QUERY_KEY } from '../sync/useSync';
import type { OwnIdentity } from '../messaging/ownIdentity';

export const OWN_IDENTITY_KEY = ['vault', 'identity', 'own'] as const;
export const PEER_KEYS_KEY = ['vault', 'peerKeys'] as const;

export function useOwnIdentity() {
  const session = useVaultSession();
  return useQuery({ queryKey: OWN_IDENTITY_KEY, queryFn: () => loadOwnIdentity(session) });
}

export function usePeerRecords() {
  const session = useVaultSession();
  return useQuery({ queryKey: PEER_KEYS_KEY, queryFn: () => listPeerRecords(session) });
}

export function useRefreshIdentity() {
  const client = useQueryClient();
  return () => {
    void client.invalidateQueries({ queryKey: OWN_IDENTITY_KEY });
    void client.invalidateQueries({ queryKey: PEER_KEYS_KEY });
  };
}

/**
 * Whether the own entry carries the own key (renderer/identity/ownEntryKey.ts). Under ['sync', …], so
 * every sync round refreshes it; keyed by the expiry too, since a renewal changes only that.
 */
export function useOwnKeyPublication(
  identity: Pick<OwnIdentity, 'fingerprint' | 'publicKeyArmored' | 'expiresAt'> | null | undefined,
) {
  const session = useVaultSession();
  return useQuery({
    queryKey: [...SYNC_QUERY_KEY, 'ownKeyPublication', identity?.fingerprint, identity?.expiresAt],
    queryFn: () => (identity ? ownKeyPublication(session, identity) : null),
    enabled: Boolean(identity),
  });
}
