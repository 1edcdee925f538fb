import { readFileSync } from 'node:fs';
import { PocRoleSchema, StateCodeSchema, type PocRole } from '../../shared/directory/model';
import { ExerciseSpeedSchema } from '../../shared/registry/exercise';
import { checkExerciseItems } from '../../shared/training/itemPolicy';
import { parseScenario, type Scenario } from '../../shared/training/scenario';
import { TrainingError } from '../../shared/training/errors';
import { CliUsageError } from '../cliArgs';
import type { AccountRepository } from '../store/accountRepository';
import type { ExerciseRepository, StoredExercise } from '../store/exerciseRepository';

/**
 * `admin exercise create|list|stop` and `admin facilitator` (issue 12, group mode). The facilitator
 * starts an exercise from a scenario file and names its participants as STATE:ROLE; each plays a
 * party of the scenario of the same role (in the scenario's order, or `=party` to choose).
 */

type Args = Record<string, string | boolean | undefined>;
const str = (args: Args, name: string) => (typeof args[name] === 'string' ? args[name] : undefined);

export interface ParticipantSpec {
  state: string;
  role: PocRole;
  party: string;
}

export function parseParticipants(list: string, scenario: Scenario): ParticipantSpec[] {
  const taken = new Set<string>();
  const seen = new Set<string>();
  const specs = list
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean)
    .map((item) => {
      const match = /^([A-Za-z]{3}):([a-z]+)(?:=([a-z0-9-]+))?$/.exec(item);
      const state = StateCodeSchema.safeParse(match?.[1]?.toUpperCase());
      const role = PocRoleSchema.safeParse(match?.[2]);
      if (!match || !state.success || !role.success)
        throw new CliUsageError(`--participants: "${item}" is not STATE:ROLE (e.g. FRA:technical)`);
      if (seen.has(`${state.data}:${role.data}`))
        throw new CliUsageError(`--participants: ${state.data}:${role.data} is named twice`);
      seen.add(`${state.data}:${role.data}`);
      return { state: state.data, role: role.data, party: match[3] };
    });
  if (specs.length === 0) throw new CliUsageError('--participants needs at least one STATE:ROLE');
  return specs.map((spec) => {
    const party = spec.party
      ? scenario.parties.find((p) => p.id === spec.party)
      : scenario.parties.find((p) => p.role === spec.role && !taken.has(p.id));
    if (!party)
      throw new CliUsageError(
        spec.party
          ? `--participants: the scenario has no party "${spec.party}"`
          : `--participants: the scenario has no ${spec.role} party left for ${spec.state}`,
      );
    if (party.role !== spec.role)
      throw new CliUsageError(`--participants: party "${party.id}" is ${party.role}, not ${spec.role}`);
    if (taken.has(party.id)) throw new CliUsageError(`--participants: party "${party.id}" is played twice`);
    taken.add(party.id);
    return { state: spec.state, role: spec.role, party: party.id };
  });
}

export function readScenarioFile(path: string): Scenario {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `${path} is not a readable JSON file (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  let scenario: Scenario;
  try {
    scenario = parseScenario(json);
  } catch (error) {
    if (error instanceof TrainingError)
      throw new Error(`${path} is not a usable scenario: ${error.message}`, { cause: error });
    throw error;
  }
  const [violation, ...more] = checkExerciseItems(scenario);
  if (violation)
    throw new Error(
      `${path}: exercise items must hold no confidential or real data; refused at ${violation.path} ` +
        `(${violation.code})${more.length ? ` and ${more.length} more` : ''}; no exercise was created`,
    );
  return scenario;
}

const describe = (e: StoredExercise) =>
  `${e.id}\t${e.scenario.id}\t${e.speed}x\tstarted ${e.startedAt}\t${e.stoppedAt ? `stopped ${e.stoppedAt}` : 'running'}\t` +
  e.participants.map((p) => `${p.state}:${p.role}=${p.party}`).join(',');

export function runExerciseCommand(args: Args, exercises: ExerciseRepository, now: Date): string {
  switch (args.action) {
    case 'create': {
      const file = str(args, 'scenario');
      if (!file) throw new CliUsageError('--scenario FILE is required');
      const list = str(args, 'participants');
      if (!list) throw new CliUsageError('--participants STATE:ROLE,… is required');
      const speedText = str(args, 'speed') ?? '1';
      const speed = ExerciseSpeedSchema.safeParse(Number(speedText));
      if (!speed.success) throw new CliUsageError(`--speed must be 1, 10 or 60, not "${speedText}"`);
      const scenario = readScenarioFile(file);
      const participants = parseParticipants(list, scenario);
      const exercise = exercises.create({ scenario, speed: speed.data, participants, now });
      return [
        `Exercise ${exercise.id} started: scenario ${scenario.id} at ${speed.data}x, ` +
          `${scenario.injects.length} injects over ${scenario.durationMinutes} scenario minutes.`,
        ...participants.map((p) => `  ${p.state} ${p.role.padEnd(10)} plays ${p.party}`),
      ].join('\n');
    }
    case 'list': {
      const all = exercises.list();
      return all.length ? all.map(describe).join('\n') : 'No exercise yet.';
    }
    case 'stop': {
      const id = str(args, 'exercise');
      if (!id) throw new CliUsageError('--exercise ID is required');
      return exercises.stop(id, now) ? `Exercise ${id} stopped.` : `No running exercise ${id}.`;
    }
    default:
      throw new CliUsageError('admin exercise needs an action: create, list, stop');
  }
}

export function runFacilitatorCommand(
  args: Args,
  accounts: AccountRepository,
  exercises: ExerciseRepository,
  now: Date,
): string {
  const id = str(args, 'account');
  if (!id) throw new CliUsageError('--account ID is required');
  const account = accounts.get(id);
  if (!account) return `No account ${id}.`;
  if (args.revoke)
    return exercises.revokeFacilitator(id)
      ? `Account ${id} no longer holds the facilitator right.`
      : `Account ${id} did not hold the facilitator right.`;
  exercises.grantAccount(id, now);
  return `Account ${id} (${account.state} ${account.role}) now holds the facilitator right.`;
}
