import { useQuery } from '@tanstack/react-query';
import type { PocRole } from '../../shared/directory/model';
import { syncControllerFor } from '../sync/syncController';
import { useVaultSession, type VaultSession } from '../vault/session';

/**
 * Who this device speaks for: the State and role of the registry enrolment (vault collection 'sync'),
 * never a field the user can edit (issue 9 §4). Null before enrolment.
 */
export interface EnrolledSelf {
  state: string;
  role: PocRole;
  fingerprint: string;
}

export async function loadEnrolledSelf(session: VaultSession): Promise<EnrolledSelf | null> {
  const state = await syncControllerFor(session)
    .store.loadState()
    .catch(() => null);
  return state ? { state: state.state, role: state.role, fingerprint: state.ownFingerprint } : null;
}

export const ENROLLED_SELF_QUERY_KEY = ['enrolled-self'] as const;

export function useEnrolledSelf() {
  const session = useVaultSession();
  return useQuery({
    queryKey: ENROLLED_SELF_QUERY_KEY,
    queryFn: () => loadEnrolledSelf(session),
    staleTime: 5_000,
  });
}
