import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { pingReportCsv, pingReportTable, runAdminCommand } from '../../../registry/admin/commands';
import { CliUsageError } from '../../../registry/cliArgs';
import { fictionalDirectory } from '../../../registry/demo/fictionalDirectory';
import { openRegistryDatabase } from '../../../registry/store/database';
import { DirectoryRepository } from '../../../registry/store/directoryRepository';
import type { PingReportRow } from '../../../registry/store/pingRepository';

const dirs: string[] = [];
const tempDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'poc-registry-admin-'));
  dirs.push(dir);
  return dir;
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function seed(dataDir: string, size: number) {
  const db = openRegistryDatabase(dataDir);
  try {
    const directory = new DirectoryRepository(db);
    const entries = fictionalDirectory({ size });
    directory.importEntries(entries);
    directory.delete(entries[3]!.id);
    return entries.filter((_, i) => i !== 3);
  } finally {
    db.close();
  }
}

describe('admin export and import', () => {
  it('round-trips the live directory (not the tombstones) through the JSON file', () => {
    const source = tempDir();
    const live = seed(source, 30);
    const file = join(tempDir(), 'directory.json');
    expect(runAdminCommand('export', { data: source, out: file })).toBe(`Exported 29 entries to ${file}.`);
    const exported = JSON.parse(readFileSync(file, 'utf8')) as {
      format: string;
      version: number;
      entries: unknown[];
    };
    expect(exported).toMatchObject({ format: 'poc-directory-export', version: 1 });
    expect(exported.entries).toHaveLength(29);

    const target = tempDir();
    expect(runAdminCommand('import', { data: target, file })).toBe('Imported 29 entries; head is now 29.');
    const db = openRegistryDatabase(target);
    try {
      const byId = (list: { id: string }[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));
      expect(byId(new DirectoryRepository(db).listLive())).toEqual(byId(live));
    } finally {
      db.close();
    }
    expect(runAdminCommand('counts', { data: target })).toContain('entries: 29');
  });

  it('refuses a file that is not an export, names the wrong field, and imports nothing', () => {
    const dir = tempDir();
    const file = join(dir, 'bad.json');
    const entries = fictionalDirectory({ size: 3 });
    writeFileSync(
      file,
      JSON.stringify({
        format: 'poc-directory-export',
        version: 1,
        entries: [entries[0], { ...entries[1], phones: ['0123'] }],
      }),
    );
    expect(() => runAdminCommand('import', { data: dir, file })).toThrow(
      /bad\.json is not a directory export: .* at entries\.1\.phones\.0; nothing was imported/,
    );
    writeFileSync(file, '{ not json');
    expect(() => runAdminCommand('import', { data: dir, file })).toThrow(/not a readable JSON file/);
    writeFileSync(file, JSON.stringify({ entries: [] }));
    expect(() => runAdminCommand('import', { data: dir, file })).toThrow(/at format/);
    expect(runAdminCommand('counts', { data: dir })).toContain('head sequence: 0');
  });
});

describe('admin argument checks', () => {
  it.each([
    [{ role: 'technical' }, /--state is required/],
    [{ state: 'France', role: 'technical' }, /--state must be an ISO 3166-1 alpha-3 code/],
    [{ state: 'FRA', role: 'legal' }, /--role must be technical or diplomatic/],
    [{ state: 'FRA', role: 'technical', days: 'soon' }, /--days must be a whole number/],
  ])('issue-code %j is refused as a usage error', (args, message) => {
    const data = tempDir();
    expect(() => runAdminCommand('issue-code', { data, ...args })).toThrow(CliUsageError);
    expect(() => runAdminCommand('issue-code', { data, ...args })).toThrow(message);
  });

  it('issues a readable one-use code and reports the expiry', () => {
    const out = runAdminCommand(
      'issue-code',
      { data: tempDir(), state: 'fra', role: 'technical', days: '10' },
      new Date('2026-03-01T00:00:00Z'),
    );
    expect(out).toMatch(
      /^Enrolment code for FRA technical, one use, valid until 2026-03-11T00:00:00.000Z:\n[A-Z2-9]{4}(-[A-Z2-9]{4}){3}\n/,
    );
  });

  it('tells the manager when no campaign exists yet', () => {
    expect(runAdminCommand('ping-report', { data: tempDir() })).toBe('No ping campaign yet.');
  });
});

describe('ping report', () => {
  const row = (over: Partial<PingReportRow>): PingReportRow => ({
    pingId: 'ping0001',
    accountId: 'acct0001',
    state: 'FRA',
    role: 'technical',
    sentAt: '2026-03-01T00:00:00.000Z',
    deadline: '2026-03-03T00:00:00.000Z',
    answeredAt: null,
    acknowledgedAt: null,
    status: 'pending',
    responseMinutes: null,
    ...over,
  });
  const now = new Date('2026-03-05T00:00:00.000Z');

  it('lists who to follow up with, State by State, and how late', () => {
    const rows = [
      row({ status: 'answered', answeredAt: '2026-03-01T02:00:00.000Z', responseMinutes: 120 }),
      row({ state: 'KEN', accountId: 'acct0002', status: 'unanswered' }),
      row({
        state: 'MEX',
        role: 'diplomatic',
        accountId: 'acct0003',
        status: 'late',
        answeredAt: '2026-03-03T05:00:00.000Z',
        responseMinutes: 3180,
      }),
    ];
    const table = pingReportTable('camp0001', rows, now);
    expect(table).toContain('3 pinged, 1 answered in time, 1 late, 1 unanswered, 0 still within 48 h.');
    expect(table).toContain(
      'FOLLOW UP with 2 State(s) — 2 point(s) of contact did not confirm within 48 hours:',
    );
    expect(table).toContain(
      'KEN   technical   account acct0002: no answer, 48 h overdue (deadline 2026-03-03T00:00:00.000Z)',
    );
    expect(table).toContain('MEX   diplomatic  account acct0003: answered late, 5 h after the deadline');
    expect(table).not.toMatch(/FRA\s+technical\s+account/);
    const csv = pingReportCsv(rows).split('\n');
    expect(csv.map((line) => line.split(',').at(-1))).toEqual(['follow_up', 'no', 'yes', 'yes']);
  });

  it('says so when nobody needs following up', () => {
    expect(pingReportTable('camp0001', [row({ status: 'pending' })], now)).toContain('Nobody to follow up');
  });
});
