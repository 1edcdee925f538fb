import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { base64ToBytes } from '../../shared/encoding/base64';
import { BACKUP_FILE_EXTENSION } from '../../shared/vault/backup';
import type { PocDatabase } from '../db/database';
import { useHost } from '../host/HostContext';
import { vaultErrorKey } from './CreateVaultForm';
import type { VaultSession } from './session';
import { restoreBackup } from './vaultOperations';

/**
 * Restores the whole vault from an encrypted backup file (replacing what is on this computer).
 * Asks for the passphrase that was current when the backup was made.
 */
export function RestoreBackupForm({
  db,
  onRestored,
  onCancel,
}: {
  db: PocDatabase;
  onRestored: (session: VaultSession) => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation('vault');
  const host = useHost();
  const id = useId();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const choose = () => {
    setError(null);
    host
      .call('files.open', {
        title: t('restore.choose'),
        filters: [{ name: t('backup.fileType'), extensions: [BACKUP_FILE_EXTENSION, 'json'] }],
        maxBytes: 64 * 1024 * 1024,
      })
      .then((picked) => picked && setFile({ name: picked.name, bytes: base64ToBytes(picked.bytes) }))
      .catch(() => setError(t('errors.backup-invalid')));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!file) return setError(t('restore.noFile'));
    setBusy(true);
    setError(null);
    restoreBackup(db, file.bytes, passphrase)
      .then(onRestored)
      .catch((e: unknown) => setError(t(vaultErrorKey(e))))
      .finally(() => setBusy(false));
  };

  return (
    <form className="gate stack" onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{t('restore.title')}</h2>
      <p>{t('restore.explain')}</p>
      <div>
        <button type="button" onClick={choose}>
          {t('restore.choose')}
        </button>{' '}
        {file && <span role="status">{t('restore.chosen', { name: file.name })}</span>}
      </div>
      <div className="field">
        <label htmlFor={id}>{t('restore.passphrase')}</label>
        <input
          id={id}
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <div>
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('working') : t('restore.submit')}
        </button>{' '}
        {onCancel && (
          <button type="button" onClick={onCancel}>
            {t('restore.cancel')}
          </button>
        )}
      </div>
    </form>
  );
}
