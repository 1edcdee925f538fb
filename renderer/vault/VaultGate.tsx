import { createContext, useCallback, useContext, useEffect, useId, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { VaultError } from '../../shared/vault/errors';
import type { PocDatabase } from '../db/database';
import { VaultSessionContext, type VaultSession } from './session';
import { createVault, unlockVault, vaultExists } from './vault';

const LockContext = createContext<() => void>(() => undefined);

/** Locks the vault: the key is forgotten and the unlock screen comes back. */
export function useLockVault(): () => void {
  return useContext(LockContext);
}

function errorKey(error: unknown): string {
  return error instanceof VaultError ? `errors.${error.code}` : 'errors.generic';
}

function CreateVaultForm({ db, onReady }: { db: PocDatabase; onReady: (s: VaultSession) => void }) {
  const { t } = useTranslation('vault');
  const ids = { pass: useId(), confirm: useId() };
  const [passphrase, setPassphrase] = useState('');
  const [confirm, setConfirm] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (passphrase.length < 12) return setError(t('errors.weak-passphrase'));
    if (passphrase !== confirm) return setError(t('errors.mismatch'));
    setBusy(true);
    setError(null);
    createVault(db, passphrase)
      .then(onReady)
      .catch((e: unknown) => setError(t(errorKey(e))))
      .finally(() => setBusy(false));
  };

  return (
    <form className="gate stack" onSubmit={submit} aria-labelledby="vault-create-title" noValidate>
      <h1 id="vault-create-title">{t('create.title')}</h1>
      <p>{t('create.explain')}</p>
      <div className="field">
        <label htmlFor={ids.pass}>{t('passphrase')}</label>
        <input id={ids.pass} type="password" autoComplete="new-password" value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </div>
      <div className="field">
        <label htmlFor={ids.confirm}>{t('confirmPassphrase')}</label>
        <input id={ids.confirm} type="password" autoComplete="new-password" value={confirm} onChange={(e) => setConfirm(e.target.value)} />
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('working') : t('create.submit')}
      </button>
    </form>
  );
}

function UnlockForm({ db, onReady }: { db: PocDatabase; onReady: (s: VaultSession) => void }) {
  const { t } = useTranslation('vault');
  const id = useId();
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    unlockVault(db, passphrase)
      .then(onReady)
      .catch((e: unknown) => setError(t(errorKey(e))))
      .finally(() => setBusy(false));
  };

  return (
    <form className="gate stack" onSubmit={submit} aria-labelledby="vault-unlock-title">
      <h1 id="vault-unlock-title">{t('unlock.title')}</h1>
      <div className="field">
        <label htmlFor={id}>{t('passphrase')}</label>
        <input id={id} type="password" autoComplete="current-password" autoFocus value={passphrase} onChange={(e) => setPassphrase(e.target.value)} />
      </div>
      {error && <p className="error" role="alert">{error}</p>}
      <button type="submit" className="primary" disabled={busy}>
        {busy ? t('working') : t('unlock.submit')}
      </button>
    </form>
  );
}

/** Nothing past this gate renders until the vault is unlocked. */
export function VaultGate({ db, children }: { db: PocDatabase; children: ReactNode }) {
  const { t } = useTranslation('vault');
  const [exists, setExists] = useState<boolean | null>(null);
  const [session, setSession] = useState<VaultSession | null>(null);
  const queryClient = useQueryClient();

  useEffect(() => {
    let live = true;
    void vaultExists(db).then((found) => live && setExists(found));
    return () => {
      live = false;
    };
  }, [db]);

  const lock = useCallback(() => {
    setSession((current) => {
      current?.lock();
      return null;
    });
    // Decrypted data cached by react-query (the directory, messages…) must not outlive the key.
    queryClient.clear();
    setExists(true);
  }, [queryClient]);

  if (session) {
    return (
      <LockContext.Provider value={lock}>
        <VaultSessionContext.Provider value={session}>{children}</VaultSessionContext.Provider>
      </LockContext.Provider>
    );
  }
  if (exists === null) return <p role="status">{t('working')}</p>;
  return (
    <main className="gate-page">
      {exists ? <UnlockForm db={db} onReady={setSession} /> : <CreateVaultForm db={db} onReady={setSession} />}
    </main>
  );
}
