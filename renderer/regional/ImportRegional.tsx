import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { REGIONAL_DIRECTORIES } from '../../shared/directory/model';
import {
  RegionalError,
  rejectedRows,
  type RegionalDirectoryRecord,
  type RegionalOrganisation,
  type RowField,
} from '../../shared/regional';
import { base64ToBytes } from '../../shared/encoding/base64';
import { groupFingerprint } from '../../shared/openpgp/fingerprint';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import {
  parseMemberStates,
  planDiff,
  planImport,
  recordFromPlan,
  safeMap,
  type ImportPlan,
  type PickedBytes,
} from './importPlan';
import { ColumnMappingPreview, RowProblems } from './ImportPreview';
import { DiffPreview } from './DiffPreview';
import { saveRegionalDirectory, useInvalidateRegional } from './store';

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * Import (or re-import) a regional directory from CSV or JSON, optionally signed by its manager.
 * Nothing is stored until the user has seen the mapping, every rejected row, and — for a re-import —
 * what will be added, changed and removed.
 */
export function ImportRegional({
  directories,
  onDone,
}: {
  directories: readonly RegionalDirectoryRecord[];
  onDone: (id: string) => void;
}) {
  const { t } = useTranslation('regional');
  const host = useHost();
  const session = useVaultSession();
  const invalidate = useInvalidateRegional();
  const ids = { target: useId(), organisation: useId(), name: useId(), members: useId(), key: useId() };
  const [target, setTarget] = useState('');
  const [file, setFile] = useState<PickedBytes | null>(null);
  const [signature, setSignature] = useState<PickedBytes | null>(null);
  const [offeredKey, setOfferedKey] = useState('');
  const [plan, setPlan] = useState<ImportPlan | null>(null);
  const [organisation, setOrganisation] = useState<RegionalOrganisation>('OSCE');
  const [name, setName] = useState('');
  const [members, setMembers] = useState('');
  const [operational, setOperational] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const existing = directories.find((d) => d.id === target);

  const pick = async (which: 'file' | 'signature') => {
    setError(null);
    try {
      const filters =
        which === 'file'
          ? [{ name: 'CSV, JSON', extensions: ['csv', 'json', 'txt', 'asc'] }]
          : [{ name: 'OpenPGP', extensions: ['asc', 'sig'] }];
      const picked = await host.call('files.open', { filters, maxBytes: MAX_BYTES });
      if (!picked) return;
      const chosen = { name: picked.name, bytes: base64ToBytes(picked.bytes) };
      if (which === 'file') setFile(chosen);
      else setSignature(chosen);
      setPlan(null);
    } catch {
      setError(t('errors.too-large'));
    }
  };

  const read = async () => {
    if (!file) return;
    setBusy(true);
    setError(null);
    setPlan(null);
    try {
      const next = await planImport({ file, signature, existing, offeredKey });
      setPlan(next);
      if (next.organisation) setOrganisation(next.organisation);
      if (next.name) setName(next.name);
      setMembers(next.memberStates.join(', '));
      setOperational(next.operational);
    } catch (e) {
      setError(e instanceof RegionalError ? t(`errors.${e.code}`) : t('errors.unreadable'));
    } finally {
      setBusy(false);
    }
  };

  const remap = (field: RowField, column: number | null) => {
    if (!plan?.table || !plan.mapping) return;
    const mapping = { ...plan.mapping, [field]: column };
    setPlan({ ...plan, mapping, outcome: safeMap(plan.table, mapping) });
  };

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const record = recordFromPlan(
        plan,
        { organisation, name: name.trim(), memberStates: parseMemberStates(members), operational },
        existing,
        new Date().toISOString(),
      );
      await saveRegionalDirectory(session, record);
      invalidate();
      onDone(record.id);
    } catch {
      setError(t('errors.saveFailed'));
    } finally {
      setBusy(false);
    }
  };

  const diff = plan ? planDiff(plan, existing) : null;
  const rejected = plan ? rejectedRows(plan.outcome.problems) : 0;
  const mappingIncomplete =
    plan?.mapping !== undefined &&
    (plan.mapping.state === null || plan.mapping.role === null || plan.mapping.entity === null);
  const canApply =
    plan !== null &&
    plan.outcome.entries.length > 0 &&
    (existing !== undefined || name.trim().length > 0) &&
    !mappingIncomplete;

  return (
    <section className="stack regional-import" aria-labelledby="regional-import-title">
      <h3 id="regional-import-title">{t('import.title')}</h3>
      <p className="hint">{t('import.explain')}</p>
      <div className="field">
        <label htmlFor={ids.target}>{t('import.target')}</label>
        <select
          id={ids.target}
          value={target}
          onChange={(e) => {
            setTarget(e.target.value);
            setPlan(null);
          }}
        >
          <option value="">{t('import.newDirectory')}</option>
          {directories.map((d) => (
            <option key={d.id} value={d.id}>
              {t('import.reimport', { name: d.name })}
            </option>
          ))}
        </select>
      </div>
      <div className="row">
        <button type="button" onClick={() => void pick('file')}>
          {t('import.pickFile')}
        </button>
        <button type="button" onClick={() => void pick('signature')}>
          {t('import.pickSignature')}
        </button>
      </div>
      <p>
        {t('import.chosen', {
          file: file?.name ?? t('import.none'),
          signature: signature?.name ?? t('import.none'),
        })}
      </p>
      {existing?.manager ? (
        <p className="hint">
          {t('import.pinned', { fingerprint: groupFingerprint(existing.manager.fingerprint) })}
        </p>
      ) : (
        <div className="field">
          <label htmlFor={ids.key}>{t('import.managerKey')}</label>
          <textarea
            id={ids.key}
            rows={3}
            value={offeredKey}
            onChange={(e) => setOfferedKey(e.target.value)}
            spellCheck={false}
            autoComplete="off"
            dir="ltr"
          />
        </div>
      )}
      <div className="row">
        <button type="button" className="primary" disabled={!file || busy} onClick={() => void read()}>
          {t('import.read')}
        </button>
      </div>
      {busy && <p role="status">{t('import.working')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {plan && (
        <div className="stack">
          {plan.trust.kind === 'verified' ? (
            <p className="notice" role="status">
              {plan.trust.firstUse
                ? t('import.signedFirstUse', { fingerprint: groupFingerprint(plan.trust.fingerprint) })
                : t('import.signedPinned', { fingerprint: groupFingerprint(plan.trust.fingerprint) })}
            </p>
          ) : (
            <p className="warning">{t('import.unsigned')}</p>
          )}
          {plan.table && plan.mapping && (
            <ColumnMappingPreview table={plan.table} mapping={plan.mapping} onChange={remap} />
          )}
          {mappingIncomplete && (
            <p className="error" role="alert">
              {t('errors.required-column-unmapped')}
            </p>
          )}
          <p role="status" aria-label={t('import.summaryLabel')}>
            {t('import.summary', {
              rows: plan.outcome.rowCount,
              accepted: plan.outcome.entries.length,
              rejected,
            })}
          </p>
          {plan.outcome.problems.length > 0 && <RowProblems problems={plan.outcome.problems} />}
          {!existing && (
            <>
              <div className="field">
                <label htmlFor={ids.organisation}>{t('import.organisation')}</label>
                <select
                  id={ids.organisation}
                  value={organisation}
                  onChange={(e) => setOrganisation(e.target.value as RegionalOrganisation)}
                  disabled={plan.format === 'json'}
                >
                  {REGIONAL_DIRECTORIES.map((code) => (
                    <option key={code} value={code}>
                      {t(`organisation.${code}`)}
                    </option>
                  ))}
                </select>
              </div>
              <div className="field">
                <label htmlFor={ids.name}>{t('import.name')}</label>
                <input
                  id={ids.name}
                  value={name}
                  onChange={(e) => setName(e.target.value)}
                  autoComplete="off"
                />
              </div>
            </>
          )}
          <div className="field">
            <label htmlFor={ids.members}>{t('import.members')}</label>
            <input
              id={ids.members}
              value={members}
              onChange={(e) => setMembers(e.target.value)}
              autoComplete="off"
              dir="ltr"
            />
          </div>
          <label className="check">
            <input type="checkbox" checked={operational} onChange={(e) => setOperational(e.target.checked)} />{' '}
            {t('import.operational')}
          </label>
          {diff && <DiffPreview diff={diff} />}
          <div className="row">
            <button
              type="button"
              className="primary"
              disabled={!canApply || busy}
              onClick={() => void apply()}
            >
              {existing ? t('import.applyChanges') : t('import.apply', { n: plan.outcome.entries.length })}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
