import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * A real GnuPG in a throw-away GNUPGHOME for the interop tests and the benchmark. Every call is
 * batch mode with loopback pinentry, so nothing waits for a terminal.
 */
export function gpgAvailable(): boolean {
  try {
    execFileSync('gpg', ['--version'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

export interface GpgResult {
  status: number;
  stdout: Buffer;
  stderr: string;
  /** The [GNUPG:] status lines (from --status-fd 2). */
  statusLines: string[];
}

export class GpgHome {
  readonly dir = mkdtempSync(join(tmpdir(), 'poc-gnupg-'));

  run(args: readonly string[], input?: string | Uint8Array, passphrase = ''): GpgResult {
    const result = spawnSync(
      'gpg',
      [
        '--homedir',
        this.dir,
        '--batch',
        '--yes',
        '--no-tty',
        '--trust-model',
        'always',
        '--pinentry-mode',
        'loopback',
        '--passphrase',
        passphrase,
        '--status-fd',
        '2',
        ...args,
      ],
      { input: input === undefined ? Buffer.alloc(0) : Buffer.from(input), maxBuffer: 256 * 1024 * 1024 },
    );
    const stderr = result.stderr.toString('utf8');
    return {
      status: result.status ?? -1,
      stdout: result.stdout,
      stderr,
      statusLines: stderr.split('\n').filter((l) => l.startsWith('[GNUPG:] ')),
    };
  }

  /** Generates a key; `algo` as GnuPG spells it ('ed25519', 'rsa3072'); returns its fingerprint. */
  generate(userId: string, algo: 'ed25519' | 'rsa3072', passphrase = ''): string {
    const usage = algo === 'ed25519' ? ['ed25519', 'sign,cert', '2y'] : ['rsa3072', 'sign,cert', '2y'];
    const made = this.run(['--quick-gen-key', userId, ...usage], undefined, passphrase);
    if (made.status !== 0) throw new Error(`gpg --quick-gen-key failed: ${made.stderr}`);
    const fpr = this.fingerprints()[0];
    if (!fpr) throw new Error('no key after generation');
    const sub = this.run(
      ['--quick-add-key', fpr, algo === 'ed25519' ? 'cv25519' : 'rsa3072', 'encr', '2y'],
      undefined,
      passphrase,
    );
    if (sub.status !== 0) throw new Error(`gpg --quick-add-key failed: ${sub.stderr}`);
    return fpr;
  }

  fingerprints(): string[] {
    const listed = this.run(['--list-keys', '--with-colons']).stdout.toString('utf8');
    const out: string[] = [];
    let wantPrimary = false;
    for (const line of listed.split('\n')) {
      const fields = line.split(':');
      if (fields[0] === 'pub') wantPrimary = true;
      else if (fields[0] === 'fpr' && wantPrimary) {
        out.push(fields[9] ?? '');
        wantPrimary = false;
      } else if (fields[0] === 'sub') wantPrimary = false;
    }
    return out;
  }

  import(armored: string): GpgResult {
    const file = join(this.dir, `import-${Math.random().toString(36).slice(2)}.asc`);
    writeFileSync(file, armored);
    return this.run(['--import', file]);
  }

  exportPublic(fpr: string): string {
    return this.run(['--armor', '--export', fpr]).stdout.toString('utf8');
  }

  exportSecret(fpr: string, passphrase: string): string {
    return this.run(['--armor', '--export-secret-keys', fpr], undefined, passphrase).stdout.toString('utf8');
  }

  close(): void {
    spawnSync('gpgconf', ['--homedir', this.dir, '--kill', 'all']);
    rmSync(this.dir, { recursive: true, force: true });
  }
}
