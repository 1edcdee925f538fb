import { z } from 'zod';
import { PocRoleSchema, StateCodeSchema } from '../directory/model';
import { UN_LANGUAGES, type UnLanguage } from '../i18n/languages';
import { TrainingError } from './errors';

/**
 * Tabletop scenario, format version 1. A §13 e) of A/78/265 asks for « un exercice de simulation …
 * en utilisant des scénarios de base pour permettre aux représentant(e)s des États de simuler les
 * aspects pratiques de la participation à un répertoire d'interlocuteurs et de mieux comprendre les
 * rôles des interlocuteurs diplomatiques et techniques ». A scenario is data, not code: fictional
 * States, their POCs per role, a timeline of injects at T+minutes, a script for the simulated
 * counterparts, the actions expected of the player with deadlines, and debrief questions.
 */
export const SCENARIO_FORMAT = 'poc-desk/scenario' as const;
export const SCENARIO_VERSION = 1 as const;

const text = (max: number) => z.string().trim().min(1).max(max);
const slug = z.string().regex(/^[a-z0-9][a-z0-9-]{0,63}$/, 'a lower-case slug');
const minutes = z
  .number()
  .int()
  .min(0)
  .max(7 * 24 * 60);

/** Title, briefing, inject texts and questions exist in all six UN languages (A §7 a iv). */
export const LocalizedTextSchema = z.object(
  Object.fromEntries(UN_LANGUAGES.map((language) => [language, text(4_000)])) as Record<
    UnLanguage,
    ReturnType<typeof text>
  >,
);
export type LocalizedText = z.infer<typeof LocalizedTextSchema>;

export const ExercisePartySchema = z.object({
  id: slug,
  /** Fictional States only: user-assigned ISO codes (XAA–XZZ) never name a real country. */
  state: StateCodeSchema.refine((code) => code.startsWith('X'), 'a fictional (X..) State code'),
  role: PocRoleSchema,
  /** The entity as it would appear in the directory (fictional, language-neutral). */
  name: text(200),
  /** Always under an `example` domain (RFC 2606). */
  email: z.email().refine((value) => /@([a-z0-9-]+\.)*example(\.[a-z]+)?$/i.test(value), 'an example domain'),
});
export type ExerciseParty = z.infer<typeof ExercisePartySchema>;

export const INJECT_KINDS = ['observation', 'indicators', 'message', 'ping'] as const;
export const InjectSchema = z.object({
  id: slug,
  /** Scenario time, minutes after the start (T+). */
  at: minutes,
  kind: z.enum(INJECT_KINDS),
  /** The counterpart a message comes from (kind 'message'); the registry manager for a ping. */
  from: slug.optional(),
  text: LocalizedTextSchema,
  /** Technical data as the CERT would paste it (documentation address ranges only). */
  indicators: z.array(text(500)).max(200).optional(),
});
export type Inject = z.infer<typeof InjectSchema>;

export const PLAYER_ACTIONS = [
  'inquiry',
  'acknowledge',
  'answer',
  'ping-reply',
  'follow-up',
  'handover',
] as const;
export const PlayerActionKindSchema = z.enum(PLAYER_ACTIONS);
export type PlayerActionKind = z.infer<typeof PlayerActionKindSchema>;

/** What opens an expected action or a script step: the start, an inject, a step, or a player action. */
export const TriggerSchema = z.union([
  z.object({ start: z.literal(true) }),
  z.object({ inject: slug }),
  z.object({ step: slug }),
  z.object({ action: slug }),
]);
export type Trigger = z.infer<typeof TriggerSchema>;

export const ExpectedActionSchema = z.object({
  id: slug,
  kind: PlayerActionKindSchema,
  /** The party the action is addressed to; absent for a ping reply (it goes to the registry manager). */
  to: slug.optional(),
  opensOn: TriggerSchema,
  /** Deadline in scenario minutes after the action opens. */
  withinMinutes: z
    .number()
    .int()
    .positive()
    .max(7 * 24 * 60),
  label: LocalizedTextSchema,
});
export type ExpectedAction = z.infer<typeof ExpectedActionSchema>;

/**
 * The simulated counterpart's script (solo mode): after a trigger and a delay it acknowledges, asks a
 * question or answers; 'silent' records on purpose that it will not answer, so the player must follow up.
 */
export const COUNTERPART_MOVES = ['acknowledge', 'ask', 'answer', 'silent'] as const;
export const ScriptStepSchema = z.object({
  id: slug,
  party: slug,
  after: TriggerSchema,
  delayMinutes: minutes,
  does: z.enum(COUNTERPART_MOVES),
  text: LocalizedTextSchema.optional(),
});
export type ScriptStep = z.infer<typeof ScriptStepSchema>;

export const ScenarioSchema = z
  .object({
    format: z.literal(SCENARIO_FORMAT),
    version: z.literal(SCENARIO_VERSION),
    id: slug,
    title: LocalizedTextSchema,
    briefing: LocalizedTextSchema,
    durationMinutes: z
      .number()
      .int()
      .positive()
      .max(7 * 24 * 60),
    /** The party the user plays in solo mode. */
    player: slug,
    parties: z.array(ExercisePartySchema).min(2).max(50),
    injects: z.array(InjectSchema).min(1).max(2_000),
    script: z.array(ScriptStepSchema).max(2_000),
    expected: z.array(ExpectedActionSchema).max(2_000),
    debrief: z
      .array(z.object({ id: slug, question: LocalizedTextSchema }))
      .min(1)
      .max(50),
  })
  .superRefine((scenario, ctx) => {
    const parties = new Set(scenario.parties.map((p) => p.id));
    const injects = new Set(scenario.injects.map((i) => i.id));
    const steps = new Set(scenario.script.map((s) => s.id));
    const actions = new Set(scenario.expected.map((a) => a.id));
    const refs: [string, string | undefined, Set<string>, (string | number)[]][] = [
      ['player', scenario.player, parties, ['player']],
    ];
    const triggerRef = (trigger: Trigger, path: (string | number)[]) => {
      if ('inject' in trigger) refs.push(['inject', trigger.inject, injects, path]);
      if ('step' in trigger) refs.push(['step', trigger.step, steps, path]);
      if ('action' in trigger) refs.push(['action', trigger.action, actions, path]);
    };
    scenario.injects.forEach((inject, i) => {
      if (inject.from !== undefined) refs.push(['party', inject.from, parties, ['injects', i, 'from']]);
      if (inject.at > scenario.durationMinutes)
        ctx.addIssue({
          code: 'custom',
          path: ['injects', i, 'at'],
          message: 'after the end of the scenario',
        });
    });
    scenario.script.forEach((step, i) => {
      refs.push(['party', step.party, parties, ['script', i, 'party']]);
      triggerRef(step.after, ['script', i, 'after']);
    });
    scenario.expected.forEach((action, i) => {
      if (action.to !== undefined) refs.push(['party', action.to, parties, ['expected', i, 'to']]);
      triggerRef(action.opensOn, ['expected', i, 'opensOn']);
    });
    for (const [what, id, known, path] of refs) {
      if (id !== undefined && !known.has(id))
        ctx.addIssue({ code: 'custom', path, message: `unknown ${what} "${id}"` });
    }
    for (const [name, list] of [
      ['parties', scenario.parties],
      ['injects', scenario.injects],
      ['script', scenario.script],
      ['expected', scenario.expected],
    ] as const) {
      const seen = new Set<string>();
      list.forEach((item, i) => {
        if (seen.has(item.id))
          ctx.addIssue({ code: 'custom', path: [name, i, 'id'], message: 'duplicate id' });
        seen.add(item.id);
      });
    }
  });
export type Scenario = z.infer<typeof ScenarioSchema>;

/** Upper bound for an imported file: a scenario is text, a megabyte is far more than any needs. */
export const MAX_SCENARIO_BYTES = 2_000_000;

/**
 * Reads one scenario from parsed JSON. A file of another format or of a version this app does not
 * know is refused with its own code, so the user learns to update the app rather than to fix the file.
 */
export function parseScenario(value: unknown): Scenario {
  if (
    value === null ||
    typeof value !== 'object' ||
    (value as { format?: unknown }).format !== SCENARIO_FORMAT
  ) {
    throw new TrainingError('not-a-scenario');
  }
  const version = (value as { version?: unknown }).version;
  if (version !== SCENARIO_VERSION) throw new TrainingError('unknown-version', String(version));
  const parsed = ScenarioSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new TrainingError(
      'invalid-scenario',
      issue ? `${issue.path.join('.')}: ${issue.message}` : undefined,
    );
  }
  return parsed.data;
}

export function partyOf(scenario: Scenario, id: string): ExerciseParty | undefined {
  return scenario.parties.find((party) => party.id === id);
}

export function localized(text: LocalizedText, language: UnLanguage): string {
  return text[language];
}
