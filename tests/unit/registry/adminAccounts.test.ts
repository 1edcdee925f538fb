import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAccountsCommand } from '../../../registry/admin/accountCommands';
import { AccountRepository } from '../../../registry/store/accountRepository';
import { openRegistryDatabase } from '../../../registry/store/database';
import { generateIdentity } from '../../../shared/openpgp/keys';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const NOW = new Date();
const DAY = 86_400_000;
let dataDir: string;
const ids: Record<string, string> = {};

/** Enrols a fictional account whose key was made `ageDays` ago and lives `lifeDays`. */
async function enrol(
  accounts: AccountRepository,
  state: string,
  ageDays: number,
  lifeDays: number,
): Promise<string> {
  const key = await generateIdentity({
    name: `Fictional ${state} POC (test)`,
    expiresInSeconds: lifeDays * 86_400,
    date: new Date(NOW.getTime() - ageDays * DAY),
  });
  const code = `TEST-${state}-0001`;
  accounts.issueCode({
    code,
    state,
    role: 'technical',
    expiresAt: new Date(NOW.getTime() + DAY).toISOString(),
    issuedAt: NOW.toISOString(),
  });
  return accounts.enrol({ code, fingerprint: key.fingerprint, publicKey: key.publicKeyArmored, now: NOW }).id;
}

beforeAll(async () => {
  dataDir = mkdtempSync(join(tmpdir(), 'poc-registry-accounts-'));
  const db = openRegistryDatabase(dataDir);
  try {
    const accounts = new AccountRepository(db);
    ids.soon = await enrol(accounts, 'FRA', 720, 730); // expires in 10 days
    ids.later = await enrol(accounts, 'DEU', 10, 730); // in about two years
    ids.expired = await enrol(accounts, 'ITA', 731, 730); // a day ago
    ids.revoked = await enrol(accounts, 'ESP', 720, 730);
    accounts.revoke(ids.revoked, NOW);
  } finally {
    db.close();
  }
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

const day = (offset: number) => new Date(NOW.getTime() + offset * DAY).toISOString().slice(0, 10);

describe('admin accounts: when the registry copy of each key expires', () => {
  it('lists every account with its key expiry, an expired one marked', async () => {
    const lines = (await runAccountsCommand({ data: dataDir }, NOW)).split('\n');
    expect(lines).toHaveLength(4);
    const line = (id: string) => lines.find((l) => l.startsWith(`${id}\t`))?.split('\t');
    expect(line(ids.soon!)?.slice(1, 3)).toEqual(['FRA', 'technical']);
    expect(line(ids.soon!)?.at(-1)).toBe(`key expires ${day(10)}`);
    expect(line(ids.later!)?.at(-1)).toMatch(/^key expires 20\d\d-\d\d-\d\d$/);
    expect(line(ids.expired!)?.at(-1)).toBe(`key EXPIRED ${day(-1)}`);
    expect(line(ids.revoked!)?.[5]).not.toBe('active');
  });

  it('--days N: only the active accounts to remind (expiring within N days or expired)', async () => {
    const out = await runAccountsCommand({ data: dataDir, days: '30' }, NOW);
    expect(new Set(out.split('\n').map((l) => l.split('\t')[0]))).toEqual(new Set([ids.soon, ids.expired]));
    expect(await runAccountsCommand({ data: dataDir, days: '1' }, new Date(NOW.getTime() - 400 * DAY))).toBe(
      "No active account's key expires within 1 day.",
    );
  });

  it('runs from the command line', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'registry/cli.ts', 'admin', 'accounts', '--data', dataDir, '--days', '30'],
      { cwd: ROOT, encoding: 'utf8', timeout: 60_000 },
    );
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`${ids.soon}\tFRA\ttechnical`);
    expect(result.stdout).not.toContain(ids.later);
  });
});
