import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useOwnIdentity } from '../identity/useOwnIdentity';
import { navigate, type AreaProps } from '../navigation/navigation';
import { ComposePanel } from './ComposePanel';
import { ReceivePanel } from './ReceivePanel';
import { MessageHistory } from './MessageHistory';
import { DamagedRecordsNotice } from '../components/DamagedRecordsNotice';
import { FilesPanel } from './FilesPanel';
import { CommCheckPanel } from '../commcheck/CommCheckPanel';
import './messages.css';

type Tab = 'compose' | 'receive' | 'history' | 'files' | 'checks';

/**
 * Secure messages between POCs (A §7 b): compose, receive, and what was exchanged; communication
 * checks (#/messages/checks opens their tab, #/messages/checks/<campaign id> one campaign's report).
 */
export function MessagesArea({ param }: AreaProps) {
  const { t } = useTranslation('messages');
  const { t: ts } = useTranslation('signatures');
  const { t: tc } = useTranslation('commcheck');
  const own = useOwnIdentity();
  const [section, campaignId] = (param ?? '').split('/');
  const [tab, setTab] = useState<Tab>(section === 'checks' ? 'checks' : 'compose');
  return (
    <section className="area stack" aria-labelledby="messages-title">
      <h2 id="messages-title">{t('title')}</h2>
      <DamagedRecordsNotice collections={['messages', 'conversations']} />
      {own.isSuccess && !own.data && (
        <div className="notice stack">
          <p>{t('noIdentity')}</p>
          <div>
            <button type="button" onClick={() => navigate('identity')}>
              {t('goToIdentity')}
            </button>
          </div>
        </div>
      )}
      <div role="tablist" aria-label={t('tabs.label')} className="messages-tabs">
        {(['compose', 'receive', 'history'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
          >
            {t(`tabs.${name}`)}
          </button>
        ))}
        <button type="button" role="tab" aria-selected={tab === 'files'} onClick={() => setTab('files')}>
          {ts('tab')}
        </button>
        <button type="button" role="tab" aria-selected={tab === 'checks'} onClick={() => setTab('checks')}>
          {tc('tab')}
        </button>
      </div>
      {tab === 'compose' && <ComposePanel />}
      {tab === 'receive' && <ReceivePanel />}
      {tab === 'history' && <MessageHistory />}
      {tab === 'files' && <FilesPanel />}
      {tab === 'checks' && <CommCheckPanel key={campaignId} {...(campaignId ? { campaignId } : {})} />}
    </section>
  );
}
