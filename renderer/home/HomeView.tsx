/** @jsxRuntime automatic @jsxImportSource react */
// (pragma: tsx runs the bench without the web tsconfig; this keeps the automatic JSX runtime there too)
import type { CaseSummary, DueItem } from '../../shared/cases';
import { TODAY_LIST_LIMIT, type Today } from '../../shared/home/today';
import {
  formatCountdown,
  formatDate,
  formatDateTime,
  formatRelative,
  utcTitle,
} from '../../shared/i18n/formats';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

interface Props {
  today: Today;
  t: Translate;
  language: string;
  now: number;
  /** Names a State in the UI language (UN names). */
  stateName: (code: string) => string;
  onAnswerPing: (id: string) => void;
  answering: ReadonlySet<string>;
}

function When({ at, language }: { at: string; language: string }) {
  return (
    <time dateTime={at} title={utcTitle(at, language)}>
      {formatDateTime(at, language)}
    </time>
  );
}

/**
 * The Today page, pure (state and callbacks passed in) so the bench renders it with renderToString.
 * Each item is a link to its place; a pending ping is answered here with one click.
 */
export function HomeView({ today, t, language, now, stateName, onAnswerPing, answering }: Props) {
  const caseLink = (c: CaseSummary) => (
    <a href={`#/cases/${encodeURIComponent(c.id)}`}>
      {c.subject} — {c.counterpart.label ?? stateName(c.counterpart.state)}
    </a>
  );
  const dueList = (items: readonly DueItem[], overdue: boolean) => (
    <ul className="today-list">
      {items.slice(0, TODAY_LIST_LIMIT).map((item) => (
        <li key={item.summary.id}>
          {caseLink(item.summary)}{' '}
          <span className={overdue ? 'today-overdue' : undefined}>
            {t(overdue ? 'deadline.overdue' : 'deadline.due')} <When at={item.dueAt} language={language} />
          </span>{' '}
          ({t(`owedBy.${item.summary.deadline?.owedBy ?? 'self'}`)})
        </li>
      ))}
    </ul>
  );
  const caseList = (cases: readonly CaseSummary[]) => (
    <ul className="today-list">
      {cases.slice(0, TODAY_LIST_LIMIT).map((c) => (
        <li key={c.id}>
          {caseLink(c)} · {t('lastActivity')} <When at={c.lastActivityAt} language={language} />
        </li>
      ))}
    </ul>
  );
  const more = (count: number, href: string) =>
    count > TODAY_LIST_LIMIT ? (
      <p>
        <a href={href}>{t('more', { count: count - TODAY_LIST_LIMIT })}</a>
      </p>
    ) : null;

  return (
    <div className="today">
      {today.quiet ? (
        <p className="notice" role="status">
          {t('quiet')}
        </p>
      ) : null}

      <section aria-labelledby="today-pings" className="today-section">
        <h3 id="today-pings">{t('pings.title', { count: today.pings.length })}</h3>
        {today.pings.length === 0 ? <p>{t('pings.none')}</p> : null}
        <ul className="today-list">
          {today.pings.map((ping) => (
            <li key={ping.id} className={ping.msLeft < 12 * 3_600_000 ? 'today-urgent' : undefined}>
              <span>
                {t('pings.received')} <When at={ping.sentAt} language={language} />
              </span>{' '}
              <span role="timer" aria-label={t('pings.countdownLabel')}>
                {ping.msLeft > 0
                  ? t('pings.left', { time: formatCountdown(ping.msLeft, language) })
                  : t('pings.late')}
              </span>{' '}
              {ping.queued ? (
                <span role="status">{t('pings.queued')}</span>
              ) : (
                <button
                  type="button"
                  className="primary"
                  disabled={answering.has(ping.id)}
                  onClick={() => onAnswerPing(ping.id)}
                >
                  {t('pings.answer')}
                </button>
              )}{' '}
              <a href="#/pings">{t('pings.open')}</a>
            </li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="today-deadlines" className="today-section">
        <h3 id="today-deadlines">
          {t('deadline.title', { count: today.overdue.length + today.dueToday.length })}
        </h3>
        {today.overdue.length + today.dueToday.length === 0 ? <p>{t('deadline.none')}</p> : null}
        {today.overdue.length > 0 ? dueList(today.overdue, true) : null}
        {today.dueToday.length > 0 ? dueList(today.dueToday, false) : null}
        {more(today.overdue.length + today.dueToday.length, '#/cases')}
      </section>

      {today.checkFollowUps.length > 0 ? (
        <section aria-labelledby="today-commcheck" className="today-section">
          <h3 id="today-commcheck">{t('checks.title', { count: today.checkFollowUps.length })}</h3>
          <ul className="today-list">
            {today.checkFollowUps.slice(0, TODAY_LIST_LIMIT).map((followUp) => (
              <li key={followUp.checkId}>
                <a href={`#/messages/checks/${encodeURIComponent(followUp.campaignId)}`}>
                  {followUp.label} — {stateName(followUp.state)}
                </a>{' '}
                <span className="today-overdue">
                  {t('checks.handedOver')} <When at={followUp.handedOverAt} language={language} />
                </span>
              </li>
            ))}
          </ul>
          <p>
            <a href="#/messages/checks">{t('checks.open')}</a>
          </p>
        </section>
      ) : null}

      {today.ownKey ? (
        <section aria-labelledby="today-own-key" className="today-section">
          <h3 id="today-own-key">{t('ownKey.title')}</h3>
          <p className={today.ownKey.kind === 'expires-soon' ? 'notice' : 'warning'}>
            {today.ownKey.at
              ? t(`ownKey.${today.ownKey.kind}`, { date: formatDate(today.ownKey.at, language) })
              : t('ownKey.directory-copy-outdated-undated')}{' '}
            <a href="#/identity">{t('ownKey.open')}</a>
          </p>
        </section>
      ) : null}

      <section aria-labelledby="today-us" className="today-section">
        <h3 id="today-us">{t('awaitingUs', { count: today.awaitingUs.length })}</h3>
        {caseList(today.awaitingUs)}
        {more(today.awaitingUs.length, '#/cases')}
      </section>

      <section aria-labelledby="today-them" className="today-section">
        <h3 id="today-them">{t('awaitingThem', { count: today.awaitingThem.length })}</h3>
        {caseList(today.awaitingThem)}
        {more(today.awaitingThem.length, '#/cases')}
      </section>

      {today.keyChanges.length > 0 ? (
        <section aria-labelledby="today-keys" className="today-section">
          <h3 id="today-keys">{t('keys.title', { count: today.keyChanges.length })}</h3>
          <ul className="today-list">
            {today.keyChanges.slice(0, TODAY_LIST_LIMIT).map((change) => (
              <li key={change.entryId}>
                <a href="#/identity">{t('keys.verify', { name: change.label })}</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      <section aria-labelledby="today-directory" className="today-section">
        <h3 id="today-directory">{t('directory.title')}</h3>
        <p>
          {today.lastSyncAt ? (
            <span title={utcTitle(today.lastSyncAt, language)}>
              {t(today.syncStale ? 'directory.stale' : 'directory.synced', {
                when: formatRelative(today.lastSyncAt, language, now),
              })}
            </span>
          ) : (
            t('directory.never')
          )}{' '}
          <a href="#/sync">{t('directory.open')}</a>
        </p>
        <p>
          <a href="#/sync">{t('outbox', { count: today.outboxWaiting })}</a>
        </p>
        {today.legacyToCheck > 0 ? (
          <p className="warning">
            <a href="#/sync">{t('legacyToCheck', { count: today.legacyToCheck })}</a>
          </p>
        ) : null}
      </section>
    </div>
  );
}
