import { useQuery } from '@tanstack/react-query';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName } from '../../shared/directory/stateNames';
import { groupFingerprint } from '../../shared/sync/enrolment';
import type { SyncState } from '../../shared/sync/model';
import { FirstRunSteps } from '../firstrun/FirstRunSteps';
import { loadOwnIdentity } from '../messaging/ownIdentity';
import { navigate } from '../navigation/navigation';
import { SYNC_QUERY_KEY, useSyncStatus } from '../sync/useSync';
import { useVaultSession } from '../vault/session';
import { EnrolmentStep } from './EnrolmentStep';
import { FirstSyncStep } from './FirstSyncStep';
import { OwnKeyStep } from './OwnKeyStep';
import { PublishStep } from './PublishStep';
import { SkipToDemo } from './SkipToDemo';
import { currentStep, useFirstRun, type FirstRunDraft } from './firstRunProgress';
import './onboarding.css';

/**
 * The guided first run after the vault exists (issue 11): enrolment → own key → publication → first
 * sync, each step resumable after a reload: what a step needs is read from its own facts (the
 * enrolment record, the key, the directory) and the first-run record in the vault.
 */
export function OnboardingArea() {
  const { t } = useTranslation('firstrun');
  const session = useVaultSession();
  const { data: status } = useSyncStatus();
  const { progress, update } = useFirstRun();
  const identity = useQuery({
    queryKey: [...SYNC_QUERY_KEY, 'identity'],
    queryFn: () => loadOwnIdentity(session),
  });
  const saveDraft = useCallback(
    async (draft: FirstRunDraft) => {
      await update((current) => ({ ...current, draft }));
    },
    [update],
  );
  const pass = (field: 'keyShownAt' | 'publishPassedAt' | 'completedAt') =>
    void update((current) => ({ ...current, [field]: new Date().toISOString() })).then(() => {
      if (field === 'completedAt') navigate('home');
    });

  if (!status || !progress || identity.isPending) return <p role="status">{t('loading')}</p>;
  const step = currentStep(status.enrolled, progress);
  const own = identity.data ?? null;

  return (
    <section className="area enrolment first-run stack" aria-labelledby="first-run-title">
      <h2 id="first-run-title">{t('title')}</h2>
      <FirstRunSteps current={step} />
      {step === 'enrolment' ? <EnrolmentStep draft={progress.draft} onDraft={saveDraft} /> : null}
      {step === 'ownKey' && status.state && own ? (
        <OwnKeyStep identity={own} enrolment={status.state} onNext={() => pass('keyShownAt')} />
      ) : null}
      {step === 'publish' && own ? (
        <PublishStep identity={own} onNext={() => pass('publishPassedAt')} />
      ) : null}
      {step === 'firstSync' ? <FirstSyncStep onFinish={() => pass('completedAt')} /> : null}
      {step === 'done' && status.state ? <EnrolledSummary state={status.state} /> : null}
      {step === 'enrolment' ? (
        <SkipToDemo
          onSkip={() => update((current) => ({ ...current, skippedAt: new Date().toISOString() }))}
        />
      ) : null}
    </section>
  );
}

function EnrolledSummary({ state }: { state: SyncState }) {
  const { t, i18n } = useTranslation('onboarding');
  const { t: tf } = useTranslation('firstrun');
  return (
    <div className="stack">
      <p role="status">
        {t('enrolled', { state: stateName(state.state, i18n.language), role: t(`roles.${state.role}`) })}
      </p>
      <p>
        {t('registryAddress')}: <span dir="ltr">{state.registryUrl}</span>
      </p>
      <p>{t('pinned')}</p>
      <p className="fingerprint" dir="ltr">
        {groupFingerprint(state.registryFingerprint)}
      </p>
      <div className="row">
        <button type="button" className="primary" onClick={() => navigate('home')}>
          {tf('goToToday')}
        </button>
        <button type="button" onClick={() => navigate('identity')}>
          {t('openKeys')}
        </button>
      </div>
    </div>
  );
}
