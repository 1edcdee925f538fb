import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { decryptAndVerify } from '../../shared/openpgp/messageCrypto';
import { decideVerdict, type Verdict } from '../../shared/messages/verdict';
import { MessageError } from '../../shared/messages/errors';
import { base64ToBytes, bytesToBase64 } from '../../shared/encoding/base64';
import { useHost } from '../host/HostContext';
import { useSaveFile } from '../components/useSaveFile';
import { useVaultSession } from '../vault/session';
import { loadOwnSigningKey } from '../messaging/ownIdentity';
import { errorText } from '../components/errorText';
import { VerdictBanner } from './VerdictBanner';
import { buildSignatureContext } from './signatureContext';
import { safeFileName } from './safeFileName';

/**
 * Opens a file encrypted for the own key (`report.pdf.gpg` from `gpg --encrypt`), shows who signed
 * it and lets the user save the decrypted file. The file is never written anywhere else.
 */
export function DecryptFilePanel() {
  const { t } = useTranslation('signatures');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const client = useQueryClient();
  const host = useHost();
  const [opened, setOpened] = useState<{ name: string; data: Uint8Array; verdict: Verdict } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const { saved, save: saveFile, forget: forgetSaved } = useSaveFile();

  const open = async () => {
    setError(null);
    forgetSaved();
    setOpened(null);
    try {
      const ownKey = await loadOwnSigningKey(session);
      if (!ownKey) throw new MessageError('no-identity');
      const picked = await host.call('files.open', {
        filters: [{ name: 'OpenPGP', extensions: ['gpg', 'pgp', 'asc'] }],
        maxBytes: 20 * 1024 * 1024,
      });
      if (!picked) return;
      setBusy(true);
      const context = await buildSignatureContext(session, client);
      const read = await decryptAndVerify({
        input: base64ToBytes(picked.bytes),
        decryptionKey: ownKey,
        verificationKeys: context.verificationKeys,
      });
      const name = safeFileName(picked.name.replace(/\.(gpg|pgp|asc)$/i, ''), 'decrypted.bin');
      setOpened({
        name,
        data: read.data,
        verdict: decideVerdict(read.signatures, context.directory, context.pins),
      });
    } catch (e) {
      setError(errorText(tm, e));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    if (!opened) return;
    try {
      await saveFile({
        suggestedName: opened.name,
        mimeType: 'application/octet-stream',
        bytes: bytesToBase64(opened.data),
      });
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  return (
    <section className="messages-card stack" aria-labelledby="decrypt-file-title">
      <h3 id="decrypt-file-title">{t('decrypt.title')}</h3>
      <p>{t('decrypt.explain')}</p>
      <div className="messages-actions">
        <button type="button" disabled={busy} onClick={() => void open()}>
          {t('decrypt.pick')}
        </button>
      </div>
      {busy && <p role="status">{t('decrypt.working')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {opened && (
        <div className="stack" aria-label={t('decrypt.result')}>
          <VerdictBanner verdict={opened.verdict} />
          <p>{t('decrypt.ready', { name: opened.name, size: opened.data.byteLength })}</p>
          <div className="messages-actions">
            <button type="button" onClick={() => void save()}>
              {t('decrypt.save')}
            </button>
          </div>
          {saved && <p role="status">{t('fileSaved')}</p>}
        </div>
      )}
    </section>
  );
}
