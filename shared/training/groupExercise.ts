import {
  ExerciseFeedSchema,
  ProgressStatementSchema,
  SignedExerciseFeedSchema,
  type ExerciseFeed,
  type ExerciseParticipant,
  type ExerciseProgress,
  type ProgressEvent,
  type ProgressStatement,
} from '../registry/exercise';
import { verifyCanonical, type VerificationKey } from '../registry/signing';
import { TrainingError } from './errors';
import type { PlayerAction, RunState } from './run';
import { parseScenario, type Scenario } from './scenario';

/**
 * Group mode, app side: the exercise feed is believed only once its signature by the pinned registry
 * key verifies over the feed exactly as received (a changed inject, an added item, a feed of another
 * registry or exercise: `exercise-feed-invalid`, nothing shown). Progress goes back as signed
 * statements naming ids and parties only; the facilitator's debrief is computed from them.
 */
export async function verifyExerciseFeed(
  text: string,
  registry: { key: VerificationKey; fingerprint: string },
  exerciseId: string,
): Promise<ExerciseFeed> {
  let signed;
  try {
    signed = SignedExerciseFeedSchema.parse(JSON.parse(text));
  } catch {
    throw new TrainingError('exercise-feed-invalid', 'unreadable');
  }
  if (!(await verifyCanonical(signed.feed, signed.signature, registry.key, registry.fingerprint)))
    throw new TrainingError('exercise-feed-invalid', 'signature');
  const feed = ExerciseFeedSchema.safeParse(signed.feed);
  if (!feed.success) throw new TrainingError('exercise-feed-invalid', 'schema');
  if (feed.data.registry !== registry.fingerprint || feed.data.exerciseId !== exerciseId)
    throw new TrainingError('exercise-feed-invalid', 'another registry or exercise');
  return feed.data;
}

/**
 * The exercise workspace rule for group mode: a message may go only to a key enrolled for a
 * participant of this exercise (shared/training/workspace.ts says the same for solo mode).
 */
export function exerciseParticipantByKey(
  feed: Pick<ExerciseFeed, 'participants'>,
  fingerprint: string | undefined,
): ExerciseParticipant {
  const participant = feed.participants.find((p) =>
    p.fingerprints.some((f) => fingerprint !== undefined && f === fingerprint.toUpperCase()),
  );
  if (!participant) throw new TrainingError('recipient-outside-exercise');
  return participant;
}

export function progressStatement(input: {
  registry: string;
  exerciseId: string;
  event: ProgressEvent;
  idempotencyKey: string;
  now: Date;
}): ProgressStatement {
  return ProgressStatementSchema.parse({
    purpose: 'exercise-progress',
    registry: input.registry,
    exerciseId: input.exerciseId,
    signedAt: input.now.toISOString(),
    idempotencyKey: input.idempotencyKey,
    event: input.event,
  });
}

export interface ParticipantProgress {
  party: string;
  state: string;
  role: string;
  /** Inject id → first acknowledgement (registry receipt time and scenario minute). */
  acknowledged: Map<string, { receivedAt: string; minute: number }>;
  sent: number;
  received: number;
}

/** Who acknowledged what and when, and how many messages each sent and received (never contents). */
export function progressByParticipant(progress: ExerciseProgress): ParticipantProgress[] {
  return progress.participants.map((p) => {
    const own = progress.events.filter((e) => e.party === p.party);
    const acknowledged = new Map<string, { receivedAt: string; minute: number }>();
    for (const e of own)
      if (e.event.kind === 'inject-acknowledged' && !acknowledged.has(e.event.injectId))
        acknowledged.set(e.event.injectId, { receivedAt: e.receivedAt, minute: e.minute });
    return {
      party: p.party,
      state: p.state,
      role: p.role,
      acknowledged,
      sent: own.filter((e) => e.event.kind === 'message-sent').length,
      received: own.filter((e) => e.event.kind === 'message-received').length,
    };
  });
}

/**
 * The runs the shared debrief (debrief.ts) reads, rebuilt from progress: each message sent is the
 * player action it was, at the registry's minute; acknowledging a ping inject is a ping reply.
 */
export function runsFromProgress(progress: ExerciseProgress): { scenario: Scenario; runs: RunState[] } {
  const scenario = parseScenario(progress.scenario);
  const pingInjects = new Set(scenario.injects.filter((i) => i.kind === 'ping').map((i) => i.id));
  const runs = progress.participants.map((p, n): RunState => {
    const actions: PlayerAction[] = [];
    progress.events.forEach((record, i) => {
      if (record.party !== p.party) return;
      const id = `progress-${String(i).padStart(6, '0')}`;
      const { event } = record;
      if (event.kind === 'message-sent')
        actions.push({
          id,
          kind: event.action,
          to: event.to,
          at: record.minute,
          messageId: event.messageId,
          ...(event.statement !== undefined ? { statement: event.statement } : {}),
          ...(event.roleDecision ? { roleDecision: event.roleDecision } : {}),
        });
      else if (event.kind === 'inject-acknowledged' && pingInjects.has(event.injectId))
        actions.push({ id, kind: 'ping-reply', to: '', at: record.minute });
    });
    return {
      id: `group-${String(n).padStart(4, '0')}`,
      scenarioId: scenario.id,
      participant: p.party,
      compression: progress.speed,
      elapsedMinutes: 0,
      resumedAt: null,
      savedAt: 0,
      actions,
      notes: {},
      finished: progress.stoppedAt !== null,
    };
  });
  return { scenario, runs };
}
