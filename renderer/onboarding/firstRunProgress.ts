import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import { z } from 'zod';
import { RegistryInfoSchema } from '../../shared/registry/protocol';
import type { FirstRunStep } from '../firstrun/FirstRunSteps';
import { useVaultSession, type SealedBatch, type VaultSession } from '../vault/session';

/**
 * The guided first run, as the vault keeps it: which steps the user has passed and what was typed
 * into the enrolment step, so that a reload (or a crash, or the idle lock) loses nothing. The steps
 * that have a fact of their own (a key exists, the device is enrolled, the key is published) are read
 * from that fact; this record only holds what has no other home.
 */
export const FirstRunProgressSchema = z.object({
  /** The user saw the own key (fingerprint, QR code) and moved on. */
  keyShownAt: z.iso.datetime().optional(),
  /** The publication step is behind (published, queued, or skipped by the user). */
  publishPassedAt: z.iso.datetime().optional(),
  completedAt: z.iso.datetime().optional(),
  /** The user chose the fictional demo directory instead of enrolling (for now). */
  skippedAt: z.iso.datetime().optional(),
  draft: z
    .object({
      keyName: z.string().max(200).optional(),
      registryUrl: z.string().max(2048).optional(),
      registry: RegistryInfoSchema.optional(),
      fingerprintCompared: z.boolean().optional(),
      code: z.string().max(200).optional(),
    })
    .default({}),
});
export type FirstRunProgress = z.infer<typeof FirstRunProgressSchema>;
export type FirstRunDraft = FirstRunProgress['draft'];

const RECORD_ID = 'progress';
export const FIRST_RUN_QUERY_KEY = ['first-run'] as const;

function records(session: VaultSession) {
  return session.collection('firstRun', FirstRunProgressSchema);
}

export async function loadFirstRun(session: VaultSession): Promise<FirstRunProgress> {
  return (await records(session).get(RECORD_ID)) ?? { draft: {} };
}

/**
 * Seals the first-run record as it is now, for session.writeInTurn: every change (each keystroke of
 * the enrolment form among them) is encrypted at once and written in order, so a lock right after
 * typing loses nothing (the vault gate waits for session.settled() before reading again).
 */
export function sealFirstRun(session: VaultSession, progress: FirstRunProgress): Promise<SealedBatch> {
  return session.sealBatch([{ collection: 'firstRun', id: RECORD_ID, value: progress }]);
}

export function useFirstRun() {
  const session = useVaultSession();
  const client = useQueryClient();
  const query = useQuery({ queryKey: FIRST_RUN_QUERY_KEY, queryFn: () => loadFirstRun(session) });
  const update = useCallback(
    async (change: (current: FirstRunProgress) => FirstRunProgress) => {
      // Changes apply to the shared cached record, one after another, never to a stale read of the
      // store: two quick changes (a draft save and a step passed) both survive.
      const cached = client.getQueryData<FirstRunProgress>(FIRST_RUN_QUERY_KEY);
      const loaded = cached ?? (await loadFirstRun(session));
      const next = change(client.getQueryData<FirstRunProgress>(FIRST_RUN_QUERY_KEY) ?? loaded);
      client.setQueryData(FIRST_RUN_QUERY_KEY, next);
      await session.writeInTurn(sealFirstRun(session, next));
      return next;
    },
    [session, client],
  );
  return { progress: query.data, update };
}

/** Where the first run stands: read from the enrolment itself, then from the steps passed. */
export function currentStep(enrolled: boolean, progress: FirstRunProgress): FirstRunStep | 'done' {
  if (!enrolled) return 'enrolment';
  if (progress.completedAt) return 'done';
  if (!progress.keyShownAt) return 'ownKey';
  if (!progress.publishPassedAt) return 'publish';
  return 'firstSync';
}
