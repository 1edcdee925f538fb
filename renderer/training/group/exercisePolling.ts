import { queryOptions } from '@tanstack/react-query';
import type { ExerciseFeed, ExerciseProgress } from '../../../shared/registry/exercise';
import type { GroupRecord } from './groupClient';

/** How often an open exercise screen asks the registry for news while the exercise runs. */
export const POLL_MS = 5_000;

/** Under 'vault': the query cache is cleared when the vault locks (renderer/vault/VaultGate.tsx). */
const exerciseKey = (exerciseId: string) => ['vault', 'group-exercise', exerciseId] as const;

/**
 * The group screens poll through react-query: every POLL_MS while the window is visible (a
 * `refetchInterval` pauses while it is hidden), and no more once the exercise was stopped, when the
 * registry has nothing new to tell. A failed poll is not retried at once: its error shows (the last
 * good data stays on screen) and the next poll tries again.
 */
const pollUntil = (stopped: boolean) => (stopped ? false : POLL_MS);

/** The facilitator's progress view. */
export function exerciseProgressQuery(exerciseId: string, load: () => Promise<ExerciseProgress>) {
  return queryOptions({
    queryKey: [...exerciseKey(exerciseId), 'progress'],
    queryFn: load,
    refetchInterval: (query) => pollUntil(Boolean(query.state.data?.stoppedAt)),
    retry: false,
  });
}

/** A participant's signed exercise feed: one that does not verify is an error, the last good one stays. */
export function exerciseFeedQuery(exerciseId: string, load: () => Promise<ExerciseFeed>) {
  return queryOptions({
    queryKey: [...exerciseKey(exerciseId), 'feed'],
    queryFn: load,
    refetchInterval: (query) => pollUntil(Boolean(query.state.data?.stoppedAt)),
    retry: false,
  });
}

export const groupRecordKey = (exerciseId: string) => [...exerciseKey(exerciseId), 'record'] as const;

/** What this device did in the exercise, as kept in its vault (shown even when the registry is away). */
export function groupRecordQuery(exerciseId: string, load: () => Promise<GroupRecord>) {
  return queryOptions({ queryKey: groupRecordKey(exerciseId), queryFn: load });
}

/**
 * Sends the progress reports still waiting (they stay queued in the vault when the registry cannot be
 * reached), on every poll while the exercise runs; `send` returns how many still wait.
 */
export function pendingReportsQuery(exerciseId: string, send: () => Promise<number>, stopped: boolean) {
  return queryOptions({
    queryKey: [...exerciseKey(exerciseId), 'reports'],
    queryFn: send,
    refetchInterval: pollUntil(stopped),
    retry: false,
  });
}
