import type { Ping } from '../../shared/registry/protocol';
import { RegistryError } from '../../shared/registry/errors';
import type { RegistryDatabase } from './database';
import { randomId } from './ids';

/** A §8: « … qui devront répondre dans un délai de 48 heures et confirmer par message qu'ils ont bien reçu la demande du gestionnaire. » */
export const PING_DEADLINE_MS = 48 * 3600_000;

interface PingRow {
  id: string;
  campaign_id: string;
  account_id: string;
  sent_at: string;
  deadline: string;
  answered_at: string | null;
  acknowledged_at: string | null;
}

export interface PingReportRow {
  pingId: string;
  accountId: string;
  state: string;
  role: string;
  sentAt: string;
  deadline: string;
  answeredAt: string | null;
  acknowledgedAt: string | null;
  status: 'answered' | 'late' | 'unanswered' | 'pending';
  responseMinutes: number | null;
}

const toPing = (row: PingRow): Ping => ({
  id: row.id,
  campaignId: row.campaign_id,
  sentAt: row.sent_at,
  deadline: row.deadline,
  ...(row.answered_at
    ? { answeredAt: row.answered_at, late: Date.parse(row.answered_at) > Date.parse(row.deadline) }
    : {}),
});

/** Ping campaigns (A §8): one ping per enrolled, non-revoked account; signed acknowledgements. */
export class PingRepository {
  constructor(readonly db: RegistryDatabase) {}

  startCampaign(
    now: Date,
    deadlineMs = PING_DEADLINE_MS,
  ): { campaignId: string; pings: number; deadline: string } {
    const run = this.db.transaction(() => {
      const campaignId = randomId();
      const sentAt = now.toISOString();
      const deadline = new Date(now.getTime() + deadlineMs).toISOString();
      this.db
        .prepare('INSERT INTO campaigns (id, started_at, deadline) VALUES (?, ?, ?)')
        .run(campaignId, sentAt, deadline);
      const accounts = this.db
        .prepare<[], { id: string }>('SELECT id FROM accounts WHERE revoked_at IS NULL')
        .all();
      const insert = this.db.prepare(
        'INSERT INTO pings (id, campaign_id, account_id, sent_at, deadline) VALUES (?, ?, ?, ?, ?)',
      );
      for (const account of accounts) insert.run(randomId(), campaignId, account.id, sentAt, deadline);
      return { campaignId, pings: accounts.length, deadline };
    });
    return run();
  }

  latestCampaignId(): string | undefined {
    return this.latestCampaign()?.id;
  }

  latestCampaign(): { id: string; startedAt: string } | undefined {
    const row = this.db
      .prepare<[], { id: string; started_at: string }>(
        'SELECT id, started_at FROM campaigns ORDER BY started_at DESC, rowid DESC LIMIT 1',
      )
      .get();
    return row ? { id: row.id, startedAt: row.started_at } : undefined;
  }

  /** When the earliest still-active account enrolled: the six-month clock's origin before any campaign. */
  firstActiveEnrolment(): string | undefined {
    return (
      this.db
        .prepare<[], { at: string | null }>(
          'SELECT MIN(enrolled_at) AS at FROM accounts WHERE revoked_at IS NULL',
        )
        .get()?.at ?? undefined
    );
  }

  forAccount(accountId: string): Ping[] {
    return this.db
      .prepare<[string], PingRow>('SELECT * FROM pings WHERE account_id = ? ORDER BY sent_at DESC LIMIT 100')
      .all(accountId)
      .map(toPing);
  }

  /**
   * Records the first acknowledgement; a repeat returns the ping as already answered. `firstAnswer`
   * tells the caller that this call recorded it (run it inside the caller's transaction when the
   * answer must change other tables in the same commit).
   */
  acknowledge(input: {
    pingId: string;
    accountId: string;
    acknowledgedAt: string;
    signature: string;
    now: Date;
  }): {
    ping: Ping;
    firstAnswer: boolean;
  } {
    const run = this.db.transaction((): { ping: Ping; firstAnswer: boolean } => {
      const row = this.db.prepare<[string], PingRow>('SELECT * FROM pings WHERE id = ?').get(input.pingId);
      if (!row || row.account_id !== input.accountId)
        throw new RegistryError('not-found', 'No such ping for this account.');
      if (row.answered_at) return { ping: toPing(row), firstAnswer: false };
      const answeredAt = input.now.toISOString();
      this.db
        .prepare('UPDATE pings SET answered_at = ?, acknowledged_at = ?, signature = ? WHERE id = ?')
        .run(answeredAt, input.acknowledgedAt, input.signature, input.pingId);
      return {
        ping: toPing({ ...row, answered_at: answeredAt, acknowledged_at: input.acknowledgedAt }),
        firstAnswer: true,
      };
    });
    return run();
  }

  /** Who answered, when, and who did not (late = received after the 48-hour deadline). */
  report(campaignId: string, now: Date): PingReportRow[] {
    const rows = this.db
      .prepare<[string], PingRow & { state: string; role: string }>(
        `SELECT p.*, a.state, a.role FROM pings p JOIN accounts a ON a.id = p.account_id
         WHERE p.campaign_id = ? ORDER BY a.state, a.role, p.id`,
      )
      .all(campaignId);
    return rows.map((row) => {
      const answered = row.answered_at ? Date.parse(row.answered_at) : null;
      const deadline = Date.parse(row.deadline);
      const status: PingReportRow['status'] =
        answered !== null
          ? answered > deadline
            ? 'late'
            : 'answered'
          : now.getTime() > deadline
            ? 'unanswered'
            : 'pending';
      return {
        pingId: row.id,
        accountId: row.account_id,
        state: row.state,
        role: row.role,
        sentAt: row.sent_at,
        deadline: row.deadline,
        answeredAt: row.answered_at,
        acknowledgedAt: row.acknowledged_at,
        status,
        responseMinutes: answered !== null ? Math.round((answered - Date.parse(row.sent_at)) / 60_000) : null,
      };
    });
  }
}
