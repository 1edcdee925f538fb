import { useQuery } from '@tanstack/react-query';
import { SyncStateSchema, type SyncState } from '../../shared/sync/model';
import type { OwnEnrolment } from '../../shared/directory/staleness';
import { useVaultSession, type VaultSession } from '../vault/session';

/**
 * The registry enrolment as the vault keeps it: the sync engine's state record in collection 'sync'.
 * Its own small folder so that any area can ask "is this device enrolled, and as whom?" without
 * importing the sync area (which itself writes the directory): feature folders depend one way.
 */
export const SYNC_STATE_RECORD_ID = 'state';

export function syncStateRecords(session: VaultSession) {
  return session.collection('sync', SyncStateSchema);
}

export async function loadSyncState(session: VaultSession): Promise<SyncState | null> {
  return (await syncStateRecords(session).get(SYNC_STATE_RECORD_ID)) ?? null;
}

/** Whether the vault is enrolled with a registry (undefined while it is being read). */
export function useIsEnrolled(): boolean | undefined {
  const session = useVaultSession();
  const query = useQuery({
    queryKey: ['enrolment', 'enrolled'],
    queryFn: async () => (await loadSyncState(session)) !== null,
    staleTime: 2_000,
  });
  return query.data;
}

/** This device's State, role and enrolment time (null before enrolment), for the staleness rule. */
export function useOwnEnrolment(): OwnEnrolment | null {
  const session = useVaultSession();
  const query = useQuery({
    queryKey: ['enrolment', 'own'],
    queryFn: async () => {
      const state = await loadSyncState(session);
      return state ? { state: state.state, role: state.role, enrolledAt: state.enrolledAt } : null;
    },
    staleTime: 2_000,
  });
  return query.data ?? null;
}
