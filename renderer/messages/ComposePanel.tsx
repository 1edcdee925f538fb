import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type * as openpgp from 'openpgp';
import { composeMessage, sealMessage } from '../../shared/messages/compose';
import { buildPgpMimeEml, mailtoDraft } from '../../shared/messages/eml';
import { MessageError } from '../../shared/messages/errors';
import type { MessageParty } from '../../shared/messages/payload';
import { isUnLanguage } from '../../shared/i18n/languages';
import { textToBase64 } from '../../shared/encoding/base64';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { PocPicker } from '../directory/PocPicker';
import { getEntry } from '../directory/store';
import { loadOwnIdentity, loadOwnSigningKey } from '../identity/ownIdentity';
import { listPeerRecords, pinOp } from '../identity/peerKeys';
import { usePeerRecords } from '../identity/useOwnIdentity';
import { errorText } from './errorText';
import { parseKeyCached } from './keyring';
import { storeMessage } from './messageStore';
import { MESSAGES_QUERY_KEY } from './MessageHistory';
import { newMessageId } from '../../shared/messages/payload';
import { LabelledTextArea } from './LabelledTextArea';
import { PRIVATE_INPUT } from '../components/privateInput';
import { useDirectory } from '../directory/useDirectory';
import { useEnrolledSelf } from '../identity/enrolledSelf';
import { crossRoleRecipients, roleRuleAllows } from '../../shared/directory/roleRule';
import type { PointOfContact } from '../../shared/directory/model';

interface Sealed {
  armored: string;
  emails: string[];
  id: string;
}

/** File names reveal nothing: a random id, no names, no subject. */
function sealedFileName(id: string, ext: 'asc' | 'eml'): string {
  return `message-${id.slice(0, 12)}.${ext}`;
}

export function ComposePanel() {
  const { t, i18n } = useTranslation('messages');
  const session = useVaultSession();
  const host = useHost();
  const peers = usePeerRecords();
  const client = useQueryClient();
  const [pocIds, setPocIds] = useState<string[]>([]);
  const [extraKeys, setExtraKeys] = useState<string[]>([]);
  const [subject, setSubject] = useState('');
  const [text, setText] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sealed, setSealed] = useState<Sealed | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
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
    setNotice(null);
    try {
      const own = await loadOwnIdentity(session);
      const senderKey = await loadOwnSigningKey(session);
      if (!own || !senderKey) throw new MessageError('no-identity');
      const { pins, keys: imported } = await listPeerRecords(session);
      const recipientKeys: openpgp.PublicKey[] = [];
      const parties: MessageParty[] = [];
      const emails: string[] = [];
      const conversationPeers: { pocId: string; state: string; role: string }[] = [];
      const newPins = [];
      const entries: PointOfContact[] = [];
      for (const id of pocIds) {
        // Read from the vault, not the cached directory: the cache can predate the last sync.
        const entry = await getEntry(session, id);
        if (!entry?.openpgp) throw new MessageError('recipient-without-key');
        entries.push(entry);
        const pin = pins.find((p) => p.pocId === id);
        if (pin && pin.fingerprint !== entry.openpgp.fingerprint) throw new MessageError('recipient-key-changed');
        const key = await parseKeyCached(entry.openpgp.publicKey);
        if (!key || key.getFingerprint().toUpperCase() !== entry.openpgp.fingerprint) throw new MessageError('recipient-without-key');
        recipientKeys.push(key);
        parties.push({ fingerprint: entry.openpgp.fingerprint, pocId: entry.id, state: entry.state, role: entry.role });
        emails.push(...entry.emails.slice(0, 1));
        conversationPeers.push({ pocId: entry.id, state: entry.state, role: entry.role });
        if (!pin) newPins.push(pinOp({ kind: 'pin', pocId: entry.id, fingerprint: entry.openpgp.fingerprint, pinnedAt: new Date().toISOString() }));
      }
      for (const fingerprint of extraKeys) {
        const record = imported.find((k) => k.fingerprint === fingerprint);
        const key = record ? await parseKeyCached(record.publicKey) : null;
        if (!key) throw new MessageError('recipient-without-key');
        recipientKeys.push(key);
        parties.push({ fingerprint });
      }
      if (!roleRuleAllows(ownRole, entries, { confirmed: crossRoleConfirmed })) {
        setError(t('compose.crossRole.mustConfirm'));
        return;
      }
      const language = isUnLanguage(i18n.language) ? i18n.language : 'en';
      const id = newMessageId();
      const { mime, payload } = composeMessage({
        id,
        text,
        structured: null,
        language,
        ...(subject.trim() ? { subject: subject.trim() } : {}),
        sender: { fingerprint: own.fingerprint },
        recipients: parties,
      });
      const armored = await sealMessage({ mime, recipientKeys, senderKey });
      await storeMessage(
        session,
        {
          id,
          direction: 'out',
          conversationIds: [],
          at: payload.createdAt,
          text,
          ...(payload.subject ? { subject: payload.subject } : {}),
          payload,
          armored,
          ...(crossRoleRecipients(ownRole, entries).length ? { crossRoleConfirmedAt: payload.createdAt } : {}),
        },
        conversationPeers,
        newPins,
      );
      void client.invalidateQueries({ queryKey: MESSAGES_QUERY_KEY });
      setSealed({ armored, emails, id });
    } catch (e) {
      setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const saveFile = async (ext: 'asc' | 'eml') => {
    if (!sealed) return;
    const content = ext === 'asc' ? sealed.armored : buildPgpMimeEml({ armoredMessage: sealed.armored, to: sealed.emails });
    try {
      await host.call('files.save', {
        suggestedName: sealedFileName(sealed.id, ext),
        mimeType: ext === 'asc' ? 'application/pgp-encrypted' : 'message/rfc822',
        bytes: textToBase64(content),
      });
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const openMail = async () => {
    if (!sealed) return;
    const url = mailtoDraft({ to: sealed.emails, armoredMessage: sealed.armored });
    if (!url) {
      setNotice(t('compose.tooLongForMail'));
      return;
    }
    try {
      await host.call('external.open', { url });
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const copy = async () => {
    if (!sealed) return;
    try {
      await navigator.clipboard.writeText(sealed.armored);
      setNotice(t('compose.copied'));
    } catch {
      setNotice(t('compose.copyFailed'));
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
        {enrolled ? t('compose.fromEnrolment', { state: enrolled.state, role: t(`role.${enrolled.role}`) }) : t('compose.notEnrolled')}
      </p>
      <PocPicker value={pocIds} onChange={choose} filter={offered} label={t('compose.findRecipient')} />
      {ownRole && (
        <label className="inline-check">
          <input type="checkbox" checked={otherRole} onChange={(e) => setOtherRole(e.target.checked)} /> {t('compose.showOtherRole')}
        </label>
      )}
      {ownRole && crossRole.length > 0 && (
        <div className="warning" role="alert">
          <p>{t('compose.crossRole.warning', { mine: t(`role.${ownRole}`) })}</p>
          <label className="inline-check">
            <input type="checkbox" checked={crossRoleConfirmed} onChange={(e) => setCrossRoleConfirmed(e.target.checked)} /> {t('compose.crossRole.confirm')}
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
                onChange={(e) => setExtraKeys(e.target.checked ? [...extraKeys, key.fingerprint] : extraKeys.filter((f) => f !== key.fingerprint))}
              />
              {key.userIds[0] ?? key.fingerprint}
            </label>
          ))}
        </fieldset>
      )}
      <label>
        {t('compose.subject')}
        <input value={subject} onChange={(e) => setSubject(e.target.value)} maxLength={300} {...PRIVATE_INPUT} />
      </label>
      <p className="hint">{t('compose.subjectHint')}</p>
      <LabelledTextArea label={t('compose.text')} rows={8} value={text} onChange={(e) => setText(e.target.value)} />
      <div>
        <button type="button" className="primary" disabled={busy || !text.trim() || pocIds.length + extraKeys.length === 0 || !roleAllowed} onClick={() => void seal()}>
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
          <LabelledTextArea label={t('compose.armored')} readOnly rows={8} value={sealed.armored} dir="ltr" />
          <div className="messages-actions">
            <button type="button" onClick={() => void copy()}>
              {t('compose.copy')}
            </button>
            <button type="button" onClick={() => void saveFile('asc')}>
              {t('compose.saveAsc')}
            </button>
            <button type="button" onClick={() => void saveFile('eml')}>
              {t('compose.saveEml')}
            </button>
            <button type="button" onClick={() => void openMail()}>
              {t('compose.openMail')}
            </button>
          </div>
        </div>
      )}
      {notice && <p role="status">{notice}</p>}
    </section>
  );
}
