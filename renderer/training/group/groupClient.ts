import { z } from 'zod';
import {
  ProgressEventSchema,
  type ExerciseFeed,
  type ExerciseList,
  type ExerciseProgress,
  type ProgressEvent,
} from '../../../shared/registry/exercise';
import { readVerificationKey } from '../../../shared/registry/signing';
import { SyncError } from '../../../shared/sync/errors';
import { progressStatement, verifyExerciseFeed } from '../../../shared/training';
import { syncControllerFor } from '../../sync/syncController';
import type { VaultSession } from '../../vault/session';

/**
 * Group mode in the app (issue 12): every call goes through the sync controller's registry client and
 * session (renderer/sync), so the exercise screens use the enrolment, the pinned registry key and the
 * session the directory sync uses. What this device did in an exercise is kept in the vault
 * (collection 'training', record `group-<id>`), progress statements included until the registry
 * took them: a report that failed (offline) is sent again on the next poll, under the same
 * idempotency key, so nothing is counted twice and nothing is lost.
 */

const ReceivedSchema = z.object({
  messageId: z.string().max(80),
  from: z.string().max(64),
  at: z.iso.datetime(),
  /** The decrypted text, kept (encrypted) in the vault with the exercise only. */
  text: z.string().max(200_000),
});
export type ReceivedExerciseMessage = z.infer<typeof ReceivedSchema>;

export const GroupRecordSchema = z.object({
  reports: z
    .array(
      z.object({
        key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
        event: ProgressEventSchema,
        at: z.iso.datetime(),
        reportedAt: z.iso.datetime().optional(),
      }),
    )
    .max(10_000),
  received: z.array(ReceivedSchema).max(1_000),
});
export type GroupRecord = z.infer<typeof GroupRecordSchema>;

const records = (session: VaultSession) => session.collection('training', GroupRecordSchema);
const recordId = (exerciseId: string) => `group-${exerciseId}`;

export async function loadGroupRecord(session: VaultSession, exerciseId: string): Promise<GroupRecord> {
  return (await records(session).get(recordId(exerciseId))) ?? { reports: [], received: [] };
}

/** The last pending change of each exercise's record, per unlocked vault. */
const changes = new WeakMap<VaultSession, Map<string, Promise<unknown>>>();

/**
 * Changes an exercise's record, one change at a time: read, change, write. A report queued while a
 * flush waits on the network must not be overwritten by the flush's older copy (nor the other way
 * round), so every writer goes through here and re-reads what the one before it wrote.
 */
export function updateGroupRecord(
  session: VaultSession,
  exerciseId: string,
  change: (record: GroupRecord) => GroupRecord,
): Promise<GroupRecord> {
  let chains = changes.get(session);
  if (!chains) changes.set(session, (chains = new Map<string, Promise<unknown>>()));
  const next = (chains.get(exerciseId) ?? Promise.resolve())
    .catch(() => undefined) // a failed change does not block the next one
    .then(async () => {
      const updated = change(await loadGroupRecord(session, exerciseId));
      await records(session).put(recordId(exerciseId), updated);
      return updated;
    });
  chains.set(exerciseId, next);
  return next;
}

function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(18));
  return `x${Array.from(bytes, (b) => b.toString(36).padStart(2, '0')).join('')}`.slice(0, 40);
}

export async function listExercises(session: VaultSession): Promise<ExerciseList | null> {
  const controller = syncControllerFor(session);
  if (!(await controller.store.loadState())) return null;
  return controller.withRegistry((client, token) => client.exercises(token));
}

/** The exercise feed, believed only when it verifies under the registry key pinned at enrolment. */
export async function loadExerciseFeed(session: VaultSession, exerciseId: string): Promise<ExerciseFeed> {
  const controller = syncControllerFor(session);
  const state = await controller.store.loadState();
  if (!state) throw new SyncError('not-enrolled');
  const text = await controller.withRegistry((client, token) => client.exerciseFeed(exerciseId, token));
  const key = await readVerificationKey(state.registryPublicKey);
  return verifyExerciseFeed(text, { key, fingerprint: state.registryFingerprint }, exerciseId);
}

export async function loadExerciseProgress(
  session: VaultSession,
  exerciseId: string,
): Promise<ExerciseProgress> {
  return syncControllerFor(session).withRegistry((client, token) =>
    client.exerciseProgress(exerciseId, token),
  );
}

/** Records an event in the vault first, then reports it; returns the record as saved. */
export async function reportProgress(
  session: VaultSession,
  exerciseId: string,
  event: ProgressEvent,
  extra: Partial<Pick<GroupRecord, 'received'>> = {},
): Promise<GroupRecord> {
  await updateGroupRecord(session, exerciseId, (record) => ({
    reports: [...record.reports, { key: newKey(), event, at: new Date().toISOString() }],
    received: [...record.received, ...(extra.received ?? [])],
  }));
  return flushProgress(session, exerciseId);
}

/** Sends every report the registry has not confirmed yet; failures stay queued for the next poll. */
export async function flushProgress(session: VaultSession, exerciseId: string): Promise<GroupRecord> {
  const controller = syncControllerFor(session);
  const state = await controller.store.loadState();
  if (!state) throw new SyncError('not-enrolled');
  let record = await loadGroupRecord(session, exerciseId);
  for (const report of record.reports.filter((r) => !r.reportedAt)) {
    const statement = progressStatement({
      registry: state.registryFingerprint,
      exerciseId,
      event: report.event,
      idempotencyKey: report.key,
      now: new Date(),
    });
    const signature = await controller.sign(statement);
    const receipt = await controller.withRegistry((client, token) =>
      client.postProgress({ statement, signature }, token),
    );
    record = await updateGroupRecord(session, exerciseId, (current) => ({
      ...current,
      reports: current.reports.map((r) =>
        r.key === report.key ? { ...r, reportedAt: receipt.receivedAt } : r,
      ),
    }));
  }
  return record;
}
