import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useVaultSession } from '../vault/session';
import { loadOwnIdentity } from '../messaging/ownIdentity';
import { listPeerRecords } from './peerKeys';

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
