import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../shared/i18n/formats';
import { readPublicKeys } from '../../shared/openpgp/keys';
import { summarizeKey } from '../../shared/openpgp/keyInfo';
import { fingerprintFromQrPayload, sameFingerprint } from '../../shared/openpgp/fingerprint';
import { base64ToBytes } from '../../shared/encoding/base64';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { PocPicker } from '../directory/PocPicker';
import { useDirectory } from '../directory/useDirectory';
import { errorText } from '../components/errorText';
import { entryDisplayName } from '../components/entryNames';
import { FingerprintGroups } from './OwnKeyFingerprint';
import { changedKeys, recordVerification, saveImportedKey, type VerificationMethod } from './peerKeys';
import { usePeerRecords, useRefreshIdentity } from './useOwnIdentity';
import { LabelledTextArea } from '../components/LabelledTextArea';

const hasKey = (entry: { openpgp?: unknown }) => Boolean(entry.openpgp);

function VerifyPoc() {
  const { t, i18n } = useTranslation('identity');
  const session = useVaultSession();
  const directory = useDirectory();
  const peers = usePeerRecords();
  const refresh = useRefreshIdentity();
  const [chosen, setChosen] = useState<string[]>([]);
  const [verifiedBy, setVerifiedBy] = useState('');
  const [method, setMethod] = useState<VerificationMethod>('spoken');
  const [scanned, setScanned] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const entry = chosen[0] ? directory.data?.byId.get(chosen[0]) : undefined;
  const pin = peers.data?.pins.find((p) => p.pocId === entry?.id);
  const scannedFingerprint = scanned.trim() ? fingerprintFromQrPayload(scanned) : undefined;
  const scanMismatch =
    method === 'qr' &&
    scanned.trim() !== '' &&
    !(scannedFingerprint && entry?.openpgp && sameFingerprint(scannedFingerprint, entry.openpgp.fingerprint));

  const record = async () => {
    if (!entry) return;
    await recordVerification(session, entry, { verifiedBy: verifiedBy.trim(), method });
    setResult(t('verify.recorded'));
    refresh();
  };

  return (
    <section className="identity-card stack" aria-labelledby="verify-title">
      <h3 id="verify-title">{t('verify.title')}</h3>
      <p>{t('verify.explain')}</p>
      <PocPicker
        value={chosen}
        onChange={setChosen}
        multiple={false}
        filter={hasKey}
        label={t('verify.find')}
      />
      {entry?.openpgp && (
        <form
          className="stack"
          aria-label={t('verify.title')}
          onSubmit={(event) => {
            event.preventDefault();
            void record();
          }}
        >
          <p>{entryDisplayName(entry)}</p>
          <FingerprintGroups
            fingerprint={entry.openpgp.fingerprint}
            label={t('verify.directoryFingerprint')}
          />
          {pin?.verifiedAt && pin.fingerprint === entry.openpgp.fingerprint && (
            <p role="status">
              {t('verify.already', {
                by: pin.verifiedBy ?? '',
                date: formatDateTime(pin.verifiedAt, i18n.language),
              })}
            </p>
          )}
          <label>
            {t('verify.method')}
            <select value={method} onChange={(e) => setMethod(e.target.value === 'qr' ? 'qr' : 'spoken')}>
              <option value="spoken">{t('verify.spoken')}</option>
              <option value="qr">{t('verify.qr')}</option>
            </select>
          </label>
          {method === 'qr' && (
            <label>
              {t('verify.scanned')}
              <input value={scanned} onChange={(e) => setScanned(e.target.value)} dir="ltr" />
            </label>
          )}
          {scanMismatch && (
            <p className="error" role="alert">
              {t('verify.mismatch')}
            </p>
          )}
          <label>
            {t('verify.by')}
            <input
              value={verifiedBy}
              onChange={(e) => setVerifiedBy(e.target.value)}
              required
              maxLength={200}
            />
          </label>
          <div>
            <button
              type="submit"
              className="primary"
              disabled={!verifiedBy.trim() || scanMismatch || (method === 'qr' && !scannedFingerprint)}
            >
              {t('verify.submit')}
            </button>
          </div>
        </form>
      )}
      {result && <p role="status">{result}</p>}
    </section>
  );
}

function ImportPeerKey() {
  const { t } = useTranslation('identity');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const host = useHost();
  const refresh = useRefreshIdentity();
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);

  const importKeys = async (input: string | Uint8Array) => {
    setError(null);
    setDone(null);
    try {
      const keys = await readPublicKeys(input);
      for (const key of keys) {
        const summary = await summarizeKey(key);
        await saveImportedKey(session, key, {
          userIds: summary.userIds,
          algorithm: summary.algorithm,
          expiresAt: summary.expiresAt,
        });
      }
      setDone(t('peers.imported', { count: keys.length }));
      setText('');
      refresh();
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  const openFile = async () => {
    try {
      const file = await host.call('files.open', {
        filters: [{ name: 'OpenPGP', extensions: ['asc', 'gpg', 'pgp', 'key'] }],
        maxBytes: 1024 * 1024,
      });
      if (file) await importKeys(base64ToBytes(file.bytes));
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  return (
    <form
      className="identity-card stack"
      aria-label={t('peers.importTitle')}
      onSubmit={(event) => {
        event.preventDefault();
        void importKeys(text);
      }}
    >
      <h3>{t('peers.importTitle')}</h3>
      <LabelledTextArea
        label={t('peers.armored')}
        rows={4}
        value={text}
        onChange={(e) => setText(e.target.value)}
        spellCheck={false}
      />
      <div className="identity-actions">
        <button type="submit" disabled={!text.trim()}>
          {t('peers.import')}
        </button>
        <button type="button" onClick={() => void openFile()}>
          {t('peers.openFile')}
        </button>
      </div>
      {done && <p role="status">{done}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}

export function PeerKeysPanel() {
  const { t } = useTranslation('identity');
  const directory = useDirectory();
  const peers = usePeerRecords();
  const changed = changedKeys(directory.data?.entries ?? [], peers.data?.pins ?? []);
  return (
    <div className="stack">
      {changed.map(({ entry }) => (
        <p key={entry.id} className="error key-changed" role="alert">
          {t('peers.keyChanged', { name: entryDisplayName(entry) })}
        </p>
      ))}
      <VerifyPoc />
      <ImportPeerKey />
      {peers.data && peers.data.keys.length > 0 && (
        <section className="identity-card stack" aria-labelledby="imported-title">
          <h3 id="imported-title">{t('peers.importedTitle')}</h3>
          <ul>
            {peers.data.keys.map((key) => (
              <li key={key.fingerprint}>
                {key.userIds.join(', ') || key.fingerprint} · {key.algorithm}
                <FingerprintGroups
                  fingerprint={key.fingerprint}
                  label={t('peers.fingerprintOf', { name: key.userIds[0] ?? '' })}
                />
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
