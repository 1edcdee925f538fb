import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { MessageError } from '../../shared/messages/errors';
import { isUnLanguage } from '../../shared/i18n/languages';
import { useVaultSession } from '../vault/session';
import { PocPicker } from '../directory/PocPicker';
import { getEntry } from '../directory/store';
import { usePeerRecords } from '../identity/useOwnIdentity';
import { errorText } from '../components/errorText';
import { MESSAGES_QUERY_KEY } from './MessageHistory';
import { newMessageId } from '../../shared/messages/payload';
import { LabelledTextArea } from '../components/LabelledTextArea';
import { sealOutgoing } from '../outgoing/pipeline';
import { HandOverPanel } from '../outgoing/HandOverPanel';

export function ComposePanel() {
  const { t, i18n } = useTranslation('messages');
  const session = useVaultSession();
  const peers = usePeerRecords();
  const client = useQueryClient();
  const [pocIds, setPocIds] = useState<string[]>([]);
  const [extraKeys, setExtraKeys] = useState<string[]>([]);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** The id of the sealed message, handed over through the pipeline's hand-over step. */
  const [sealed, setSealed] = useState<string | null>(null);

  const seal = async () => {
    setBusy(true);
    setError(null);
    setSealed(null);
    try {
      const recipients = [];
      for (const id of pocIds) {
        // Read from the vault, not the cached directory: the cache can predate the last sync.
        const entry = await getEntry(session, id);
        if (!entry) throw new MessageError('recipient-without-key');
        recipients.push(entry);
      }
      const language = isUnLanguage(i18n.language) ? i18n.language : 'en';
      const result = await sealOutgoing(session, {
        id: newMessageId(),
        kind: 'note',
        text,
        structured: null,
        language,
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        at: new Date().toISOString(),
        recipients,
        importedKeyFingerprints: extraKeys,
      });
      void client.invalidateQueries({ queryKey: MESSAGES_QUERY_KEY });
      setSealed(result.id);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const hasKey = (entry: { openpgp?: unknown }) => Boolean(entry.openpgp);
  const importedKeys = peers.data?.keys ?? [];

  return (
    <section className="messages-card stack" aria-labelledby="compose-title">
      <h3 id="compose-title">{t('compose.title')}</h3>
      <PocPicker value={pocIds} onChange={setPocIds} filter={hasKey} label={t('compose.findRecipient')} />
      {importedKeys.length > 0 && (
        <fieldset>
          <legend>{t('compose.importedKeys')}</legend>
          {importedKeys.map((key) => (
            <label key={key.fingerprint} className="inline-check">
              <input
                type="checkbox"
                checked={extraKeys.includes(key.fingerprint)}
                onChange={(e) => setExtraKeys(e.target.checked ? [...extraKeys, key.fingerprint] : extraKeys.filter((f) => f !== key.fingerprint))}
              />
              {key.userIds[0] ?? key.fingerprint}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t('compose.subject')}
        <input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={300} />
      </label>
      <p className="hint">{t('compose.subjectHint')}</p>
      <LabelledTextArea label={t('compose.text')} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      <div>
        <button type="button" className="primary" disabled={busy || !text.trim() || pocIds.length + extraKeys.length === 0} onClick={() => void seal()}>
          {t('compose.seal')}
        </button>
      </div>
      {busy && <p role="status">{t('compose.sealing')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {sealed && (
        <div className="stack" aria-label={t('compose.output')}>
          <p role="status">{t('compose.sealed')}</p>
          <HandOverPanel messageId={sealed} />
        </div>
      )}
    </section>
  );
}
