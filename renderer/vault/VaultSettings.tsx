import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { bytesToBase64 } from '../../shared/encoding/base64';
import { BACKUP_FILE_EXTENSION } from '../../shared/vault/backup';
import { isPassphraseAcceptable } from '../../shared/vault/passphraseStrength';
import { useHost } from '../host/HostContext';
import { vaultErrorKey } from './CreateVaultForm';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';
import { RestoreBackupForm } from './RestoreBackupForm';
import { useLockVault, useVaultDatabase } from './VaultGate';
import { readVaultHeader } from './vault';
import {
  changePassphrase,
  disableOsUnlock,
  enableOsUnlock,
  exportBackup,
  osUnlockAvailable,
} from './vaultOperations';
import './vault.css';

function ChangePassphrase() {
  const { t } = useTranslation('vault');
  const db = useVaultDatabase();
  const ids = { current: useId(), next: useId(), confirm: useId() };
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [confirm, setConfirm] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isPassphraseAcceptable(next)) return setMessage({ ok: false, text: t('errors.weak-passphrase') });
    if (next !== confirm) return setMessage({ ok: false, text: t('errors.mismatch') });
    setBusy(true);
    changePassphrase(db, current, next)
      .then(() => {
        setMessage({ ok: true, text: t('change.done') });
        setCurrent('');
        setNext('');
        setConfirm('');
      })
      .catch((e: unknown) => setMessage({ ok: false, text: t(vaultErrorKey(e)) }))
      .finally(() => setBusy(false));
  };
  return (
    <form className="stack" onSubmit={submit} aria-labelledby={`${ids.current}-title`} noValidate>
      <h3 id={`${ids.current}-title`}>{t('change.title')}</h3>
      <div className="field">
        <label htmlFor={ids.current}>{t('change.current')}</label>
        <input
          id={ids.current}
          type="password"
          autoComplete="current-password"
          value={current}
          onChange={(e) => setCurrent(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.next}>{t('change.next')}</label>
        <input
          id={ids.next}
          type="password"
          autoComplete="new-password"
          value={next}
          onChange={(e) => setNext(e.target.value)}
        />
        <PassphraseStrengthMeter passphrase={next} />
      </div>
      <div className="field">
        <label htmlFor={ids.confirm}>{t('change.confirm')}</label>
        <input
          id={ids.confirm}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </div>
      {message && (
        <p className={message.ok ? undefined : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          {busy ? t('working') : t('change.submit')}
        </button>
      </div>
    </form>
  );
}

function Backup() {
  const { t } = useTranslation('vault');
  const db = useVaultDatabase();
  const host = useHost();
  const lock = useLockVault();
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [restoring, setRestoring] = useState(false);
  const save = () => {
    setMessage(null);
    exportBackup(db)
      .then((bytes) =>
        host.call('files.save', {
          suggestedName: `poc-vault-${new Date().toISOString().slice(0, 10)}.${BACKUP_FILE_EXTENSION}`,
          mimeType: 'application/octet-stream',
          bytes: bytesToBase64(bytes),
        }),
      )
      .then(({ saved }) => saved && setMessage({ ok: true, text: t('backup.saved') }))
      .catch((e: unknown) => setMessage({ ok: false, text: t(vaultErrorKey(e)) }));
  };
  return (
    <div className="stack">
      <h3>{t('backup.title')}</h3>
      <p>{t('backup.explain')}</p>
      <div>
        <button type="button" onClick={save}>
          {t('backup.save')}
        </button>{' '}
        <button type="button" onClick={() => setRestoring((v) => !v)} aria-expanded={restoring}>
          {t('restore.title')}
        </button>
      </div>
      {message && (
        <p className={message.ok ? undefined : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
      {/* After a restore the vault may have another key or passphrase: lock, and unlock it afresh. */}
      {restoring && (
        <RestoreBackupForm
          db={db}
          onRestored={(session) => {
            session.lock();
            lock();
          }}
          onCancel={() => setRestoring(false)}
        />
      )}
    </div>
  );
}

function OsUnlock() {
  const { t } = useTranslation('vault');
  const db = useVaultDatabase();
  const host = useHost();
  const client = useQueryClient();
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const state = useQuery({
    queryKey: ['vault', 'os-unlock'],
    queryFn: async () => ({
      available: await osUnlockAvailable(host),
      enabled: Boolean((await readVaultHeader(db))?.osWrappedKey),
    }),
  });
  if (!state.data?.available) return null; // never offered in the browser host or with Linux basic_text
  const refresh = () => void client.invalidateQueries({ queryKey: ['vault', 'os-unlock'] });
  const enable = (event: FormEvent) => {
    event.preventDefault();
    enableOsUnlock(db, host, passphrase)
      .then(() => setMessage({ ok: true, text: t('os.enabled') }))
      .catch((e: unknown) => setMessage({ ok: false, text: t(vaultErrorKey(e)) }))
      .finally(() => {
        setPassphrase('');
        refresh();
      });
  };
  const disable = () => {
    disableOsUnlock(db)
      .then(() => setMessage({ ok: true, text: t('os.disabled') }))
      .catch((e: unknown) => setMessage({ ok: false, text: t(vaultErrorKey(e)) }))
      .finally(refresh);
  };
  return (
    <div className="stack">
      <h3>{t('os.title')}</h3>
      <p>{t('os.explain')}</p>
      {state.data.enabled ? (
        <div>
          <button type="button" onClick={disable}>
            {t('os.disable')}
          </button>
        </div>
      ) : (
        <form className="stack" onSubmit={enable}>
          <div className="field">
            <label htmlFor={id}>{t('os.passphrase')}</label>
            <input
              id={id}
              type="password"
              autoComplete="current-password"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </div>
          <div>
            <button type="submit">{t('os.enable')}</button>
          </div>
        </form>
      )}
      {message && (
        <p className={message.ok ? undefined : 'error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}

/** Vault settings for the Settings area: change passphrase, backup/restore, OS secret store unlock. */
export function VaultSettings() {
  const { t } = useTranslation('vault');
  return (
    <section className="vault-settings stack" aria-labelledby="vault-settings-title">
      <h2 id="vault-settings-title">{t('settings.title')}</h2>
      <ChangePassphrase />
      <Backup />
      <OsUnlock />
    </section>
  );
}
