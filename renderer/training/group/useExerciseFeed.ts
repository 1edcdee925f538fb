import { useCallback, useEffect, useState } from 'react';
import type { ExerciseFeed } from '../../../shared/registry/exercise';
import { useVaultSession } from '../../vault/session';
import { flushProgress, loadExerciseFeed, loadGroupRecord, type GroupRecord } from './groupClient';

/** How often an open exercise screen asks the registry for newly released injects. */
export const POLL_MS = 5_000;

export interface ExerciseFeedState {
  feed: ExerciseFeed | null;
  record: GroupRecord | null;
  /** The last failure (offline, refused, a feed that did not verify); the last good feed stays shown. */
  error: unknown;
  setRecord: (record: GroupRecord) => void;
}

/**
 * Polls the signed exercise feed while the screen is open and sends any progress report still
 * waiting. A feed that fails verification replaces nothing: the last verified one stays.
 */
export function useExerciseFeed(exerciseId: string): ExerciseFeedState {
  const session = useVaultSession();
  const [feed, setFeed] = useState<ExerciseFeed | null>(null);
  const [record, setRecord] = useState<GroupRecord | null>(null);
  const [error, setError] = useState<unknown>(null);

  const poll = useCallback(async () => {
    try {
      setRecord(await loadGroupRecord(session, exerciseId));
      setFeed(await loadExerciseFeed(session, exerciseId));
      setRecord(await flushProgress(session, exerciseId));
      setError(null);
    } catch (e) {
      setError(e);
    }
  }, [session, exerciseId]);

  useEffect(() => {
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => clearInterval(timer);
  }, [poll]);

  return { feed, record, error, setRecord };
}
