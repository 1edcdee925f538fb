import { describe, expect, it } from 'vitest';
import type { CaseSummary } from '../../../../shared/cases';
import type { CheckRecord } from '../../../../shared/commcheck';
import {
  buildToday,
  noticesBetween,
  RENEWAL_REMINDER_DAYS,
  type TodayCheck,
  type TodayInput,
} from '../../../../shared/home/today';

const NOW = Date.parse('2026-12-01T09:00:00.000Z');
const hours = (h: number) => new Date(NOW + h * 3_600_000).toISOString();

function summary(id: string, patch: Partial<CaseSummary>): CaseSummary {
  return {
    id,
    subject: `Fictional case ${id}`,
    status: 'open',
    exercise: true,
    origin: 'incoming',
    self: { state: 'FRA', role: 'technical' },
    counterpart: { state: 'DEU', role: 'technical' },
    openedAt: hours(-48),
    lastActivityAt: hours(-1),
    messageCount: 1,
    searchText: '',
    ...patch,
  };
}

/** A check to a fictional POC, sealed an hour before its hand-over (`handedOver` hours from NOW). */
function check(id: string, handedOver: number | undefined, patch: Partial<CheckRecord> = {}): TodayCheck {
  return {
    campaignId: 'campaign-today001',
    check: {
      id: `check-${id}`,
      pocId: `poc-${id}`,
      state: 'DEU',
      role: 'technical',
      label: `CERT ${id} (fictional)`,
      fingerprint: 'B'.repeat(40),
      sealedAt: hours((handedOver ?? -100) - 1),
      ...patch,
    },
    ...(handedOver === undefined ? {} : { handedOverAt: hours(handedOver) }),
  };
}

const input = (patch: Partial<TodayInput>): TodayInput => ({
  now: NOW,
  pings: [],
  queuedPingIds: new Set(),
  cases: [],
  keyChanges: [],
  checks: [],
  staleSyncDays: 14,
  outboxWaiting: 0,
  legacyToCheck: 0,
  ...patch,
});

describe('Today', () => {
  it('lists unanswered pings, the most urgent first, with the time left', () => {
    const today = buildToday(
      input({
        pings: [
          { id: 'ping-aaaaaaaa', sentAt: hours(-2), deadline: hours(46) },
          { id: 'ping-bbbbbbbb', sentAt: hours(-40), deadline: hours(8) },
          { id: 'ping-cccccccc', sentAt: hours(-60), deadline: hours(-12), answeredAt: hours(-20) },
        ],
        queuedPingIds: new Set(['ping-aaaaaaaa']),
      }),
    );
    expect(today.pings.map((p) => [p.id, p.msLeft / 3_600_000, p.queued])).toEqual([
      ['ping-bbbbbbbb', 8, false],
      ['ping-aaaaaaaa', 46, true],
    ]);
  });

  it('splits deadlines into overdue and due within 24 hours, and cases by whose reply is awaited', () => {
    const cases = [
      summary('late', { deadline: { dueAt: hours(-3), reason: 'routine-inquiry', owedBy: 'self' } }),
      summary('soon', { deadline: { dueAt: hours(5), reason: 'urgent-inquiry', owedBy: 'self' } }),
      summary('later', { deadline: { dueAt: hours(60), reason: 'routine-inquiry', owedBy: 'self' } }),
      summary('theirs', {
        origin: 'outgoing',
        status: 'awaiting-reply',
        deadline: { dueAt: hours(70), reason: 'routine-inquiry', owedBy: 'counterpart' },
      }),
      summary('closed', {
        status: 'closed',
        deadline: { dueAt: hours(-5), reason: 'routine-inquiry', owedBy: 'self' },
      }),
    ];
    const today = buildToday(input({ cases, lastSyncAt: hours(-0.1), outboxWaiting: 2 }));
    expect(today.overdue.map((d) => d.summary.id)).toEqual(['late']);
    expect(today.dueToday.map((d) => d.summary.id)).toEqual(['soon']);
    expect(today.awaitingUs.map((c) => c.id).sort()).toEqual(['late', 'later', 'soon']);
    expect(today.awaitingThem.map((c) => c.id)).toEqual(['theirs']);
    expect(today.syncStale).toBe(false);
    expect(today.quiet).toBe(false);
  });

  it('says the directory may be out of date, and is quiet when nothing needs the user', () => {
    expect(buildToday(input({ lastSyncAt: hours(-24 * 20) })).syncStale).toBe(true);
    expect(buildToday(input({ lastSyncAt: hours(-1) })).quiet).toBe(true);
  });

  it('lists the checks unanswered 48 hours after their hand-over, the longest unanswered first, and is not quiet', () => {
    const checks = [
      check('recent', -10),
      check('late', -50),
      check('later', -60),
      check('never-handed-over', undefined),
      check('answered', -70, {
        reply: {
          messageId: 'reply-answered',
          signedAt: hours(-69),
          receivedAt: hours(-68),
          signerFingerprint: 'B'.repeat(40),
        },
      }),
    ];
    const today = buildToday(input({ checks, lastSyncAt: hours(-1) }));
    expect(today.quiet).toBe(false);
    expect(today.checkFollowUps.map((f) => [f.checkId, f.dueAt])).toEqual([
      ['check-later', hours(-12)],
      ['check-late', hours(-2)],
    ]);
    expect(today.checkFollowUps[0]).toMatchObject({
      campaignId: 'campaign-today001',
      label: 'CERT later (fictional)',
      state: 'DEU',
      handedOverAt: hours(-60),
    });
  });

  it('lists a check once its 48 hours run out, as the page ticks on', () => {
    const checks = [check('edge', -47)];
    const before = buildToday(input({ checks, lastSyncAt: hours(-1) }));
    expect(before.checkFollowUps).toEqual([]);
    expect(before.quiet).toBe(true);
    const after = buildToday(input({ now: NOW + 3_600_000, checks, lastSyncAt: hours(-1) }));
    expect(after.checkFollowUps.map((f) => f.checkId)).toEqual(['check-edge']);
    expect(after.quiet).toBe(false);
  });

  it('notifies a new ping, a deadline entering its last 2 hours and a reply received, once each', () => {
    const waiting = summary('waiting', {
      origin: 'outgoing',
      status: 'awaiting-reply',
      lastActivityAt: hours(-5),
      deadline: { dueAt: hours(40), reason: 'routine-inquiry', owedBy: 'counterpart' },
    });
    const due = summary('due', { deadline: { dueAt: hours(3), reason: 'routine-inquiry', owedBy: 'self' } });
    const before = buildToday(input({ cases: [waiting, due] }));
    expect(noticesBetween(null, before, [waiting, due], NOW)).toEqual([]);

    const later = NOW + 1.5 * 3_600_000;
    const answered = {
      ...waiting,
      status: 'answered' as const,
      deadline: undefined,
      lastActivityAt: hours(1),
    };
    const after = buildToday(
      input({
        now: later,
        cases: [answered, due],
        pings: [{ id: 'ping-dddddddd', sentAt: hours(1), deadline: hours(49) }],
      }),
    );
    expect(
      noticesBetween(before, after, [answered, due], later)
        .map((n) => n.kind)
        .sort(),
    ).toEqual(['deadline', 'ping', 'reply']);
    expect(noticesBetween(after, after, [answered, due], later)).toEqual([]);
  });
});

describe('Today: the own key', () => {
  const days = (d: number) => hours(d * 24);
  const quietlySynced = { lastSyncAt: hours(-1) };

  it('says nothing of a key valid beyond the reminder window whose copy the directory carries', () => {
    const today = buildToday(
      input({ ...quietlySynced, ownKey: { expiresAt: days(RENEWAL_REMINDER_DAYS + 1) } }),
    );
    expect(today.ownKey).toBeNull();
    expect(today.quiet).toBe(true);
    expect(buildToday(input({ ...quietlySynced, ownKey: { expiresAt: null } })).ownKey).toBeNull();
  });

  it('reminds within the window, and says so louder once the key has expired', () => {
    expect(buildToday(input({ ownKey: { expiresAt: days(RENEWAL_REMINDER_DAYS) } })).ownKey).toEqual({
      kind: 'expires-soon',
      at: days(RENEWAL_REMINDER_DAYS),
    });
    const expired = buildToday(input({ ...quietlySynced, ownKey: { expiresAt: days(-1) } }));
    expect(expired.ownKey).toEqual({ kind: 'expired', at: days(-1) });
    expect(expired.quiet).toBe(false);
  });

  it('after a renewal, names the date the old copy in the directory runs out until the renewed one is published', () => {
    const renewed = buildToday(
      input({ ...quietlySynced, ownKey: { expiresAt: days(730), directoryCopyExpiresAt: days(20) } }),
    );
    expect(renewed.ownKey).toEqual({ kind: 'directory-copy-outdated', at: days(20) });
    expect(renewed.quiet).toBe(false);
    expect(
      buildToday(input({ ownKey: { expiresAt: days(730), directoryCopyExpiresAt: null } })).ownKey,
    ).toEqual({ kind: 'directory-copy-outdated', at: null });
  });
});
