import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import {
  PocRoleSchema,
  PointOfContactSchema,
  StateCodeSchema,
  type PointOfContact,
} from '../../shared/directory/model';
import { AccountRepository } from '../store/accountRepository';
import { openRegistryDatabase } from '../store/database';
import { DirectoryRepository } from '../store/directoryRepository';
import { randomId } from '../store/ids';
import { PingRepository, type PingReportRow } from '../store/pingRepository';
import { ExerciseRepository } from '../store/exerciseRepository';
import { runExerciseCommand, runFacilitatorCommand } from './exerciseCommands';
import { CliUsageError, integerOption } from '../cliArgs';

/**
 * The registry manager's command line. Every command opens the SQLite file directly (WAL lets it
 * run next to a live server) and prints a result for a person to read, or CSV/JSON to redirect.
 */

export type AdminArgs = Record<string, string | boolean | undefined>;

const str = (args: AdminArgs, name: string): string | undefined =>
  typeof args[name] === 'string' ? args[name] : undefined;
function required(args: AdminArgs, name: string): string {
  const value = str(args, name);
  if (!value) throw new CliUsageError(`--${name} is required`);
  return value;
}

/** A code a person can read over the phone: 4 groups of 4, no ambiguous letters. */
export function newEnrolmentCode(): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';
  const bytes = Buffer.from(randomId(24), 'base64url');
  const chars = [...bytes].slice(0, 16).map((b) => alphabet[b % alphabet.length] ?? 'A');
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

export function runAdminCommand(command: string, args: AdminArgs, now = new Date()): string {
  const db = openRegistryDatabase(required(args, 'data'));
  try {
    const directory = new DirectoryRepository(db);
    const accounts = new AccountRepository(db);
    const pings = new PingRepository(db);
    switch (command) {
      case 'issue-code': {
        const state = StateCodeSchema.safeParse(required(args, 'state').toUpperCase());
        if (!state.success) throw new CliUsageError('--state must be an ISO 3166-1 alpha-3 code such as FRA');
        const role = PocRoleSchema.safeParse(required(args, 'role'));
        if (!role.success) throw new CliUsageError('--role must be technical or diplomatic');
        const days = integerOption('days', str(args, 'days'), 1, 3650) ?? 30;
        // Issue 9 §1: by default the manager creates a State's entries; a code may grant the right
        // (e.g. for a State's first POC) to create that many entries of its own State and role.
        const mayCreate = integerOption('may-create', str(args, 'may-create'), 0, 100) ?? 0;
        const code = str(args, 'code')?.toUpperCase() ?? newEnrolmentCode();
        const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
        accounts.issueCode({
          code,
          state: state.data,
          role: role.data,
          expiresAt,
          issuedAt: now.toISOString(),
          mayCreate,
        });
        // Issue 12: a code may also grant the facilitator right (reading exercise progress).
        if (args.facilitator) new ExerciseRepository(db).grantCode(code, now);
        const right =
          (mayCreate > 0 ? `, may create ${mayCreate} entr${mayCreate === 1 ? 'y' : 'ies'}` : '') +
          (args.facilitator ? ', facilitator' : '');
        return `Enrolment code for ${state.data} ${role.data}${right}, one use, valid until ${expiresAt}:\n${code}\nSend it through the Permanent Mission only.`;
      }
      case 'revoke': {
        const id = required(args, 'account');
        return accounts.revoke(id, now)
          ? `Account ${id} revoked; its sessions are closed.`
          : `No active account ${id}.`;
      }
      case 'start-campaign': {
        const result = pings.startCampaign(now);
        return `Ping campaign ${result.campaignId} started: ${result.pings} points of contact pinged, answers due by ${result.deadline}.`;
      }
      case 'ping-report': {
        const campaignId = str(args, 'campaign') ?? pings.latestCampaignId();
        if (!campaignId) return 'No ping campaign yet.';
        const rows = pings.report(campaignId, now);
        return args.csv ? pingReportCsv(rows) : pingReportTable(campaignId, rows, now);
      }
      case 'export': {
        const json = JSON.stringify(
          { format: 'poc-directory-export', version: 1, entries: directory.listLive() },
          null,
          2,
        );
        const out = str(args, 'out');
        if (!out) return json;
        writeFileSync(out, json);
        return `Exported ${directory.counts().live} entries to ${out}.`;
      }
      case 'import': {
        const entries = readDirectoryExport(required(args, 'file'));
        return `Imported ${directory.importEntries(entries)} entries; head is now ${directory.head()}.`;
      }
      case 'counts': {
        const d = directory.counts();
        const a = accounts.counts();
        return [
          `entries: ${d.live}`,
          `tombstones: ${d.tombstones}`,
          `head sequence: ${d.head}`,
          `accounts: ${a.accounts} (${a.revoked} revoked)`,
          `open enrolment codes: ${a.openCodes}`,
        ].join('\n');
      }
      case 'facilitator':
        return runFacilitatorCommand(args, accounts, new ExerciseRepository(db), now);
      case 'exercise':
        return runExerciseCommand(args, new ExerciseRepository(db), now);
      default:
        throw new CliUsageError(`unknown admin command "${command}"`);
    }
  } finally {
    db.close();
  }
}

export const DirectoryExportSchema = z.object({
  format: z.literal('poc-directory-export'),
  version: z.literal(1),
  entries: z.array(PointOfContactSchema),
});

/** Reads an export file, naming the first wrong entry and field when it does not fit. */
export function readDirectoryExport(path: string): PointOfContact[] {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(
      `${path} is not a readable JSON file (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  const parsed = DirectoryExportSchema.safeParse(json);
  if (parsed.success) return parsed.data.entries;
  const issue = parsed.error.issues[0];
  throw new Error(
    `${path} is not a directory export: ${issue?.message ?? 'invalid'} at ${issue?.path.join('.') || 'the top level'}; nothing was imported`,
  );
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function pingReportCsv(rows: readonly PingReportRow[]): string {
  const header = [
    'state',
    'role',
    'account',
    'status',
    'sent_at',
    'deadline',
    'answered_at',
    'acknowledged_at',
    'response_minutes',
    'follow_up',
  ];
  const lines = rows.map((r) =>
    [
      r.state,
      r.role,
      r.accountId,
      r.status,
      r.sentAt,
      r.deadline,
      r.answeredAt,
      r.acknowledgedAt,
      r.responseMinutes,
      needsFollowUp(r) ? 'yes' : 'no',
    ]
      .map(csvCell)
      .join(','),
  );
  return [header.join(','), ...lines].join('\n');
}

/** A §8: a POC that did not confirm within 48 hours (no answer, or a late one): the manager follows up with the State. */
export const needsFollowUp = (row: PingReportRow): boolean =>
  row.status === 'unanswered' || row.status === 'late';

function followUpSection(rows: readonly PingReportRow[], now: Date): string[] {
  const overdue = rows.filter(needsFollowUp);
  if (overdue.length === 0)
    return ['', 'Nobody to follow up: every point of contact past the 48 hours answered in time.'];
  const states = [...new Set(overdue.map((r) => r.state))];
  return [
    '',
    `FOLLOW UP with ${states.length} State(s) — ${overdue.length} point(s) of contact did not confirm within 48 hours:`,
    ...overdue.map((r) => {
      const what =
        r.status === 'late'
          ? `answered late, ${hoursBetween(r.deadline, r.answeredAt ?? r.deadline)} h after the deadline`
          : `no answer, ${hoursBetween(r.deadline, now.toISOString())} h overdue`;
      return `  ${r.state.padEnd(5)} ${r.role.padEnd(11)} account ${r.accountId}: ${what} (deadline ${r.deadline})`;
    }),
  ];
}

const hoursBetween = (from: string, to: string) =>
  Math.max(0, Math.round((Date.parse(to) - Date.parse(from)) / 3600_000));

export function pingReportTable(
  campaignId: string,
  rows: readonly PingReportRow[],
  now = new Date(),
): string {
  const counts = { answered: 0, late: 0, unanswered: 0, pending: 0 };
  for (const row of rows) counts[row.status]++;
  const lines = rows.map((r) =>
    [
      r.state.padEnd(5),
      r.role.padEnd(11),
      r.status.padEnd(11),
      (r.answeredAt ?? '—').padEnd(25),
      r.responseMinutes === null ? '' : `${r.responseMinutes} min`,
    ].join(' '),
  );
  return [
    `Ping campaign ${campaignId}: ${rows.length} pinged, ${counts.answered} answered in time, ${counts.late} late, ${counts.unanswered} unanswered, ${counts.pending} still within 48 h.`,
    'State Role        Status      Answered at               Response time',
    ...lines,
    ...followUpSection(rows, now),
  ].join('\n');
}
