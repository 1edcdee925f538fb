import type { PocRole } from '../directory/model';
import type { LocalizedText, PlayerActionKind, Scenario } from './scenario';
import type { PlayerAction, RoleDecision, RunState } from './run';
import { expectedProgress, indexScenario, type ExpectedStatus, type ScriptIndex } from './script';

/**
 * The debrief of an exercise, per participant: each expected action with when it opened, its
 * deadline and when (if) it was done; times to acknowledge and to answer; the A §9 role decisions;
 * whether every acknowledgement carried the A §10 statement (« Le fait d'accuser réception d'une
 * communication ne revient pas à approuver les informations qu'elle contient ») ; the ping tests
 * answered (A §8: « répondre dans un délai de 48 heures ») ; and the debrief questions with notes.
 */
export interface DebriefLine {
  expectedId: string;
  kind: PlayerActionKind;
  to: string | undefined;
  label: LocalizedText;
  opensAt: number | null;
  dueAt: number | null;
  doneAt: number | null;
  status: ExpectedStatus;
  /** Minutes from opening to done (null when not done). */
  tookMinutes: number | null;
}

export interface ParticipantDebrief {
  participant: string;
  state: string;
  role: PocRole;
  /**
   * Whether the scenario's expected actions are this party's: they are written for the part the
   * solo player plays (`scenario.player`). Another party (a group exercise) is measured only on the
   * ping tests (A §8 binds every POC) and shown with its role decisions and exchanges, never
   * judged against actions written for somebody else.
   */
  scripted: boolean;
  /** In a group exercise: the real State and role that played this party. */
  playedBy?: { state: string; role: PocRole };
  lines: DebriefLine[];
  /** Median minutes to acknowledge / to answer, over the expected actions done. */
  medianMinutesTo: { acknowledge: number | null; answer: number | null };
  onTime: number;
  late: number;
  missed: number;
  acknowledgements: { total: number; withStatement: number };
  pings: { expected: number; answered: number; onTime: number };
  roleDecisions: { to: string; toRole: PocRole | undefined; decision: RoleDecision; at: number }[];
  answers: { questionId: string; question: LocalizedText; note: string }[];
}

export interface Debrief {
  scenarioId: string;
  endedAt: number;
  participants: ParticipantDebrief[];
}

function median(values: number[]): number | null {
  if (!values.length) return null;
  const sorted = values.sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? null) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

function participantDebrief(index: ScriptIndex, run: RunState, endedAt: number): ParticipantDebrief {
  const scenario = index.scenario;
  const party = scenario.parties.find((p) => p.id === run.participant);
  const scripted = run.participant === scenario.player;
  const progress = expectedProgress(index, run.actions, endedAt).filter(
    (p) => scripted || p.action.kind === 'ping-reply',
  );
  const lines: DebriefLine[] = progress.map((p) => ({
    expectedId: p.action.id,
    kind: p.action.kind,
    to: p.action.to,
    label: p.action.label,
    opensAt: p.opensAt,
    dueAt: p.dueAt,
    doneAt: p.doneAt,
    status: p.status,
    tookMinutes: p.doneAt !== null && p.opensAt !== null ? p.doneAt - p.opensAt : null,
  }));
  const took = (kind: PlayerActionKind) =>
    lines.filter((l) => l.kind === kind && l.tookMinutes !== null).map((l) => l.tookMinutes ?? 0);
  const acks = run.actions.filter((a) => a.kind === 'acknowledge');
  const pingLines = lines.filter((l) => l.kind === 'ping-reply' && l.status !== 'not-open');
  const decided = (a: PlayerAction): a is PlayerAction & { roleDecision: RoleDecision } =>
    a.roleDecision !== undefined;
  return {
    participant: run.participant,
    state: party?.state ?? '',
    role: party?.role ?? 'technical',
    scripted,
    lines,
    medianMinutesTo: { acknowledge: median(took('acknowledge')), answer: median(took('answer')) },
    onTime: lines.filter((l) => l.status === 'done').length,
    late: lines.filter((l) => l.status === 'late').length,
    missed: lines.filter((l) => l.status === 'missed').length,
    acknowledgements: { total: acks.length, withStatement: acks.filter((a) => a.statement === true).length },
    pings: {
      expected: pingLines.length,
      answered: pingLines.filter((l) => l.doneAt !== null).length,
      onTime: pingLines.filter((l) => l.status === 'done').length,
    },
    roleDecisions: run.actions
      .filter(decided)
      .map((a) => ({ to: a.to, toRole: a.toRole, decision: a.roleDecision, at: a.at })),
    // The debrief questions are written for the scripted part too.
    answers: (scripted ? scenario.debrief : []).map((q) => ({
      questionId: q.id,
      question: q.question,
      note: run.notes[q.id] ?? '',
    })),
  };
}

/** `endedAt`: the scenario minute the debrief is taken at (usually the end of the run). */
export function computeDebrief(scenario: Scenario, runs: readonly RunState[], endedAt: number): Debrief {
  const index = indexScenario(scenario);
  return {
    scenarioId: scenario.id,
    endedAt,
    participants: runs.map((run) => participantDebrief(index, run, endedAt)),
  };
}
