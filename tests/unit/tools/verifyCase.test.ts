import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { appendEvents, caseExportJson, verifyChain, type CaseRecord } from '../../../shared/cases';
import { signDetached } from '../../../shared/openpgp/detached';
import { generateIdentity, type GeneratedIdentity } from '../../../shared/openpgp/keys';

/**
 * `npm run verify-case -- FILE.json FILE.json.sig` (issue 10) run as a user would: it accepts the
 * pair the app exports, and refuses a copy with one changed character and a copy signed by another
 * key, and a file whose hash chain was rewritten.
 */
const run = promisify(execFile);
let own: GeneratedIdentity;
let other: GeneratedIdentity;
let json: string;
let dir: string;

beforeAll(async () => {
  own = await generateIdentity({ name: 'Exporting POC (fictional)', email: 'poc@cert-a.example' });
  other = await generateIdentity({ name: 'Someone else (fictional)', email: 'x@elsewhere.example' });
  const record: CaseRecord = await appendEvents({ id: 'case-fictional0001', events: [], head: null }, [
    {
      kind: 'opened',
      at: '2026-11-02T08:00:00.000Z',
      subject: 'Ransomware against hospitals (fictional)',
      origin: 'outgoing',
      self: { state: 'FRA', role: 'technical' },
      counterpart: { state: 'DEU', role: 'technical' },
      exercise: false,
    },
    { kind: 'note', at: '2026-11-02T08:05:00.000Z', text: 'Phone call planned (fictional).' },
  ]);
  json = caseExportJson(record, await verifyChain(record), {
    audience: 'own-records',
    signer: { fingerprint: own.fingerprint, publicKey: own.publicKeyArmored },
  });
  dir = mkdtempSync(join(tmpdir(), 'verify-case-'));
}, 60_000);

async function verify(
  file: string,
  signature: string,
  extra: string[] = [],
): Promise<{ code: number; out: string }> {
  const jsonPath = join(dir, `${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(jsonPath, file);
  writeFileSync(`${jsonPath}.sig`, signature);
  try {
    const { stdout } = await run('npx', [
      'tsx',
      'tools/verify-case.ts',
      jsonPath,
      `${jsonPath}.sig`,
      ...extra,
    ]);
    return { code: 0, out: stdout };
  } catch (error) {
    const failed = error as { code: number; stdout: string; stderr: string };
    return { code: failed.code, out: failed.stdout + failed.stderr };
  }
}

describe('verify-case', () => {
  it('accepts the exported pair and names the signing key', async () => {
    const result = await verify(json, await signDetached(json, own.privateKey));
    expect(result.code).toBe(0);
    expect(result.out).toContain('OK: signature and hash chain verify.');
    expect(result.out).toContain('hash chain: intact (2 events)');
    expect(result.out.replace(/\s/g, '')).toContain(own.fingerprint);
  }, 60_000);

  it('refuses a copy with one changed character', async () => {
    const signature = await signDetached(json, own.privateKey);
    const changed = json.replace('Phone call planned', 'Phone call plannet');
    expect(changed).not.toBe(json);
    const result = await verify(changed, signature);
    expect(result.code).toBe(1);
    expect(result.out).toContain('REFUSED: bad-signature, chain-broken');
  }, 60_000);

  it('refuses a copy signed by another key', async () => {
    const result = await verify(json, await signDetached(json, other.privateKey));
    expect(result.code).toBe(1);
    expect(result.out).toContain('REFUSED: bad-signature');
  }, 60_000);

  it('refuses a copy that names and is signed by another key when the expected fingerprint is given', async () => {
    const forged = json
      .replace(own.fingerprint, other.fingerprint)
      .replace(own.publicKeyArmored.replace(/\n/g, '\\n'), other.publicKeyArmored.replace(/\n/g, '\\n'));
    expect(forged).toContain(other.fingerprint);
    const result = await verify(forged, await signDetached(forged, other.privateKey), [
      '--fingerprint',
      own.fingerprint,
    ]);
    expect(result.code).toBe(1);
    expect(result.out).toContain('unexpected-signer');
  }, 60_000);
});
