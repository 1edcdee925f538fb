import { describe, expect, it } from 'vitest';
import { createInstance } from 'i18next';
import { renderToStaticMarkup } from 'react-dom/server';
import { i18nOptions, isolatingFormatter } from '../../../../renderer/i18n/i18n';
import { HomeView } from '../../../../renderer/home/HomeView';
import { stateName } from '../../../../shared/directory/stateNames';
import { buildToday, type TodayCheck } from '../../../../shared/home/today';

/** Today as the user reads it: a communication check unanswered after 48 hours is on the page. */
const NOW = Date.parse('2026-12-01T09:00:00.000Z');
const hours = (h: number) => new Date(NOW + h * 3_600_000).toISOString();

const overdueCheck: TodayCheck = {
  campaignId: 'campaign-today001',
  check: {
    id: 'check-overdue01',
    pocId: 'poc-deu-tech01',
    state: 'DEU',
    role: 'technical',
    label: 'CERT Delta (fictional)',
    fingerprint: 'B'.repeat(40),
    sealedAt: hours(-61),
  },
  handedOverAt: hours(-60),
};

async function render(language: string, checks: TodayCheck[], legacyToCheck = 0): Promise<string> {
  const i18n = createInstance();
  await i18n.use(isolatingFormatter).init({ ...i18nOptions(language), defaultNS: 'home' });
  const today = buildToday({
    now: NOW,
    pings: [],
    queuedPingIds: new Set(),
    cases: [],
    keyChanges: [],
    checks,
    lastSyncAt: hours(-1),
    staleSyncDays: 14,
    outboxWaiting: 0,
    legacyToCheck,
  });
  return renderToStaticMarkup(
    <HomeView
      today={today}
      t={(key, options) => i18n.t(key, options)}
      language={language}
      now={NOW}
      stateName={(code) => stateName(code, language)}
      onAnswerPing={() => undefined}
      answering={new Set()}
    />,
  );
}

describe('Today with a communication check to follow up', () => {
  it('lists the check after the deadlines, links it to its campaign report, and is not "quiet"', async () => {
    const html = await render('en', [overdueCheck]);
    expect(html).not.toContain('Nothing needs you right now.');
    expect(html).toContain('Communication checks unanswered after 48 hours: 1');
    expect(html).toContain(
      '<a href="#/messages/checks/campaign-today001">CERT Delta (fictional) — Germany</a>',
    );
    expect(html).toContain(`Handed over on <time dateTime="${hours(-60)}"`);
    expect(html).toContain('<a href="#/messages/checks">Open the communication checks</a>');
    const deadlines = html.indexOf('id="today-deadlines"');
    const checks = html.indexOf('id="today-commcheck"');
    const awaitingUs = html.indexOf('id="today-us"');
    expect(deadlines).toBeGreaterThan(-1);
    expect(checks).toBeGreaterThan(deadlines);
    expect(awaitingUs).toBeGreaterThan(checks);
  });

  it('says "nothing needs you" only when no check waits for a follow-up', async () => {
    const html = await render('en', []);
    expect(html).toContain('Nothing needs you right now.');
    expect(html).not.toContain('id="today-commcheck"');
  });

  it('says it in every UI language, not in English', async () => {
    for (const language of ['ar', 'es', 'fr', 'ru', 'zh']) {
      const html = await render(language, [overdueCheck]);
      expect(html).toContain('id="today-commcheck"');
      expect(html).not.toContain('Communication checks unanswered');
      expect(html).not.toContain('Handed over on');
      expect(html).toContain(stateName('DEU', language));
    }
  });
});

describe('Today with changes signed by an earlier version of the app', () => {
  it('points to Sync to check them, in every language, and is not "quiet"', async () => {
    const html = await render('en', [], 2);
    expect(html).toContain(
      '<a href="#/sync">Changes signed by an earlier version of the app, to check before they are sent again: 2</a>',
    );
    expect(html).not.toContain('Nothing needs you right now.');
    for (const language of ['ar', 'zh', 'fr', 'ru', 'es']) {
      const translated = await render(language, [], 2);
      expect(translated, language).toMatch(/<a href="#\/sync">[^<]+[:：] ?2<\/a>/);
      expect(translated, language).not.toContain('earlier version');
    }
  });

  it('says nothing of them when there are none', async () => {
    const html = await render('en', []);
    expect(html).not.toContain('earlier version');
    expect(html).toContain('Nothing needs you right now.');
  });
});
