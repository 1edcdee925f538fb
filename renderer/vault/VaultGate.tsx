import { createContext, useCallback, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { VaultError } from '../../shared/vault/errors';
import type { VaultHeader } from '../../shared/vault/header';
import type { PocDatabase } from '../db/database';
import { FirstRunSteps } from '../firstrun/FirstRunSteps';
import { navigate } from '../navigation/navigation';
import { LanguageSelect } from '../i18n/LanguageSelect';
import { useSettings } from '../host/useSettings';
import { CreateVaultForm, vaultErrorKey } from './CreateVaultForm';
import { RestoreBackupForm } from './RestoreBackupForm';
import { UnlockForm } from './UnlockForm';
import { VaultSessionContext, type VaultSession } from './session';
import { migrateClearLookupIds } from './clearIdMigration';
import { useIdleLock } from './useIdleLock';
import { readVaultHeader } from './vault';

const LockContext = createContext<() => void>(() => undefined);
const DatabaseContext = createContext<PocDatabase | null>(null);

/** Locks the vault: the key is forgotten and the unlock screen comes back. */
export function useLockVault(): () => void {
  return useContext(LockContext);
}

/** The vault's database (for vault settings: passphrase change, backup, OS unlock). */
export function useVaultDatabase(): PocDatabase {
  const db = useContext(DatabaseContext);
  if (!db) throw new VaultError('locked');
  return db;
}

type GateState =
  | { kind: 'checking' }
  | { kind: 'none' }
  | { kind: 'exists'; header: VaultHeader }
  | { kind: 'refused'; error: unknown };

/** Nothing past this gate renders until the vault is unlocked. */
export function VaultGate({ db, children }: { db: PocDatabase; children: ReactNode }) {
  const { t } = useTranslation('vault');
  const [gate, setGate] = useState<GateState>({ kind: 'checking' });
  const [session, setSession] = useState<VaultSession | null>(null);
  const [restoring, setRestoring] = useState(false);
  const queryClient = useQueryClient();
  const settings = useSettings();

  const check = useCallback(() => {
    readVaultHeader(db).then(
      (header) => setGate(header ? { kind: 'exists', header } : { kind: 'none' }),
      // A newer-version or damaged header: say so, never touch it.
      (error: unknown) => setGate({ kind: 'refused', error }),
    );
  }, [db]);

  useEffect(check, [check]);

  const live = useRef<VaultSession | null>(null);
  useEffect(() => {
    live.current = session;
  }, [session]);

  const lock = useCallback(() => {
    const closing = live.current;
    closing?.lock();
    setSession((current) => {
      current?.lock();
      return null;
    });
    // Decrypted data cached by react-query (the directory, messages…) must not outlive the key.
    queryClient.clear();
    // Until the header is read again, say "working": the gate still remembers how this session began
    // ('none' right after the first run), and showing that would flash the first-run screen, whose
    // passphrase field a quick user (or test) types into just before the unlock form replaces it.
    setGate({ kind: 'checking' });
    // Drafts typed just before the lock were sealed with the key; their writes land before the unlock
    // form can open a session that would read the drafts without them (a stuck write keeps nobody out).
    void Promise.race([closing?.settled(), new Promise((done) => setTimeout(done, 3_000))]).then(check);
  }, [queryClient, check]);

  useIdleLock(settings.data?.idleLockMinutes ?? 15, lock, session !== null);

  /** Every unlock path ends here; records of older versions lose their clear counterpart ids. */
  const opened = useCallback((next: VaultSession) => {
    setSession(next);
    void migrateClearLookupIds(next).catch(() => undefined);
  }, []);

  /** A new vault goes on with the guided first run (enrolment, own key, publication, first sync). */
  const created = useCallback(
    (next: VaultSession) => {
      navigate('onboarding');
      opened(next);
    },
    [opened],
  );

  if (session) {
    return (
      <DatabaseContext.Provider value={db}>
        <LockContext.Provider value={lock}>
          <VaultSessionContext.Provider value={session}>{children}</VaultSessionContext.Provider>
        </LockContext.Provider>
      </DatabaseContext.Provider>
    );
  }
  if (gate.kind === 'checking') return <p role="status">{t('working')}</p>;
  if (gate.kind === 'refused') {
    return (
      <main className="gate-page">
        <p className="error" role="alert">
          {t(vaultErrorKey(gate.error))}
        </p>
      </main>
    );
  }
  return (
    <main className="gate-page">
      {gate.kind === 'exists' ? (
        <UnlockForm db={db} header={gate.header} onReady={opened} />
      ) : restoring ? (
        <RestoreBackupForm db={db} onRestored={opened} onCancel={() => setRestoring(false)} />
      ) : (
        <>
          {/* The very first screen: the language first, so that everything after it is understood. */}
          <LanguageSelect />
          <FirstRunSteps current="passphrase" />
          <CreateVaultForm db={db} onReady={created} />
          <p className="gate-alt">
            <button type="button" onClick={() => setRestoring(true)}>
              {t('restore.fromFirstRun')}
            </button>
          </p>
        </>
      )}
    </main>
  );
}
