import { readFileSync, writeFileSync } from 'node:fs';
import { z } from 'zod';
import { PocRoleSchema, PointOfContactSchema, StateCodeSchema } from '../../shared/directory/model';
import { AccountRepository } from '../store/accountRepository';
import { openRegistryDatabase } from '../store/database';
import { DirectoryRepository } from '../store/directoryRepository';
import { randomId } from '../store/ids';
import { PingRepository, type PingReportRow } from '../store/pingRepository';

/**
 * The registry manager's command line. Every command opens the SQLite file directly (WAL lets it
 * run next to a live server) and prints a result for a person to read, or CSV/JSON to redirect.
 */

export type AdminArgs = Record<string, string | boolean | undefined>;

const str = (args: AdminArgs, name: string): string | undefined => (typeof args[name] === 'string' ? args[name] : undefined);
function required(args: AdminArgs, name: string): string {
  const value = str(args, name);
  if (!value) throw new Error(`--${name} is required`);
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
        const state = StateCodeSchema.parse(required(args, 'state').toUpperCase());
        const role = PocRoleSchema.parse(required(args, 'role'));
        const days = Number(str(args, 'days') ?? '30');
        const code = str(args, 'code')?.toUpperCase() ?? newEnrolmentCode();
        const expiresAt = new Date(now.getTime() + days * 86_400_000).toISOString();
        accounts.issueCode({ code, state, role, expiresAt, issuedAt: now.toISOString() });
        return `Enrolment code for ${state} ${role}, one use, valid until ${expiresAt}:\n${code}\nSend it through the Permanent Mission only.`;
      }
      case 'revoke': {
        const id = required(args, 'account');
        return accounts.revoke(id, now) ? `Account ${id} revoked; its sessions are closed.` : `No active account ${id}.`;
      }
      case 'accounts':
        return accounts
          .list()
          .map((a) => `${a.id}\t${a.state}\t${a.role}\t${a.fingerprint}\t${a.enrolledAt}\t${a.revokedAt ?? 'active'}`)
          .join('\n');
      case 'start-campaign': {
        const result = pings.startCampaign(now);
        return `Ping campaign ${result.campaignId} started: ${result.pings} points of contact pinged, answers due by ${result.deadline}.`;
      }
      case 'ping-report': {
        const campaignId = str(args, 'campaign') ?? pings.latestCampaignId();
        if (!campaignId) return 'No ping campaign yet.';
        const rows = pings.report(campaignId, now);
        return args.csv ? pingReportCsv(rows) : pingReportTable(campaignId, rows);
      }
      case 'export': {
        const json = JSON.stringify({ format: 'poc-directory-export', version: 1, entries: directory.listLive() }, null, 2);
        const out = str(args, 'out');
        if (!out) return json;
        writeFileSync(out, json);
        return `Exported ${directory.counts().live} entries to ${out}.`;
      }
      case 'import': {
        const file = JSON.parse(readFileSync(required(args, 'file'), 'utf8')) as unknown;
        const { entries } = z.object({ entries: z.array(PointOfContactSchema) }).parse(file);
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
      default:
        throw new Error(`unknown admin command "${command}"`);
    }
  } finally {
    db.close();
  }
}

const csvCell = (value: string | number | null) => {
  const text = value === null ? '' : String(value);
  return /[",\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
};

export function pingReportCsv(rows: readonly PingReportRow[]): string {
  const header = ['state', 'role', 'account', 'status', 'sent_at', 'deadline', 'answered_at', 'acknowledged_at', 'response_minutes'];
  const lines = rows.map((r) =>
    [r.state, r.role, r.accountId, r.status, r.sentAt, r.deadline, r.answeredAt, r.acknowledgedAt, r.responseMinutes].map(csvCell).join(','),
  );
  return [header.join(','), ...lines].join('\n');
}

export function pingReportTable(campaignId: string, rows: readonly PingReportRow[]): string {
  const counts = { answered: 0, late: 0, unanswered: 0, pending: 0 };
  for (const row of rows) counts[row.status]++;
  const lines = rows.map((r) =>
    [r.state.padEnd(5), r.role.padEnd(11), r.status.padEnd(11), (r.answeredAt ?? '—').padEnd(25), r.responseMinutes === null ? '' : `${r.responseMinutes} min`].join(' '),
  );
  return [
    `Ping campaign ${campaignId}: ${rows.length} pinged, ${counts.answered} answered in time, ${counts.late} late, ${counts.unanswered} unanswered, ${counts.pending} still within 48 h.`,
    'State Role        Status      Answered at               Response time',
    ...lines,
  ].join('\n');
}
