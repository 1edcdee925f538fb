import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export type RegistryDatabase = Database.Database;

const SCHEMA_VERSION = 2;

/**
 * Opens (and creates) the registry's SQLite file in `dataDir`. WAL lets the admin CLI read and
 * write while the server runs; synchronous=FULL makes every committed transaction durable before
 * the server answers, so a `kill -9` (or a power cut) never loses an acknowledged write.
 */
export function openRegistryDatabase(dataDir: string): RegistryDatabase {
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const db = new Database(join(dataDir, 'registry.sqlite'));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = FULL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}

function migrate(db: RegistryDatabase): void {
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version >= SCHEMA_VERSION) return;
  db.transaction(() => {
    if (version < 1) migrateTo1(db);
    if (version < 2) migrateTo2(db);
    db.pragma(`user_version = ${SCHEMA_VERSION}`);
  })();
}

/**
 * Protocol v2 (issues 9 and 14): accounts carry their right to create entries; entries index the
 * fingerprint of the key they publish (unique across States); updates keep the exact signed bytes
 * and the key's proof of possession; the feed's immutable signed chunks are stored once.
 */
function migrateTo2(db: RegistryDatabase): void {
  db.exec(`
    ALTER TABLE enrolment_codes ADD COLUMN may_create INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE accounts ADD COLUMN may_create INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE entries ADD COLUMN fingerprint TEXT;
    CREATE INDEX IF NOT EXISTS entries_by_fingerprint ON entries (fingerprint) WHERE fingerprint IS NOT NULL;
    ALTER TABLE entry_updates ADD COLUMN signed_bytes BLOB;
    ALTER TABLE entry_updates ADD COLUMN key_proof TEXT;

    -- Issue 14: chunk (from, until] of the feed, canonicalised, signed and gzipped once.
    CREATE TABLE IF NOT EXISTS feed_chunks (
      from_seq INTEGER NOT NULL,
      until_seq INTEGER NOT NULL,
      sealed INTEGER NOT NULL,
      sha256 TEXT NOT NULL,
      body BLOB NOT NULL,
      gzip BLOB NOT NULL,
      created_at INTEGER NOT NULL,
      PRIMARY KEY (from_seq, until_seq)
    );
  `);
  const rows = db.prepare<[], { id: string; json: string }>('SELECT id, json FROM entries').all();
  const setFingerprint = db.prepare<[string | null, string]>(
    'UPDATE entries SET fingerprint = ? WHERE id = ?',
  );
  for (const row of rows) {
    const parsed = JSON.parse(row.json) as { openpgp?: { fingerprint?: unknown } };
    const fingerprint = typeof parsed.openpgp?.fingerprint === 'string' ? parsed.openpgp.fingerprint : null;
    setFingerprint.run(fingerprint, row.id);
  }
}

function migrateTo1(db: RegistryDatabase): void {
  db.exec(`
    CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT OR IGNORE INTO meta (key, value) VALUES ('head', '0');

    -- One row per entry, holding its latest change: the feed is "rows with seq > since".
    -- A deleted entry stays as a tombstone (deleted = 1) so clients learn of the deletion.
    CREATE TABLE IF NOT EXISTS entries (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      role TEXT NOT NULL,
      revision INTEGER NOT NULL,
      seq INTEGER NOT NULL UNIQUE,
      deleted INTEGER NOT NULL DEFAULT 0,
      json TEXT NOT NULL
    );

    -- Signed own-entry updates, kept as evidence of who changed what (A §7 d).
    CREATE TABLE IF NOT EXISTS entry_updates (
      seq INTEGER PRIMARY KEY,
      entry_id TEXT NOT NULL,
      account_id TEXT NOT NULL,
      revision INTEGER NOT NULL,
      statement TEXT NOT NULL,
      signature TEXT NOT NULL,
      received_at TEXT NOT NULL
    );

    CREATE TABLE IF NOT EXISTS enrolment_codes (
      code_hash TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      role TEXT NOT NULL,
      expires_at TEXT NOT NULL,
      issued_at TEXT NOT NULL,
      used_at TEXT,
      account_id TEXT,
      reusable INTEGER NOT NULL DEFAULT 0
    );

    CREATE TABLE IF NOT EXISTS accounts (
      id TEXT PRIMARY KEY,
      state TEXT NOT NULL,
      role TEXT NOT NULL,
      fingerprint TEXT NOT NULL,
      public_key TEXT NOT NULL,
      enrolled_at TEXT NOT NULL,
      revoked_at TEXT
    );

    CREATE TABLE IF NOT EXISTS challenges (
      id TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      nonce TEXT NOT NULL,
      expires_at INTEGER NOT NULL,
      used_at INTEGER
    );

    CREATE TABLE IF NOT EXISTS sessions (
      token_hash TEXT PRIMARY KEY,
      account_id TEXT NOT NULL REFERENCES accounts(id),
      expires_at INTEGER NOT NULL
    );

    CREATE TABLE IF NOT EXISTS idempotency (
      account_id TEXT NOT NULL,
      key TEXT NOT NULL,
      response TEXT NOT NULL,
      PRIMARY KEY (account_id, key)
    );

    CREATE TABLE IF NOT EXISTS campaigns (
      id TEXT PRIMARY KEY,
      started_at TEXT NOT NULL,
      deadline TEXT NOT NULL
    );

    CREATE TABLE IF NOT EXISTS pings (
      id TEXT PRIMARY KEY,
      campaign_id TEXT NOT NULL REFERENCES campaigns(id),
      account_id TEXT NOT NULL REFERENCES accounts(id),
      sent_at TEXT NOT NULL,
      deadline TEXT NOT NULL,
      answered_at TEXT,
      acknowledged_at TEXT,
      signature TEXT
    );
    CREATE INDEX IF NOT EXISTS pings_by_account ON pings (account_id, sent_at);
  `);
}
