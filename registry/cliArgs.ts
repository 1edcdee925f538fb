import { parseArgs } from 'node:util';
import { DEFAULT_PING_INTERVAL_DAYS } from './pingScheduler';

/** A mistake on the command line: the CLI prints the message and the usage, and exits with 2. */
export class CliUsageError extends Error {
  readonly code = 'cli-usage';
  constructor(message: string) {
    super(message);
    this.name = 'CliUsageError';
  }
}

export const USAGE = `Usage:
  npm run registry -- --data DIR --port N [--host ADDR] [--demo] [--demo-size N] [--rate-limit N] [--ping-interval-days N]
  npm run registry -- admin issue-code --data DIR --state FRA --role technical [--days 30] [--may-create N]
  npm run registry -- admin revoke --data DIR --account ID
  npm run registry -- admin accounts --data DIR [--days N]
  npm run registry -- admin start-campaign --data DIR
  npm run registry -- admin ping-report --data DIR [--campaign ID] [--csv]
  npm run registry -- admin export --data DIR [--out FILE]
  npm run registry -- admin import --data DIR --file FILE
  npm run registry -- admin counts --data DIR
  npm run registry -- admin publish-static --data DIR --out DIR
  npm run registry -- admin export-bundle --data DIR [--since SEQ] --out FILE
  npm run registry -- admin import-outbox --data DIR --file FILE
  npm run registry -- admin issue-code --data DIR --state FRA --role technical --facilitator
  npm run registry -- admin facilitator --data DIR --account ID [--revoke]
  npm run registry -- admin exercise create --data DIR --scenario FILE --participants FRA:technical,DEU:technical[=PARTY],… [--speed 1|10|60]
  npm run registry -- admin exercise list --data DIR
  npm run registry -- admin exercise stop --data DIR --exercise ID

  --days N (accounts)     only active accounts whose key, as the registry holds it, expires within N days
  --may-create N          the enrolled account may create N new entries of its State and role (default 0)
  --facilitator           the enrolled account may watch exercise progress (never message contents)
  --participants LIST     STATE:ROLE per participant; a party of the scenario by order of role, or =PARTY
  --ping-interval-days N  start a ping campaign when the last is older than N days (default ${DEFAULT_PING_INTERVAL_DAYS}; 0 = only by hand)`;

export const ADMIN_COMMANDS = [
  'issue-code',
  'revoke',
  'accounts',
  'start-campaign',
  'ping-report',
  'export',
  'import',
  'counts',
  'publish-static',
  'export-bundle',
  'import-outbox',
  'facilitator',
  'exercise',
] as const;
/** `admin exercise <action>` (issue 12). */
export const EXERCISE_ACTIONS = ['create', 'list', 'stop'] as const;
export type AdminCommand = (typeof ADMIN_COMMANDS)[number];

export interface ServeOptions {
  dataDir: string;
  port: number;
  host: string;
  demo: boolean;
  demoSize?: number;
  rateLimitPerMinute?: number;
  pingIntervalDays: number;
}

export type CliCommand =
  | { kind: 'help' }
  | { kind: 'serve'; options: ServeOptions }
  | { kind: 'admin'; command: AdminCommand; args: Record<string, string | boolean | undefined> };

const OPTIONS = {
  data: { type: 'string' },
  port: { type: 'string', default: '8787' },
  host: { type: 'string', default: '127.0.0.1' },
  demo: { type: 'boolean', default: false },
  'demo-size': { type: 'string' },
  'rate-limit': { type: 'string' },
  'ping-interval-days': { type: 'string' },
  state: { type: 'string' },
  role: { type: 'string' },
  days: { type: 'string' },
  code: { type: 'string' },
  account: { type: 'string' },
  campaign: { type: 'string' },
  csv: { type: 'boolean', default: false },
  out: { type: 'string' },
  file: { type: 'string' },
  since: { type: 'string' },
  'may-create': { type: 'string' },
  facilitator: { type: 'boolean', default: false },
  revoke: { type: 'boolean', default: false },
  scenario: { type: 'string' },
  participants: { type: 'string' },
  speed: { type: 'string' },
  exercise: { type: 'string' },
  help: { type: 'boolean', default: false },
} as const;

/** A whole number within [min, max], or a clear message naming the option. */
export function integerOption(
  name: string,
  value: string | undefined,
  min: number,
  max: number,
): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()))
    throw new CliUsageError(`--${name} must be a whole number, not "${value}"`);
  const n = Number(value);
  if (n < min || n > max) throw new CliUsageError(`--${name} must be between ${min} and ${max}, not ${n}`);
  return n;
}

/** Reads argv (without node and the script) into one command, or throws CliUsageError. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: [...argv], allowPositionals: true, options: OPTIONS });
  } catch (error) {
    // node:util names the bad option in its message ("Unknown option '--prot'").
    throw new CliUsageError(error instanceof Error ? error.message : String(error));
  }
  const { values, positionals } = parsed;
  if (values.help) return { kind: 'help' };
  const [first, command, ...rest] = positionals;
  if (first === 'admin') {
    if (!command) throw new CliUsageError(`admin needs a command: ${ADMIN_COMMANDS.join(', ')}`);
    if (!(ADMIN_COMMANDS as readonly string[]).includes(command))
      throw new CliUsageError(`unknown admin command "${command}"`);
    const [action, ...extra] = command === 'exercise' ? rest : [undefined, ...rest];
    if (command === 'exercise' && !(EXERCISE_ACTIONS as readonly (string | undefined)[]).includes(action))
      throw new CliUsageError(`admin exercise needs an action: ${EXERCISE_ACTIONS.join(', ')}`);
    if (extra.length > 0) throw new CliUsageError(`unexpected argument "${extra[0] ?? ''}"`);
    if (!values.data) throw new CliUsageError('--data DIR is required');
    integerOption('days', values.days, 1, 3650);
    return {
      kind: 'admin',
      command: command as AdminCommand,
      args: { ...values, ...(action ? { action } : {}) },
    };
  }
  if (first && first !== 'serve') throw new CliUsageError(`unknown command "${first}"`);
  if (command) throw new CliUsageError(`unexpected argument "${command}"`);
  if (!values.data) throw new CliUsageError('--data DIR is required');
  const demoSize = integerOption('demo-size', values['demo-size'], 1, 200_000);
  const rateLimit = integerOption('rate-limit', values['rate-limit'], 1, 100_000_000);
  return {
    kind: 'serve',
    options: {
      dataDir: values.data,
      port: integerOption('port', values.port, 0, 65_535) ?? 8787,
      host: values.host,
      demo: values.demo,
      ...(demoSize !== undefined ? { demoSize } : {}),
      ...(rateLimit !== undefined ? { rateLimitPerMinute: rateLimit } : {}),
      pingIntervalDays:
        integerOption('ping-interval-days', values['ping-interval-days'], 0, 3650) ??
        DEFAULT_PING_INTERVAL_DAYS,
    },
  };
}
