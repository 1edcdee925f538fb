import { z } from 'zod';
import { PocRoleSchema } from '../directory/model';
import { PlayerActionKindSchema, type Scenario } from './scenario';

/**
 * One exercise run as kept (encrypted) in the vault: which party the participant plays, the time
 * compression, the scenario time reached, and every action taken. Time is a pure function of this
 * record and an injected clock (`now`, epoch ms), so a test can fast-forward, and a restart resumes
 * exactly where the run was saved.
 */
export const COMPRESSIONS = [1, 10, 60] as const;
export type Compression = (typeof COMPRESSIONS)[number];
const CompressionSchema = z.union([z.literal(1), z.literal(10), z.literal(60)]);

/** A §9: the player either writes to a POC of the same role, or confirms crossing, or hands over. */
export const ROLE_DECISIONS = ['same-role', 'cross-role-confirmed', 'handover'] as const;
export type RoleDecision = (typeof ROLE_DECISIONS)[number];

export const PlayerActionSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  kind: PlayerActionKindSchema,
  /** The exercise party addressed ('' for a ping reply, which goes to the registry manager). */
  to: z.string().max(64),
  /** Scenario minutes (fractional) when it was taken. */
  at: z.number().min(0),
  /** Acknowledgements: did the message carry the A §10 statement (read from the template sent). */
  statement: z.boolean().optional(),
  roleDecision: z.enum(ROLE_DECISIONS).optional(),
  toRole: PocRoleSchema.optional(),
  /** The exercise message id in the exercise case, when a message was produced. */
  messageId: z.string().max(64).optional(),
});
export type PlayerAction = z.infer<typeof PlayerActionSchema>;

export const RunStateSchema = z.object({
  id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  scenarioId: z.string().max(64),
  participant: z.string().max(64),
  compression: CompressionSchema,
  /** Scenario minutes accumulated up to `resumedAt` (or in total while paused). */
  elapsedMinutes: z.number().min(0),
  /** Real time (epoch ms) the clock last started running; null while paused. */
  resumedAt: z.number().nullable(),
  /** Real time of the last save: after a restart the run continues from here, paused. */
  savedAt: z.number(),
  actions: z.array(PlayerActionSchema).max(10_000),
  notes: z.record(z.string(), z.string().max(20_000)),
  finished: z.boolean(),
  /** The exercise case holding this run's messages (collection exerciseCases). */
  caseId: z.string().max(80).optional(),
});
export type RunState = z.infer<typeof RunStateSchema>;

export function startRun(
  scenario: Scenario,
  options: { id: string; participant?: string; compression: Compression; now: number },
): RunState {
  return {
    id: options.id,
    scenarioId: scenario.id,
    participant: options.participant ?? scenario.player,
    compression: options.compression,
    elapsedMinutes: 0,
    resumedAt: options.now,
    savedAt: options.now,
    actions: [],
    notes: {},
    finished: false,
  };
}

/** Scenario time in minutes at real time `now`, never past the scenario's end. */
export function scenarioMinutes(
  scenario: Pick<Scenario, 'durationMinutes'>,
  run: RunState,
  now: number,
): number {
  const running = run.resumedAt === null ? 0 : (Math.max(0, now - run.resumedAt) / 60_000) * run.compression;
  return Math.min(scenario.durationMinutes, run.elapsedMinutes + running);
}

export function isPaused(run: RunState): boolean {
  return run.resumedAt === null;
}

export function pauseRun(scenario: Scenario, run: RunState, now: number): RunState {
  if (run.resumedAt === null) return { ...run, savedAt: now };
  return { ...run, elapsedMinutes: scenarioMinutes(scenario, run, now), resumedAt: null, savedAt: now };
}

export function resumeRun(run: RunState, now: number): RunState {
  if (run.resumedAt !== null || run.finished) return run;
  return { ...run, resumedAt: now, savedAt: now };
}

/** Changes the factor from now on: the time already played stays as it was. */
export function setCompression(
  scenario: Scenario,
  run: RunState,
  compression: Compression,
  now: number,
): RunState {
  const folded =
    run.resumedAt === null
      ? run
      : { ...run, elapsedMinutes: scenarioMinutes(scenario, run, now), resumedAt: now };
  return { ...folded, compression, savedAt: now };
}

/** A periodic save while running, so a crash loses at most one interval. */
export function checkpoint(scenario: Scenario, run: RunState, now: number): RunState {
  if (run.resumedAt === null) return { ...run, savedAt: now };
  return { ...run, elapsedMinutes: scenarioMinutes(scenario, run, now), resumedAt: now, savedAt: now };
}

/**
 * A run read back after the app was closed: the time the app was not open does not count, so the run
 * comes back paused at the scenario time of its last save, and the user resumes when ready.
 */
export function restoreRun(scenario: Scenario, stored: RunState): RunState {
  if (stored.resumedAt === null) return stored;
  return { ...stored, elapsedMinutes: scenarioMinutes(scenario, stored, stored.savedAt), resumedAt: null };
}

export function recordAction(
  scenario: Scenario,
  run: RunState,
  action: Omit<PlayerAction, 'at'>,
  now: number,
): RunState {
  const at = scenarioMinutes(scenario, run, now);
  return { ...checkpoint(scenario, run, now), actions: [...run.actions, { ...action, at }] };
}

export function finishRun(scenario: Scenario, run: RunState, now: number): RunState {
  return { ...pauseRun(scenario, run, now), finished: true };
}

/** Real milliseconds until scenario minute `target` at the current factor (Infinity while paused). */
export function realMsUntil(scenario: Scenario, run: RunState, target: number, now: number): number {
  if (run.resumedAt === null) return Number.POSITIVE_INFINITY;
  return Math.max(0, ((target - scenarioMinutes(scenario, run, now)) * 60_000) / run.compression);
}

/** Jumps the scenario clock forward to `minute` (the "next event" button); never backwards. */
export function skipTo(scenario: Scenario, run: RunState, minute: number, now: number): RunState {
  const current = scenarioMinutes(scenario, run, now);
  const target = Math.min(scenario.durationMinutes, Math.max(current, minute));
  return { ...run, elapsedMinutes: target, resumedAt: run.resumedAt === null ? null : now, savedAt: now };
}
