import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { encryptFile, signFile } from '../../shared/openpgp/fileSignature';
import { MessageError } from '../../shared/messages/errors';
import { base64ToBytes, bytesToBase64, textToBase64 } from '../../shared/encoding/base64';
import type { PointOfContact } from '../../shared/directory/model';
import { useHost } from '../host/HostContext';
import { useSaveFile } from '../components/useSaveFile';
import { useVaultSession } from '../vault/session';
import { PocPicker } from '../directory/PocPicker';
import { directoryKeysLoaded, getEntry } from '../directory/store';
import { loadOwnSigningKey } from '../messaging/ownIdentity';
import { listPeerRecords } from '../identity/peerKeys';
import { errorText } from '../components/errorText';
import { parseKeyCached } from '../messaging/keyring';
import { safeFileName } from './safeFileName';

interface Prepared {
  name: string;
  signature: string;
  encrypted: Uint8Array | null;
}

const hasKey = (entry: PointOfContact) => Boolean(entry.openpgp);

/**
 * Signs any file with the own key (a detached `.asc` beside it, what `gpg --verify` reads) and,
 * when a recipient is chosen, also encrypts it for them and for oneself (`.gpg`, signed).
 */
export function SignFilePanel() {
  const { t } = useTranslation('signatures');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const host = useHost();
  const [encrypt, setEncrypt] = useState(false);
  const [recipient, setRecipient] = useState<string[]>([]);
  const [prepared, setPrepared] = useState<Prepared | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { saved, save: saveFile, forget: forgetSaved } = useSaveFile();

  const recipientKey = async () => {
    const id = recipient[0];
    if (!id) throw new MessageError('no-recipients');
    // From the vault, not the cache; a key that changed since it was pinned is refused, as for messages.
    const entry = await getEntry(session, id);
    if (!entry?.openpgp) throw new MessageError('recipient-without-key');
    await directoryKeysLoaded(session);
    const { pins } = await listPeerRecords(session);
    const pin = pins.find((p) => p.pocId === id);
    if (pin && pin.fingerprint !== entry.openpgp.fingerprint) throw new MessageError('recipient-key-changed');
    const key = await parseKeyCached(entry.openpgp.publicKey);
    if (!key || key.getFingerprint().toUpperCase() !== entry.openpgp.fingerprint)
      throw new MessageError('recipient-without-key');
    return key;
  };

  const pickAndSign = async () => {
    setError(null);
    forgetSaved();
    setPrepared(null);
    try {
      const signer = await loadOwnSigningKey(session);
      if (!signer) throw new MessageError('no-identity');
      const key = encrypt ? await recipientKey() : null;
      const picked = await host.call('files.open', { filters: [], maxBytes: 20 * 1024 * 1024 });
      if (!picked) return;
      setBusy(true);
      const data = base64ToBytes(picked.bytes);
      const name = safeFileName(picked.name, 'file.bin');
      const signature = await signFile(data, signer);
      const encrypted = key
        ? await encryptFile({ data, filename: name, recipient: key, sender: signer })
        : null;
      setPrepared({ name, signature, encrypted });
    } catch (e) {
      setError(errorText(tm, e));
    } finally {
      setBusy(false);
    }
  };

  const save = async (what: 'signature' | 'encrypted') => {
    if (!prepared) return;
    try {
      if (what === 'signature') {
        await saveFile({
          suggestedName: safeFileName(`${prepared.name}.asc`, 'file.asc'),
          mimeType: 'application/pgp-signature',
          bytes: textToBase64(prepared.signature),
        });
      } else if (prepared.encrypted) {
        await saveFile({
          suggestedName: safeFileName(`${prepared.name}.gpg`, 'file.gpg'),
          mimeType: 'application/octet-stream',
          bytes: bytesToBase64(prepared.encrypted),
        });
      }
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  return (
    <section className="messages-card stack" aria-labelledby="sign-file-title">
      <h3 id="sign-file-title">{t('sign.title')}</h3>
      <p>{t('sign.explain')}</p>
      <label className="checkbox">
        <input type="checkbox" checked={encrypt} onChange={(e) => setEncrypt(e.target.checked)} />
        {t('sign.alsoEncrypt')}
      </label>
      {encrypt && (
        <PocPicker
          value={recipient}
          onChange={setRecipient}
          multiple={false}
          filter={hasKey}
          label={t('sign.findRecipient')}
        />
      )}
      <div className="messages-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || (encrypt && recipient.length === 0)}
          onClick={() => void pickAndSign()}
        >
          {encrypt ? t('sign.pickEncrypt') : t('sign.pick')}
        </button>
      </div>
      {busy && <p role="status">{t('sign.working')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {prepared && (
        <div className="stack" aria-label={t('sign.result')}>
          <p role="status">
            {prepared.encrypted
              ? t('sign.doneEncrypted', { name: prepared.name })
              : t('sign.done', { name: prepared.name })}
          </p>
          <div className="messages-actions">
            <button type="button" onClick={() => void save('signature')}>
              {t('sign.saveSignature')}
            </button>
            {prepared.encrypted && (
              <button type="button" onClick={() => void save('encrypted')}>
                {t('sign.saveEncrypted')}
              </button>
            )}
          </div>
          {saved && <p role="status">{t('fileSaved')}</p>}
        </div>
      )}
    </section>
  );
}
