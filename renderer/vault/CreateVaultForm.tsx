import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { VaultError } from '../../shared/vault/errors';
import { tuneKdfCost } from '../../shared/vault/kdfTuning';
import { isPassphraseAcceptable } from '../../shared/vault/passphraseStrength';
import type { PocDatabase } from '../db/database';
import { PassphraseStrengthMeter } from './PassphraseStrengthMeter';
import type { VaultSession } from './session';
import { createVault } from './vault';

export function vaultErrorKey(error: unknown): string {
  return error instanceof VaultError ? `errors.${error.code}` : 'errors.generic';
}

/** First run: choose a passphrase (strength feedback, confirmation); Argon2id cost tuned to this machine. */
export function CreateVaultForm({ db, onReady }: { db: PocDatabase; onReady: (s: VaultSession) => void }) {
  const { t } = useTranslation('vault');
  const ids = { pass: useId(), confirm: useId() };
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!isPassphraseAcceptable(passphrase)) return setError(t('errors.weak-passphrase'));
    if (passphrase !== confirm) return setError(t('errors.mismatch'));
    setBusy(true);
    setError(null);
    tuneKdfCost()
      .then((cost) => createVault(db, passphrase, cost))
      .then(onReady)
      .catch((e: unknown) => setError(t(vaultErrorKey(e))))
      .finally(() => setBusy(false));
  };

  return (
    <form className="gate stack" onSubmit={submit} aria-labelledby="vault-create-title" noValidate>
      <h1 id="vault-create-title">{t('create.title')}</h1>
      <p>{t('create.explain')}</p>
      <div className="field">
        <label htmlFor={ids.pass}>{t('passphrase')}</label>
        <input
          id={ids.pass}
          type="password"
          autoComplete="new-password"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
        <PassphraseStrengthMeter passphrase={passphrase} />
      </div>
      <div className="field">
        <label htmlFor={ids.confirm}>{t('confirmPassphrase')}</label>
        <input
          id={ids.confirm}
          type="password"
          autoComplete="new-password"
          value={confirm}
          onChange={(e) => setConfirm(e.target.value)}
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('working') : t('create.submit')}
      </button>
    </form>
  );
}
