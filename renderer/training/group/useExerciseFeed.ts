import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { ExerciseFeed } from '../../../shared/registry/exercise';
import { useVaultSession } from '../../vault/session';
import { exerciseFeedQuery, groupRecordKey, groupRecordQuery, pendingReportsQuery } from './exercisePolling';
import { flushProgress, loadExerciseFeed, loadGroupRecord, type GroupRecord } from './groupClient';

export interface ExerciseFeedState {
  feed: ExerciseFeed | null;
  record: GroupRecord | null;
  /** The last failure (offline, refused, a feed that did not verify); the last good feed stays shown. */
  error: unknown;
  setRecord: (record: GroupRecord) => void;
}

/**
 * Polls the signed exercise feed while the screen is open and the exercise runs, and sends any
 * progress report still waiting. A feed that fails verification replaces nothing: the last verified
 * one stays.
 */
export function useExerciseFeed(exerciseId: string): ExerciseFeedState {
  const session = useVaultSession();
  const client = useQueryClient();
  const setRecord = useCallback(
    (record: GroupRecord) => client.setQueryData<GroupRecord>(groupRecordKey(exerciseId), record),
    [client, exerciseId],
  );

  const feed = useQuery(exerciseFeedQuery(exerciseId, () => loadExerciseFeed(session, exerciseId)));
  const record = useQuery(groupRecordQuery(exerciseId, () => loadGroupRecord(session, exerciseId)));
  const reports = useQuery(
    pendingReportsQuery(
      exerciseId,
      async () => {
        const sent = await flushProgress(session, exerciseId);
        setRecord(sent);
        return sent.reports.filter((r) => !r.reportedAt).length;
      },
      Boolean(feed.data?.stoppedAt),
    ),
  );

  return {
    feed: feed.data ?? null,
    record: record.data ?? null,
    error: feed.error ?? reports.error ?? record.error,
    setRecord,
  };
}
