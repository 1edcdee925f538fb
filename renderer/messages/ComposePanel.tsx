import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { MessageError } from '../../shared/messages/errors';
import { stateName } from '../../shared/directory/stateNames';
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
import { PRIVATE_INPUT } from '../components/privateInput';
import { useDirectory } from '../directory/useDirectory';
import { useEnrolledSelf } from '../identity/enrolledSelf';
import { crossRoleRecipients, roleRuleAllows } from '../../shared/directory/roleRule';
import type { PointOfContact } from '../../shared/directory/model';

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
  // A §9 role rule, as in the inquiry wizard: the own role is the enrolment's (issue 9 §4).
  const enrolled = useEnrolledSelf().data ?? null;
  const ownRole = enrolled?.role ?? null;
  const directory = useDirectory();
  const [otherRole, setOtherRole] = useState(false);
  const [crossRoleConfirmed, setCrossRoleConfirmed] = useState(false);
  const chosen = pocIds.flatMap((id) => directory.data?.byId.get(id) ?? []);
  const crossRole = crossRoleRecipients(ownRole, chosen);
  const roleAllowed = roleRuleAllows(ownRole, chosen, { confirmed: crossRoleConfirmed });
  const choose = (ids: string[]) => {
    setPocIds(ids);
    setCrossRoleConfirmed(false);
  };

  const seal = async () => {
    setBusy(true);
    setError(null);
    setSealed(null);
    try {
      const recipients: PointOfContact[] = [];
      for (const id of pocIds) {
        // Read from the vault, not the cached directory: the cache can predate the last sync.
        const entry = await getEntry(session, id);
        if (!entry) throw new MessageError('recipient-without-key');
        recipients.push(entry);
      }
      if (!roleRuleAllows(ownRole, recipients, { confirmed: crossRoleConfirmed })) {
        setError(t('compose.crossRole.mustConfirm'));
        return;
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
        ...(crossRoleRecipients(ownRole, recipients).length
          ? { crossRoleConfirmedAt: new Date().toISOString() }
          : {}),
      });
      void client.invalidateQueries({ queryKey: MESSAGES_QUERY_KEY });
      setSealed(result.id);
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const offered = useCallback(
    (entry: PointOfContact) => Boolean(entry.openpgp) && (otherRole || !ownRole || entry.role === ownRole),
    [otherRole, ownRole],
  );
  const importedKeys = peers.data?.keys ?? [];

  return (
    <section className="messages-card stack" aria-labelledby="compose-title">
      <h3 id="compose-title">{t('compose.title')}</h3>
      <p className="hint">
        {enrolled
          ? t('compose.fromEnrolment', {
              state: stateName(enrolled.state, i18n.language),
              role: t(`role.${enrolled.role}`),
            })
          : t('compose.notEnrolled')}
      </p>
      <PocPicker value={pocIds} onChange={choose} filter={offered} label={t('compose.findRecipient')} />
      {ownRole && (
        <label className="inline-check">
          <input type="checkbox" checked={otherRole} onChange={(e) => setOtherRole(e.target.checked)} />{' '}
          {t('compose.showOtherRole')}
        </label>
      )}
      {ownRole && crossRole.length > 0 && (
        <div className="warning" role="alert">
          <p>{t('compose.crossRole.warning', { mine: t(`role.${ownRole}`) })}</p>
          <label className="inline-check">
            <input
              type="checkbox"
              checked={crossRoleConfirmed}
              onChange={(e) => setCrossRoleConfirmed(e.target.checked)}
            />{' '}
            {t('compose.crossRole.confirm')}
          </label>
          <p className="hint">{t('compose.crossRole.handoverHint')}</p>
        </div>
      )}
      {importedKeys.length > 0 && (
        <fieldset>
          <legend>{t('compose.importedKeys')}</legend>
          {importedKeys.map((key) => (
            <label key={key.fingerprint} className="inline-check">
              <input
                type="checkbox"
                checked={extraKeys.includes(key.fingerprint)}
                onChange={(e) =>
                  setExtraKeys(
                    e.target.checked
                      ? [...extraKeys, key.fingerprint]
                      : extraKeys.filter((f) => f !== key.fingerprint),
                  )
                }
              />
              {key.userIds[0] ?? key.fingerprint}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t('compose.subject')}
        <input
          value={subject}
          onChange={(e) => setSubject(e.target.value)}
          maxLength={300}
          {...PRIVATE_INPUT}
        />
      </label>
      <p className="hint">{t('compose.subjectHint')}</p>
      <LabelledTextArea
        label={t('compose.text')}
        rows={8}
        value={text}
        onChange={(e) => setText(e.target.value)}
      />
      <div>
        <button
          type="button"
          className="primary"
          disabled={busy || !text.trim() || pocIds.length + extraKeys.length === 0 || !roleAllowed}
          onClick={() => void seal()}
        >
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
