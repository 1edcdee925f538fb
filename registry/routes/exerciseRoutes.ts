import type { FastifyInstance } from 'fastify';
import type { Account } from '../store/accountRepository';
import { RegistryError } from '../../shared/registry/errors';
import {
  EXERCISE_ROUTES,
  exerciseMinute,
  ProgressRequestSchema,
  type ExerciseFeed,
  type ExerciseList,
  type ExerciseParticipant,
  type ExerciseProgress,
  type ProgressEvent,
} from '../../shared/registry/exercise';
import { PROTOCOL, STATEMENT_MAX_AGE_MS, STATEMENT_MAX_FUTURE_MS } from '../../shared/registry/protocol';
import { signCanonical, verifyCanonical } from '../../shared/registry/signing';
import { canonicalJson } from '../../shared/encoding/canonicalJson';
import { ExerciseRepository, type StoredExercise } from '../store/exerciseRepository';
import { accountKey, parseOr400, rawStatement, requireAccount, type RegistryContext } from '../context';

/**
 * Group exercises (issue 12; shared/registry/exercise.ts). Participants — the accounts whose State
 * and role the exercise lists — read a feed of the injects released so far on the scenario's
 * timeline, signed by the registry key, and post signed progress statements; a facilitator reads
 * progress only. Kept apart from the directory feed (registry/feed/): exercise items never enter it.
 */
export function registerExerciseRoutes(app: FastifyInstance, context: RegistryContext): void {
  const exercises = new ExerciseRepository(context.db);

  const find = (id: string): StoredExercise => {
    const exercise = exercises.get(id);
    if (!exercise) throw new RegistryError('not-found', 'No such exercise.');
    return exercise;
  };
  const participantOf = (exercise: StoredExercise, account: Account) => {
    const participant = exercise.participants.find(
      (p) => p.state === account.state && p.role === account.role,
    );
    if (!participant)
      throw new RegistryError('not-participant', 'Your State and role do not take part in this exercise.');
    return participant;
  };
  const minuteNow = (exercise: StoredExercise) =>
    Math.min(
      exercise.scenario.durationMinutes,
      exerciseMinute(
        Date.parse(exercise.startedAt),
        exercise.speed,
        context.now(),
        exercise.stoppedAt ? Date.parse(exercise.stoppedAt) : undefined,
      ),
    );
  const withKeys = (exercise: StoredExercise): ExerciseParticipant[] => {
    const accounts = context.accounts.list().filter((a) => !a.revokedAt);
    return exercise.participants.map((p) => ({
      ...p,
      fingerprints: accounts
        .filter((a) => a.state === p.state && a.role === p.role)
        .map((a) => a.fingerprint),
    }));
  };

  app.get(EXERCISE_ROUTES.list, (request): ExerciseList => {
    const account = requireAccount(context, request);
    const facilitator = exercises.isFacilitator(account.id);
    const summary = (exercise: StoredExercise, as: 'participant' | 'facilitator') => {
      const party = exercise.participants.find((p) => p.state === account.state && p.role === account.role);
      return {
        id: exercise.id,
        scenarioId: exercise.scenario.id,
        title: exercise.scenario.title,
        startedAt: exercise.startedAt,
        stoppedAt: exercise.stoppedAt,
        as,
        ...(as === 'participant' && party ? { party: party.party } : {}),
      };
    };
    const own = exercises.listFor(account.state, account.role).map((e) => summary(e, 'participant'));
    const ownIds = new Set(own.map((e) => e.id));
    const watched = facilitator
      ? exercises
          .list()
          .filter((e) => !ownIds.has(e.id))
          .map((e) => summary(e, 'facilitator'))
      : [];
    return { facilitator, exercises: [...own, ...watched] };
  });

  app.get<{ Params: { id: string } }>(EXERCISE_ROUTES.feed, async (request) => {
    const account = requireAccount(context, request);
    const exercise = find(request.params.id);
    participantOf(exercise, account);
    const minute = minuteNow(exercise);
    const startedAtMs = Date.parse(exercise.startedAt);
    const feed: ExerciseFeed = {
      protocol: PROTOCOL,
      purpose: 'exercise-feed',
      registry: context.signingKey.fingerprint,
      exerciseId: exercise.id,
      scenarioId: exercise.scenario.id,
      title: exercise.scenario.title,
      briefing: exercise.scenario.briefing,
      durationMinutes: exercise.scenario.durationMinutes,
      speed: exercise.speed,
      startedAt: exercise.startedAt,
      stoppedAt: exercise.stoppedAt,
      issuedAt: new Date(context.now()).toISOString(),
      participants: withKeys(exercise),
      parties: exercise.scenario.parties,
      items: exercise.scenario.injects
        .filter((inject) => inject.at <= minute)
        .map((inject) => ({
          exercise: true as const,
          id: inject.id,
          at: inject.at,
          releasedAt: new Date(startedAtMs + (inject.at * 60_000) / exercise.speed).toISOString(),
          kind: inject.kind,
          ...(inject.from ? { from: inject.from } : {}),
          text: inject.text,
          ...(inject.indicators ? { indicators: inject.indicators } : {}),
        })),
    };
    return { feed, signature: await signCanonical(feed, context.signingKey.key) };
  });

  app.post<{ Params: { id: string } }>(EXERCISE_ROUTES.progress, async (request) => {
    const account = requireAccount(context, request);
    const exercise = find(request.params.id);
    const participant = participantOf(exercise, account);
    const { statement, signature } = parseOr400(ProgressRequestSchema, request.body);
    if (statement.exerciseId !== exercise.id)
      throw new RegistryError('bad-request', 'The exercise id does not match the address.');
    if (statement.registry !== context.signingKey.fingerprint)
      throw new RegistryError('wrong-registry', 'This statement was signed for another registry.');
    const signedAt = Date.parse(statement.signedAt);
    const now = context.now();
    if (signedAt < now - STATEMENT_MAX_AGE_MS || signedAt > now + STATEMENT_MAX_FUTURE_MS)
      throw new RegistryError('statement-expired', 'This statement is too old or dated in the future.');
    const key = await accountKey(context, account);
    const raw = rawStatement(request.body);
    if (!(await verifyCanonical(raw, signature, key, account.fingerprint)))
      throw new RegistryError('signature-invalid', 'The statement does not verify with the enrolled key.');
    if (exercise.stoppedAt) throw new RegistryError('exercise-stopped', 'This exercise was stopped.');
    assertKnownReferences(exercise, statement.event);
    return exercises.recordProgress({
      exerciseId: exercise.id,
      accountId: account.id,
      idempotencyKey: statement.idempotencyKey,
      participant,
      event: statement.event,
      statement: canonicalJson(raw),
      signature,
      receivedAt: new Date(now).toISOString(),
      minute: minuteNow(exercise),
    });
  });

  app.get<{ Params: { id: string } }>(EXERCISE_ROUTES.progress, (request): ExerciseProgress => {
    const account = requireAccount(context, request);
    if (!exercises.isFacilitator(account.id))
      throw new RegistryError('not-facilitator', 'Reading exercise progress needs the facilitator right.');
    const exercise = find(request.params.id);
    return {
      exerciseId: exercise.id,
      scenario: exercise.scenario,
      speed: exercise.speed,
      startedAt: exercise.startedAt,
      stoppedAt: exercise.stoppedAt,
      participants: exercise.participants,
      events: exercises.progress(exercise.id),
    };
  });
}

/** An event names injects and parties of this exercise only. */
function assertKnownReferences(exercise: StoredExercise, event: ProgressEvent): void {
  const { scenario } = exercise;
  const known =
    event.kind === 'inject-acknowledged'
      ? scenario.injects.some((i) => i.id === event.injectId)
      : scenario.parties.some((p) => p.id === (event.kind === 'message-sent' ? event.to : event.from));
  if (!known) throw new RegistryError('bad-request', 'The event names no inject or party of this exercise.');
}
