import { z } from 'zod';
import { PocRoleSchema, StateCodeSchema } from '../directory/model';
import { PLAYER_ACTIONS, type Scenario } from './scenario';
import type { RunState } from './run';
import { expectedProgress, indexScenario } from './script';

/**
 * Group mode, protocol side (the registry routes are not built yet). What a facilitator may see of a
 * participant is progress, never contents: A § 7 b — the registry « n'hébergera pas d'informations
 * confidentielles transmises ou échangées entre les interlocuteurs » — holds for exercises too. A
 * progress report names the expected action, the kind of action taken and when; it has no field for
 * text, indicators, recipients' answers or notes, and `.strict()` refuses any extra member.
 */
export const ProgressReportSchema = z
  .object({
    exerciseId: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    participant: z.object({ state: StateCodeSchema, role: PocRoleSchema }),
    /** Scenario minute the report was made at. */
    at: z.number().min(0),
    steps: z
      .array(
        z
          .object({
            kind: z.enum(PLAYER_ACTIONS),
            /** The expected action it fulfilled, when one. */
            expectedId: z.string().max(64).optional(),
            at: z.number().min(0),
            /** Acknowledgements: whether the A §10 statement was carried (a yes/no, not the text). */
            statement: z.boolean().optional(),
          })
          .strict(),
      )
      .max(10_000),
  })
  .strict();
export type ProgressReport = z.infer<typeof ProgressReportSchema>;

/** The report a participant's app sends the facilitator: what was done and when, nothing said. */
export function progressReport(
  scenario: Scenario,
  exerciseId: string,
  run: RunState,
  at: number,
): ProgressReport {
  const party = scenario.parties.find((p) => p.id === run.participant);
  if (!party) throw new Error('participant not in scenario');
  // The expected action each step fulfilled, as the debrief counts it (opening times respected).
  const fulfilled = new Map<string, string>();
  for (const p of expectedProgress(indexScenario(scenario), run.actions, at))
    if (p.by) fulfilled.set(p.by.id, p.action.id);
  return ProgressReportSchema.parse({
    exerciseId,
    participant: { state: party.state, role: party.role },
    at,
    steps: run.actions.map((action) => {
      const expectedId = fulfilled.get(action.id);
      return {
        kind: action.kind,
        at: action.at,
        ...(expectedId ? { expectedId } : {}),
        ...(action.statement !== undefined ? { statement: action.statement } : {}),
      };
    }),
  });
}
