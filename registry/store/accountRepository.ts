import type { PocRole } from '../../shared/directory/model';
import { RegistryError } from '../../shared/registry/errors';
import type { RegistryDatabase } from './database';
import { randomId, sha256Hex } from './ids';

export interface Account {
  id: string;
  state: string;
  role: PocRole;
  fingerprint: string;
  publicKey: string;
  enrolledAt: string;
  revokedAt: string | null;
  /** How many new entries this account may still create (granted with its enrolment code). */
  mayCreate: number;
}

interface AccountRow {
  id: string;
  state: string;
  role: string;
  fingerprint: string;
  public_key: string;
  enrolled_at: string;
  revoked_at: string | null;
  may_create: number;
}

interface CodeRow {
  code_hash: string;
  state: string;
  role: string;
  expires_at: string;
  used_at: string | null;
  reusable: number;
  may_create: number;
}

const toAccount = (row: AccountRow): Account => ({
  id: row.id,
  state: row.state,
  role: row.role === 'diplomatic' ? 'diplomatic' : 'technical',
  fingerprint: row.fingerprint,
  publicKey: row.public_key,
  enrolledAt: row.enrolled_at,
  revokedAt: row.revoked_at,
  mayCreate: row.may_create,
});

/** Enrolment codes (A §7 c), accounts, session challenges and tokens. */
export class AccountRepository {
  readonly #byToken;

  constructor(readonly db: RegistryDatabase) {
    // Prepared once: every authenticated request runs it.
    this.#byToken = db.prepare<[string], AccountRow & { expires_at: number }>(
      'SELECT a.*, s.expires_at FROM sessions s JOIN accounts a ON a.id = s.account_id WHERE s.token_hash = ?',
    );
  }

  /** Stores a code's hash; the clear code is shown once to the registry manager. */
  issueCode(input: {
    code: string;
    state: string;
    role: PocRole;
    expiresAt: string;
    issuedAt: string;
    reusable?: boolean;
    /** Issue 9 §1: how many entries the enrolled account may create (default 0: the manager creates them). */
    mayCreate?: number;
  }): void {
    this.db
      .prepare(
        `INSERT INTO enrolment_codes (code_hash, state, role, expires_at, issued_at, reusable, may_create) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT(code_hash) DO UPDATE SET state = excluded.state, role = excluded.role, expires_at = excluded.expires_at,
           issued_at = excluded.issued_at, used_at = NULL, account_id = NULL, reusable = excluded.reusable,
           may_create = excluded.may_create`,
      )
      .run(
        sha256Hex(input.code),
        input.state,
        input.role,
        input.expiresAt,
        input.issuedAt,
        input.reusable ? 1 : 0,
        input.mayCreate ?? 0,
      );
  }

  /** Uses one of the account's creation rights (call inside the transaction that creates the entry). */
  useCreateRight(accountId: string): boolean {
    return (
      this.db
        .prepare('UPDATE accounts SET may_create = may_create - 1 WHERE id = ? AND may_create > 0')
        .run(accountId).changes === 1
    );
  }

  /** Ends one session now (POST /v1/session/logout). */
  endSession(token: string): void {
    this.db.prepare('DELETE FROM sessions WHERE token_hash = ?').run(sha256Hex(token));
  }

  /** Uses the code and creates the account in one transaction: a code enrols exactly one key. */
  enrol(input: { code: string; fingerprint: string; publicKey: string; now: Date }): Account {
    const run = this.db.transaction((): Account => {
      const hash = sha256Hex(input.code);
      const code = this.db
        .prepare<[string], CodeRow>('SELECT * FROM enrolment_codes WHERE code_hash = ?')
        .get(hash);
      if (!code) throw new RegistryError('code-invalid', 'This enrolment code is not known to the registry.');
      if (code.used_at && !code.reusable)
        throw new RegistryError('code-used', 'This enrolment code was already used.');
      if (Date.parse(code.expires_at) <= input.now.getTime())
        throw new RegistryError('code-expired', 'This enrolment code has expired.');
      const id = randomId();
      const enrolledAt = input.now.toISOString();
      this.db
        .prepare(
          'INSERT INTO accounts (id, state, role, fingerprint, public_key, enrolled_at, may_create) VALUES (?, ?, ?, ?, ?, ?, ?)',
        )
        .run(id, code.state, code.role, input.fingerprint, input.publicKey, enrolledAt, code.may_create);
      this.db
        .prepare('UPDATE enrolment_codes SET used_at = ?, account_id = ? WHERE code_hash = ?')
        .run(enrolledAt, id, hash);
      return toAccount({
        id,
        state: code.state,
        role: code.role,
        fingerprint: input.fingerprint,
        public_key: input.publicKey,
        enrolled_at: enrolledAt,
        revoked_at: null,
        may_create: code.may_create,
      });
    });
    return run();
  }

  /**
   * The account's key as the registry now knows it: the enrolled key merged with a renewed copy the
   * account sent (same fingerprint; see context.ts `mergeRenewedAccountKey`).
   */
  replaceKey(accountId: string, fingerprint: string, publicKey: string): void {
    this.db
      .prepare('UPDATE accounts SET public_key = ? WHERE id = ? AND fingerprint = ?')
      .run(publicKey, accountId, fingerprint);
  }

  get(id: string): Account | undefined {
    const row = this.db.prepare<[string], AccountRow>('SELECT * FROM accounts WHERE id = ?').get(id);
    return row ? toAccount(row) : undefined;
  }

  list(): Account[] {
    return this.db
      .prepare<[], AccountRow>('SELECT * FROM accounts ORDER BY state, role, enrolled_at')
      .all()
      .map(toAccount);
  }

  revoke(id: string, now: Date): boolean {
    const result = this.db
      .prepare('UPDATE accounts SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL')
      .run(now.toISOString(), id);
    this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(id);
    return result.changes > 0;
  }

  createChallenge(
    accountId: string,
    nowMs: number,
    ttlMs: number,
  ): { challengeId: string; nonce: string; expiresAt: number } {
    const challenge = { challengeId: randomId(), nonce: randomId(32), expiresAt: nowMs + ttlMs };
    this.db
      .prepare('INSERT INTO challenges (id, account_id, nonce, expires_at) VALUES (?, ?, ?, ?)')
      .run(challenge.challengeId, accountId, challenge.nonce, challenge.expiresAt);
    this.db.prepare('DELETE FROM challenges WHERE expires_at < ?').run(nowMs - 24 * 3600_000);
    return challenge;
  }

  /** Marks the challenge used (once, and only before it expires); returns its account and nonce. */
  consumeChallenge(challengeId: string, nowMs: number): { accountId: string; nonce: string } {
    const row = this.db
      .prepare<[number, string, number], { account_id: string; nonce: string }>(
        'UPDATE challenges SET used_at = ? WHERE id = ? AND used_at IS NULL AND expires_at > ? RETURNING account_id, nonce',
      )
      .get(nowMs, challengeId, nowMs);
    if (!row)
      throw new RegistryError(
        'challenge-invalid',
        'This challenge is unknown, expired or already used; ask for a new one.',
      );
    return { accountId: row.account_id, nonce: row.nonce };
  }

  createSession(accountId: string, nowMs: number, ttlMs: number): { token: string; expiresAt: number } {
    const token = randomId(32);
    const expiresAt = nowMs + ttlMs;
    this.db
      .prepare('INSERT INTO sessions (token_hash, account_id, expires_at) VALUES (?, ?, ?)')
      .run(sha256Hex(token), accountId, expiresAt);
    this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(nowMs - 3600_000);
    return { token, expiresAt };
  }

  /** The account behind a bearer token, or a typed refusal. */
  authenticate(token: string, nowMs: number): Account {
    const row = this.#byToken.get(sha256Hex(token));
    if (!row) throw new RegistryError('unauthorized', 'Sign in again: this session is not known.');
    if (row.revoked_at)
      throw new RegistryError('account-revoked', 'This account was revoked by the registry manager.');
    if (row.expires_at <= nowMs)
      throw new RegistryError('token-expired', 'The session has expired; sign in again.');
    return toAccount(row);
  }

  storedResponse(accountId: string, key: string): unknown {
    const row = this.db
      .prepare<[string, string], { response: string }>(
        'SELECT response FROM idempotency WHERE account_id = ? AND key = ?',
      )
      .get(accountId, key);
    return row ? (JSON.parse(row.response) as unknown) : undefined;
  }

  storeResponse(accountId: string, key: string, response: unknown): void {
    this.db
      .prepare('INSERT OR REPLACE INTO idempotency (account_id, key, response) VALUES (?, ?, ?)')
      .run(accountId, key, JSON.stringify(response));
  }

  counts(): { accounts: number; revoked: number; openCodes: number } {
    const accounts = this.db
      .prepare<[], { n: number; r: number }>(
        'SELECT COUNT(*) AS n, SUM(revoked_at IS NOT NULL) AS r FROM accounts',
      )
      .get();
    const codes = this.db
      .prepare<[], { n: number }>(
        'SELECT COUNT(*) AS n FROM enrolment_codes WHERE used_at IS NULL OR reusable = 1',
      )
      .get();
    return { accounts: accounts?.n ?? 0, revoked: accounts?.r ?? 0, openCodes: codes?.n ?? 0 };
  }
}
