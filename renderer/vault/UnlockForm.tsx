import { useEffect, useId, useMemo, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { VaultHeader } from '../../shared/vault/header';
import type { PocDatabase } from '../db/database';
import { useHost } from '../host/HostContext';
import { vaultErrorKey } from './CreateVaultForm';
import type { VaultSession } from './session';
import { UnlockThrottle } from './unlockThrottle';
import { unlockVault } from './vault';
import { osUnlockAvailable, unlockWithOsStore } from './vaultOperations';

/** Unlock with the passphrase (growing delay after wrong ones) or, where enabled, the OS secret store. */
export function UnlockForm({
  db,
  header,
  onReady,
}: {
  db: PocDatabase;
  header: VaultHeader;
  onReady: (s: VaultSession) => void;
}) {
  const { t } = useTranslation('vault');
  const host = useHost();
  const id = useId();
  const throttle = useMemo(() => new UnlockThrottle(window.localStorage), []);
  const [passphrase, setPassphrase] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [waitMs, setWaitMs] = useState(() => throttle.waitMs());
  const [osAvailable, setOsAvailable] = useState(false);

  useEffect(() => {
    if (!header.osWrappedKey) return undefined;
    let live = true;
    void osUnlockAvailable(host).then((ok) => live && setOsAvailable(ok));
    return () => {
      live = false;
    };
  }, [host, header.osWrappedKey]);

  useEffect(() => {
    if (waitMs <= 0) return undefined;
    const timer = window.setTimeout(() => setWaitMs(throttle.waitMs()), Math.min(waitMs, 1000));
    return () => window.clearTimeout(timer);
  }, [waitMs, throttle]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (throttle.waitMs() > 0) return setWaitMs(throttle.waitMs());
    setBusy(true);
    setError(null);
    unlockVault(db, passphrase)
      .then((session) => {
        throttle.recordSuccess();
        onReady(session);
      })
      .catch((e: unknown) => {
        throttle.recordFailure();
        setWaitMs(throttle.waitMs());
        setError(t(vaultErrorKey(e)));
      })
      .finally(() => setBusy(false));
  };

  const unlockOs = () => {
    setBusy(true);
    setError(null);
    unlockWithOsStore(db, host)
      .then(onReady)
      .catch((e: unknown) => setError(t(vaultErrorKey(e))))
      .finally(() => setBusy(false));
  };

  const seconds = Math.ceil(waitMs / 1000);
  return (
    <form className="gate stack" onSubmit={submit} aria-labelledby="vault-unlock-title">
      <h1 id="vault-unlock-title">{t('unlock.title')}</h1>
      <div className="field">
        <label htmlFor={id}>{t('passphrase')}</label>
        <input
          id={id}
          type="password"
          autoComplete="current-password"
          autoFocus
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </div>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {seconds > 0 && <p role="status">{t('unlock.wait', { seconds })}</p>}
      <button type="submit" className="primary" disabled={busy || seconds > 0}>
        {t('unlock.submit')}
      </button>
      {busy && <p role="status">{t('working')}</p>}
      {osAvailable && (
        <button type="button" onClick={unlockOs} disabled={busy}>
          {t('unlock.withOs')}
        </button>
      )}
    </form>
  );
}
