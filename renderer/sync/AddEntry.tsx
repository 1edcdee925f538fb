import { useTranslation } from 'react-i18next';
import type { SyncState } from '../../shared/sync/model';

/**
 * How many entries the user may still add, from the rights the registry last stated (kept in the
 * synced state, so this holds offline) less the new entries already waiting in the outbox; null
 * when the registry has not said (it predates GET /v1/account): the registry then decides, as before.
 */
export function entriesStillAllowed(rights: SyncState['rights'], queuedCreations: number): number | null {
  if (!rights) return null;
  return Math.max(0, rights.mayCreate - queuedCreations);
}

/**
 * "Add an entry" with the right, and how many remain; without it, no button (the registry would
 * refuse after the form is filled) but why not and whom to ask. The right comes with the enrolment
 * code (A §7 c: « les États peuvent demander au Bureau des affaires de désarmement, par
 * l'intermédiaire de leur mission permanente à New York, des identifiants de connexion »).
 */
export function AddEntry({ allowed, onAdd }: { allowed: number | null; onAdd: () => void }) {
  const { t } = useTranslation('sync');
  if (allowed === 0) return <p className="hint">{t('own.cannotAdd')}</p>;
  return (
    <p>
      <button type="button" onClick={onAdd}>
        {t('own.add')}
      </button>
      {allowed !== null ? <> {t('own.remaining', { count: allowed })}</> : null}
    </p>
  );
}
