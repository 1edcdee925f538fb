import {
  builtinScenario,
  computeDebrief,
  parseScenario,
  type PlayerAction,
  type RunState,
  type Scenario,
} from '../../shared/training';
import { median, type Figure } from './figure';

/**
 * exercise.debrief.ms: the debrief of a 4-hour scenario with 200 injects, 200 expected actions
 * (half opened by injects, half by counterpart moves that follow the participants' actions) and
 * 6 participants who each took about 250 actions. Pure computation in Node (shared/training);
 * median of 30 runs after 5 warm-ups.
 */
const PARTIES = ['p-a-tech', 'p-a-dipl', 'p-b-tech', 'p-b-dipl', 'p-c-tech', 'p-c-dipl'] as const;
const KINDS = ['inquiry', 'acknowledge', 'answer', 'ping-reply', 'follow-up', 'handover'] as const;

function bigScenario(): Scenario {
  const base = builtinScenario('ransomware-port') as Scenario;
  const text = base.briefing;
  const parties = PARTIES.map((id, i) => ({
    id,
    state: ['XAA', 'XBB', 'XCC'][Math.floor(i / 2)] ?? 'XAA',
    role: i % 2 ? ('diplomatic' as const) : ('technical' as const),
    name: `Fictional POC ${id}`,
    email: `${id}@bench.example`,
  }));
  const injects = Array.from({ length: 200 }, (_, i) => ({
    id: `i-${i}`,
    at: Math.floor((i * 240) / 200),
    kind: 'message' as const,
    from: PARTIES[i % 6],
    text,
  }));
  const expected = Array.from({ length: 200 }, (_, i) => ({
    id: `e-${i}`,
    kind: KINDS[i % KINDS.length] ?? 'answer',
    to: PARTIES[(i + 1) % 6],
    opensOn: i % 2 ? { step: `s-${i - 1}` } : { inject: `i-${i}` },
    withinMinutes: 30,
    label: text,
  }));
  const script = Array.from({ length: 200 }, (_, i) => ({
    id: `s-${i}`,
    party: PARTIES[(i + 1) % 6] ?? 'p-a-tech',
    after: { action: `e-${i}` },
    delayMinutes: 5,
    does: 'answer' as const,
    text,
  }));
  return parseScenario({
    ...base,
    id: 'bench-4h',
    durationMinutes: 240,
    player: 'p-a-tech',
    parties,
    injects,
    expected,
    script,
    debrief: base.debrief,
  });
}

function runOf(scenario: Scenario, participant: string, seed: number): RunState {
  const actions: PlayerAction[] = [];
  for (let i = 0; i < 250; i++) {
    const e = scenario.expected[(i * 7 + seed) % scenario.expected.length];
    actions.push({
      id: `action-${seed}-${String(i).padStart(5, '0')}`,
      kind: e?.kind ?? 'answer',
      to: e?.to ?? '',
      at: (i * 240) / 250,
      statement: i % 5 !== 0,
    });
  }
  return {
    id: `run-bench-${seed}`,
    scenarioId: scenario.id,
    participant,
    compression: 60,
    elapsedMinutes: 240,
    resumedAt: null,
    savedAt: 0,
    actions,
    notes: { 'q-role': 'Fictional note' },
    finished: true,
  };
}

export async function run(): Promise<Figure[]> {
  const scenario = bigScenario();
  const runs = PARTIES.map((party, i) => runOf(scenario, party, i));
  let lines = 0;
  for (let i = 0; i < 5; i++) lines += computeDebrief(scenario, runs, 240).participants.length;
  const times: number[] = [];
  for (let i = 0; i < 30; i++) {
    const started = performance.now();
    lines += computeDebrief(scenario, runs, 240).participants.reduce((sum, p) => sum + p.lines.length, 0);
    times.push(performance.now() - started);
  }
  await Promise.resolve();
  return [
    {
      name: 'exercise.debrief.ms',
      value: median(times),
      unit: 'ms',
      target: 200,
      better: 'lower',
      note: `6 participants × 200 expected actions, 250 actions each (${lines} debrief lines)`,
    },
  ];
}
