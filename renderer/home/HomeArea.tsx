import { useQuery } from '@tanstack/react-query';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName } from '../../shared/directory/stateNames';
import { buildToday, noticesBetween, type Today } from '../../shared/home/today';
import { useCaseList } from '../cases/useCases';
import { LoadDemo } from '../directory/DirectoryArea';
import { useDirectory } from '../directory/useDirectory';
import { useHost } from '../host/HostContext';
import { changedKeys } from '../identity/peerKeys';
import { useOwnIdentity, useOwnKeyPublication, usePeerRecords } from '../identity/useOwnIdentity';
import { entryDisplayName } from '../components/entryNames';
import { useSettings } from '../host/useSettings';
import { SYNC_QUERY_KEY, useSyncController, useSyncStatus } from '../sync/useSync';
import { FIRST_RUN_STEPS } from '../firstrun/FirstRunSteps';
import { currentStep, useFirstRun } from '../onboarding/firstRunProgress';
import { HomeView } from './HomeView';
import { useUnansweredChecks } from '../commcheck/todayChecks';
import './home.css';

/** How often the countdowns and "synced 5 min ago" move on. */
const TICK_MS = 30_000;

/**
 * Home ("Today"), the first screen after unlock: what needs the POC now, each item one click from
 * its place. Raises an OS notification (through the host, where it has them) for a new ping, a
 * deadline entering its last 2 hours and a reply received while the app is open.
 */
export function HomeArea() {
  const { t, i18n } = useTranslation('home');
  const host = useHost();
  const controller = useSyncController();
  const { data: status } = useSyncStatus();
  const cases = useCaseList();
  const directory = useDirectory();
  const peers = usePeerRecords();
  const identity = useOwnIdentity();
  const publication = useOwnKeyPublication(status?.enrolled ? identity.data : null);
  const checks = useUnansweredChecks();
  const settings = useSettings();
  const { data: sync } = useQuery({
    queryKey: [...SYNC_QUERY_KEY, 'home'],
    queryFn: async () => {
      const [pings, outbox] = await Promise.all([
        controller.store.listPings(),
        controller.store.listOutbox(),
      ]);
      return {
        pings,
        queued: new Set(outbox.flatMap((i) => (i.kind === 'ping-ack' ? [i.request.statement.pingId] : []))),
      };
    },
  });
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(timer);
  }, []);
  const { t: tf } = useTranslation('firstrun');
  const { progress } = useFirstRun();
  const firstRunStep = status && progress ? currentStep(status.enrolled, progress) : 'done';
  const [answering, setAnswering] = useState<ReadonlySet<string>>(new Set());

  const summaries = useMemo(() => cases.data?.summaries ?? [], [cases.data]);
  const keyChanges = useMemo(
    () =>
      changedKeys(directory.data?.entries ?? [], peers.data?.pins ?? []).map(({ entry }) => ({
        entryId: entry.id,
        label: entryDisplayName(entry),
      })),
    [directory.data, peers.data],
  );
  const today: Today = useMemo(
    () =>
      buildToday({
        now,
        pings: sync?.pings ?? [],
        queuedPingIds: sync?.queued ?? new Set(),
        cases: summaries,
        keyChanges,
        checks: checks.data ?? [],
        ...(status?.state?.lastSyncAt ? { lastSyncAt: status.state.lastSyncAt } : {}),
        staleSyncDays: settings.data?.staleSyncDays ?? 14,
        outboxWaiting: status?.outboxWaiting ?? 0,
        legacyToCheck: status?.legacyToCheck ?? 0,
        ownKey: identity.data
          ? {
              expiresAt: identity.data.expiresAt,
              ...(publication.data?.kind === 'outdated'
                ? { directoryCopyExpiresAt: publication.data.directoryExpiresAt }
                : {}),
            }
          : undefined,
      }),
    [now, sync, summaries, keyChanges, checks.data, status, settings.data, identity.data, publication.data],
  );

  // OS notifications for what changed since the last look (never for what was there at opening).
  const previous = useRef<Today | null>(null);
  const notified = useRef(new Set<string>());
  useEffect(() => {
    const ready = sync !== undefined && cases.data !== undefined;
    if (!ready) return;
    for (const notice of noticesBetween(previous.current, today, summaries, now)) {
      if (notified.current.has(notice.key)) continue;
      notified.current.add(notice.key);
      const route = notice.caseId ? `#/cases/${notice.caseId}` : '#/pings';
      void host
        .call('notify.show', {
          title: t(`notify.${notice.kind}.title`),
          body: t(`notify.${notice.kind}.body`, { subject: notice.subject ?? '' }),
          route,
        })
        .catch(() => undefined);
    }
    previous.current = today;
  }, [today, summaries, now, sync, cases.data, host, t]);

  const answer = (id: string) => {
    setAnswering((set) => new Set([...set, id]));
    void controller
      .queuePingAck(id)
      .finally(() => setAnswering((set) => new Set([...set].filter((item) => item !== id))));
  };

  return (
    <section className="area" aria-labelledby="home-title">
      <h2 id="home-title">{t('title')}</h2>
      {status && !status.enrolled ? (
        <p className="notice">
          {t('notEnrolled')} <a href="#/onboarding">{t('enrol')}</a>
        </p>
      ) : null}
      {status?.enrolled && firstRunStep !== 'done' && !progress?.skippedAt ? (
        <p className="notice">
          {tf('resume', {
            number: FIRST_RUN_STEPS.indexOf(firstRunStep) + 1,
            total: FIRST_RUN_STEPS.length,
            step: tf(`steps.${firstRunStep}`),
          })}{' '}
          <a href="#/onboarding">{tf('resumeLink')}</a>
        </p>
      ) : null}
      {directory.data && directory.data.entries.length === 0 ? <LoadDemo openAfterLoad /> : null}
      <HomeView
        today={today}
        t={t}
        language={i18n.language}
        now={now}
        stateName={(code) => stateName(code, i18n.language)}
        onAnswerPing={answer}
        answering={answering}
      />
    </section>
  );
}
