import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { isUnLanguage } from '../../shared/i18n/languages';
import { errorText } from '../components/errorText';
import { HandOverPanel } from '../outgoing/HandOverPanel';
import { useVaultSession } from '../vault/session';
import { answerCheck, type FiledCheck } from './receive';
import { COMMCHECK_QUERY_KEY } from './store';

/**
 * Shown under a message just read when it is a communication check (with the one-click signed
 * answer) or a reply to one (whether it verified the channel, and if not, why not).
 */
export function CheckReceived({ filed }: { filed: FiledCheck }) {
  const { t, i18n } = useTranslation('commcheck');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const client = useQueryClient();
  const [replyId, setReplyId] = useState<string | null>(
    filed.kind === 'check' ? (filed.replyId ?? null) : null,
  );
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (filed.kind === 'reply') {
    const verified = filed.outcome === 'verified';
    return (
      <div className={verified ? 'notice' : 'warning'} role={verified ? 'status' : 'alert'}>
        <p>{t(`reply.outcome.${filed.outcome}`)}</p>
      </div>
    );
  }

  const answer = async () => {
    setBusy(true);
    setError(null);
    try {
      const language = isUnLanguage(i18n.language) ? i18n.language : 'en';
      const english = i18n.getFixedT('en', 'commcheck');
      const mine = t('answer.text', { id: filed.checkId });
      const text = language === 'en' ? mine : `${mine}\n\n${english('answer.text', { id: filed.checkId })}`;
      setReplyId(await answerCheck(session, filed.checkId, language, { text }));
      await client.invalidateQueries({ queryKey: ['vault', 'messages'] });
      await client.invalidateQueries({ queryKey: COMMCHECK_QUERY_KEY });
    } catch (e) {
      setError(errorText(tm, e));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="stack commcheck-received" aria-label={t('received.title')}>
      <p>{t('received.explain')}</p>
      {!filed.answerable && <p className="warning">{t('received.notAnswerable')}</p>}
      {filed.answerable && !replyId && (
        <div>
          <button type="button" className="primary" disabled={busy} onClick={() => void answer()}>
            {t('received.answer')}
          </button>
        </div>
      )}
      {busy && <p role="status">{t('received.sealing')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {replyId && (
        <div className="stack">
          <p role="status">{t('received.answered')}</p>
          <HandOverPanel messageId={replyId} />
        </div>
      )}
    </section>
  );
}
