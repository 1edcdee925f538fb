import type { PocRole } from '../../shared/directory/model';
import type { ExerciseParticipant, ProgressEvent, ProgressRecord } from '../../shared/registry/exercise';
import { ProgressEventSchema } from '../../shared/registry/exercise';
import { ScenarioSchema, type Scenario } from '../../shared/training/scenario';
import type { RegistryDatabase } from './database';
import { randomId, sha256Hex } from './ids';

/**
 * Group exercises (issue 12) and the facilitator right. Its tables are created here, apart from the
 * directory's schema versions (database.ts), so exercises never touch the directory or its feed.
 * The facilitator right is held by an account when the manager granted it to the account, or to the
 * enrolment code the account enrolled with (`issue-code --facilitator`).
 */
export interface StoredExercise {
  id: string;
  scenario: Scenario;
  speed: 1 | 10 | 60;
  createdAt: string;
  startedAt: string;
  stoppedAt: string | null;
  participants: Omit<ExerciseParticipant, 'fingerprints'>[];
}

interface ExerciseRow {
  id: string;
  scenario: string;
  speed: number;
  created_at: string;
  started_at: string;
  stopped_at: string | null;
}

interface ProgressRow {
  state: string;
  role: string;
  party: string;
  received_at: string;
  minute: number;
  event: string;
}

function ensureTables(db: RegistryDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS exercises (
      id TEXT PRIMARY KEY,
      scenario TEXT NOT NULL,
      speed INTEGER NOT NULL,
      created_at TEXT NOT NULL,
      started_at TEXT NOT NULL,
      stopped_at TEXT
    );
    CREATE TABLE IF NOT EXISTS exercise_participants (
      exercise_id TEXT NOT NULL REFERENCES exercises(id),
      state TEXT NOT NULL,
      role TEXT NOT NULL,
      party TEXT NOT NULL,
      PRIMARY KEY (exercise_id, state, role)
    );
    -- Signed progress statements kept as received (evidence); the event columns are what the
    -- facilitator reads. No column can hold a message's contents.
    CREATE TABLE IF NOT EXISTS exercise_progress (
      seq INTEGER PRIMARY KEY AUTOINCREMENT,
      exercise_id TEXT NOT NULL REFERENCES exercises(id),
      account_id TEXT NOT NULL,
      idempotency_key TEXT NOT NULL,
      state TEXT NOT NULL,
      role TEXT NOT NULL,
      party TEXT NOT NULL,
      event TEXT NOT NULL,
      statement TEXT NOT NULL,
      signature TEXT NOT NULL,
      received_at TEXT NOT NULL,
      minute REAL NOT NULL,
      UNIQUE (exercise_id, account_id, idempotency_key)
    );
    CREATE TABLE IF NOT EXISTS facilitator_accounts (account_id TEXT PRIMARY KEY, granted_at TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS facilitator_codes (code_hash TEXT PRIMARY KEY, granted_at TEXT NOT NULL);
  `);
}

const role = (value: string): PocRole => (value === 'diplomatic' ? 'diplomatic' : 'technical');
const speed = (value: number): 1 | 10 | 60 => (value === 60 ? 60 : value === 10 ? 10 : 1);

export class ExerciseRepository {
  constructor(readonly db: RegistryDatabase) {
    ensureTables(db);
  }

  /** Marks an enrolment code (by its clear value, stored hashed) as granting the facilitator right. */
  grantCode(code: string, now: Date): void {
    this.db
      .prepare('INSERT OR REPLACE INTO facilitator_codes (code_hash, granted_at) VALUES (?, ?)')
      .run(sha256Hex(code), now.toISOString());
  }

  grantAccount(accountId: string, now: Date): void {
    this.db
      .prepare('INSERT OR REPLACE INTO facilitator_accounts (account_id, granted_at) VALUES (?, ?)')
      .run(accountId, now.toISOString());
  }

  /** Withdraws the right from the account and from the code it enrolled with. */
  revokeFacilitator(accountId: string): boolean {
    const direct = this.db.prepare('DELETE FROM facilitator_accounts WHERE account_id = ?').run(accountId);
    const viaCode = this.db
      .prepare(
        'DELETE FROM facilitator_codes WHERE code_hash IN (SELECT code_hash FROM enrolment_codes WHERE account_id = ?)',
      )
      .run(accountId);
    return direct.changes + viaCode.changes > 0;
  }

  isFacilitator(accountId: string): boolean {
    return (
      (this.db
        .prepare<[string, string], { n: number }>(
          `SELECT (SELECT COUNT(*) FROM facilitator_accounts WHERE account_id = ?) +
                  (SELECT COUNT(*) FROM facilitator_codes f JOIN enrolment_codes c ON c.code_hash = f.code_hash
                    WHERE c.account_id = ?) AS n`,
        )
        .get(accountId, accountId)?.n ?? 0) > 0
    );
  }

  create(input: {
    scenario: Scenario;
    speed: 1 | 10 | 60;
    participants: Omit<ExerciseParticipant, 'fingerprints'>[];
    now: Date;
  }): StoredExercise {
    const id = randomId(12);
    const at = input.now.toISOString();
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO exercises (id, scenario, speed, created_at, started_at, stopped_at) VALUES (?, ?, ?, ?, ?, NULL)',
        )
        .run(id, JSON.stringify(input.scenario), input.speed, at, at);
      const insert = this.db.prepare(
        'INSERT INTO exercise_participants (exercise_id, state, role, party) VALUES (?, ?, ?, ?)',
      );
      for (const p of input.participants) insert.run(id, p.state, p.role, p.party);
    })();
    return {
      id,
      scenario: input.scenario,
      speed: input.speed,
      createdAt: at,
      startedAt: at,
      stoppedAt: null,
      participants: input.participants,
    };
  }

  stop(id: string, now: Date): boolean {
    return (
      this.db
        .prepare('UPDATE exercises SET stopped_at = ? WHERE id = ? AND stopped_at IS NULL')
        .run(now.toISOString(), id).changes > 0
    );
  }

  get(id: string): StoredExercise | undefined {
    const row = this.db.prepare<[string], ExerciseRow>('SELECT * FROM exercises WHERE id = ?').get(id);
    return row ? this.#toExercise(row) : undefined;
  }

  list(): StoredExercise[] {
    return this.db
      .prepare<[], ExerciseRow>('SELECT * FROM exercises ORDER BY started_at DESC')
      .all()
      .map((row) => this.#toExercise(row));
  }

  /** Exercises in which this State and role play a party. */
  listFor(state: string, pocRole: PocRole): StoredExercise[] {
    return this.db
      .prepare<[string, string], ExerciseRow>(
        `SELECT e.* FROM exercises e JOIN exercise_participants p ON p.exercise_id = e.id
          WHERE p.state = ? AND p.role = ? ORDER BY e.started_at DESC`,
      )
      .all(state, pocRole)
      .map((row) => this.#toExercise(row));
  }

  #toExercise(row: ExerciseRow): StoredExercise {
    const participants = this.db
      .prepare<[string], { state: string; role: string; party: string }>(
        'SELECT state, role, party FROM exercise_participants WHERE exercise_id = ? ORDER BY rowid',
      )
      .all(row.id)
      .map((p) => ({ state: p.state, role: role(p.role), party: p.party }));
    return {
      id: row.id,
      scenario: ScenarioSchema.parse(JSON.parse(row.scenario)),
      speed: speed(row.speed),
      createdAt: row.created_at,
      startedAt: row.started_at,
      stoppedAt: row.stopped_at,
      participants,
    };
  }

  /** Records one signed progress statement; a repeated idempotency key keeps the first receipt. */
  recordProgress(input: {
    exerciseId: string;
    accountId: string;
    idempotencyKey: string;
    participant: Omit<ExerciseParticipant, 'fingerprints'>;
    event: ProgressEvent;
    statement: string;
    signature: string;
    receivedAt: string;
    minute: number;
  }): { receivedAt: string; minute: number } {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO exercise_progress (exercise_id, account_id, idempotency_key, state, role, party,
           event, statement, signature, received_at, minute) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        input.exerciseId,
        input.accountId,
        input.idempotencyKey,
        input.participant.state,
        input.participant.role,
        input.participant.party,
        JSON.stringify(input.event),
        input.statement,
        input.signature,
        input.receivedAt,
        input.minute,
      );
    const row = this.db
      .prepare<[string, string, string], { received_at: string; minute: number }>(
        'SELECT received_at, minute FROM exercise_progress WHERE exercise_id = ? AND account_id = ? AND idempotency_key = ?',
      )
      .get(input.exerciseId, input.accountId, input.idempotencyKey);
    return { receivedAt: row?.received_at ?? input.receivedAt, minute: row?.minute ?? input.minute };
  }

  progress(exerciseId: string): ProgressRecord[] {
    return this.db
      .prepare<[string], ProgressRow>(
        `SELECT state, role, party, received_at, minute, event FROM exercise_progress
          WHERE exercise_id = ? ORDER BY seq`,
      )
      .all(exerciseId)
      .map((row) => ({
        state: row.state,
        role: role(row.role),
        party: row.party,
        receivedAt: row.received_at,
        minute: row.minute,
        event: ProgressEventSchema.parse(JSON.parse(row.event)),
      }));
  }
}
