import { createElement } from 'react';
import { renderToString } from 'react-dom/server';
import type { CaseSummary } from '../../shared/cases';
import { buildToday, type TodayCheck, type TodayPing } from '../../shared/home/today';
import { HomeView } from '../../renderer/home/HomeView';
import { median, type Figure } from './figure';

/**
 * home.render.ms: building Today (shared/home/today.ts) from 1,000 case summaries, 20 pending pings,
 * 50 deadlines due or overdue and the 200 unanswered checks of a regional campaign (40 of them past
 * their 48 hours), then rendering the page with react-dom/server renderToString in Node (no layout
 * or paint), with the real Intl formatters in French. Median of 10 after 5 warm-ups.
 */
const NOW = Date.parse('2026-12-01T09:00:00.000Z');

function cases(count: number, withDeadline: number): CaseSummary[] {
  const out: CaseSummary[] = [];
  for (let i = 0; i < count; i++) {
    const incoming = i % 2 === 0;
    const due =
      i < withDeadline
        ? new Date(NOW + (i - 25) * 1_800_000).toISOString()
        : new Date(NOW + (72 + i) * 3_600_000).toISOString();
    out.push({
      id: `case-bench${String(i).padStart(5, '0')}`,
      subject: `Fictional bench case ${i}`,
      status: incoming ? 'open' : 'awaiting-reply',
      exercise: true,
      origin: incoming ? 'incoming' : 'outgoing',
      self: { state: 'FRA', role: 'technical' },
      counterpart: { state: i % 3 ? 'DEU' : 'RUS', role: 'technical' },
      openedAt: new Date(NOW - (i + 1) * 3_600_000).toISOString(),
      lastActivityAt: new Date(NOW - i * 60_000).toISOString(),
      deadline: { dueAt: due, reason: 'routine-inquiry', owedBy: incoming ? 'self' : 'counterpart' },
      messageCount: 2,
      searchText: '',
    });
  }
  return out;
}

/** A campaign's unanswered checks, handed over one an hour: the first `overdue` are past 48 hours. */
function checks(count: number, overdue: number): TodayCheck[] {
  return Array.from({ length: count }, (_, i) => {
    const handedOverAt = new Date(NOW - (48 + overdue - i) * 3_600_000 + 60_000).toISOString();
    return {
      campaignId: 'campaign-bench0001',
      check: {
        id: `check-bench${String(i).padStart(5, '0')}`,
        pocId: `poc-bench${String(i).padStart(5, '0')}`,
        state: i % 2 ? 'DEU' : 'POL',
        role: 'technical' as const,
        label: `Fictional bench CERT ${i}`,
        fingerprint: 'B'.repeat(40),
        sealedAt: new Date(Date.parse(handedOverAt) - 600_000).toISOString(),
      },
      handedOverAt,
    };
  });
}

export async function run(): Promise<Figure[]> {
  const summaries = cases(1_000, 50);
  const sent = checks(200, 40);
  const pings: TodayPing[] = Array.from({ length: 20 }, (_, i) => ({
    id: `ping-bench${String(i).padStart(4, '0')}`,
    sentAt: new Date(NOW - i * 3_600_000).toISOString(),
    deadline: new Date(NOW + (48 - i) * 3_600_000).toISOString(),
  }));
  const t = (key: string, options?: Record<string, unknown>) =>
    options ? `${key} ${JSON.stringify(options)}` : key;
  const render = () => {
    const today = buildToday({
      now: NOW,
      pings,
      queuedPingIds: new Set(),
      cases: summaries,
      keyChanges: [],
      checks: sent,
      lastSyncAt: new Date(NOW - 300_000).toISOString(),
      staleSyncDays: 14,
      outboxWaiting: 2,
      legacyToCheck: 0,
    });
    if (
      today.pings.length !== 20 ||
      today.overdue.length + today.dueToday.length !== 50 ||
      today.checkFollowUps.length !== 40
    )
      throw new Error('bench data is not what it claims');
    return renderToString(
      createElement(HomeView, {
        today,
        t,
        language: 'fr',
        now: NOW,
        stateName: (code: string) => code,
        onAnswerPing: () => undefined,
        answering: new Set<string>(),
      }),
    );
  };
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const started = performance.now();
    render();
    times.push(performance.now() - started);
  }
  await Promise.resolve();
  return [
    {
      name: 'home.render.ms',
      value: median(times.slice(5)),
      unit: 'ms',
      target: 100,
      better: 'lower',
      note: '1,000 cases, 20 pings, 50 deadlines, 200 unanswered checks (40 to follow up); buildToday + renderToString in Node, median of 10 after 5 warm-ups',
    },
  ];
}
