import type { PointOfContact } from '../../shared/directory/model';
import { useTranslation } from 'react-i18next';
import { COMPARED_FIELDS, type ComparedField, type PocRecordView } from '../../shared/regional';
import { formatPhone } from '../../shared/directory/phone';
import { groupFingerprint } from '../../shared/openpgp/fingerprint';
import { navigate } from '../navigation/navigation';
import { useCrossIndex } from './useCrossIndex';

function shown(record: PocRecordView, field: ComparedField, roleLabel: (role: string) => string): string {
  switch (field) {
    case 'emails':
      return record.emails.join(', ');
    case 'phones':
      return record.phones.map(formatPhone).join(', ');
    case 'fingerprint':
      return record.fingerprint ? groupFingerprint(record.fingerprint) : '';
    case 'role':
      return roleLabel(record.role);
    default:
      return record[field] ?? '';
  }
}

/**
 * A §12 b: the same POC's records in the other directories (global and regional), found by OpenPGP
 * fingerprint, e-mail or telephone, side by side with this one; every field that differs is marked.
 */
export function CrossDirectoryMatches({
  record,
  globalEntries,
}: {
  record: PocRecordView;
  globalEntries: readonly PointOfContact[] | undefined;
}) {
  const { t } = useTranslation('regional');
  const cross = useCrossIndex(globalEntries);
  if (!cross) return null;
  const matches = cross.index.matchesOf(record);
  const sourceName = (r: PocRecordView) =>
    r.source.kind === 'global'
      ? t('source.global')
      : (cross.names.get(r.source.directoryId) ?? r.source.directoryId);
  const roleLabel = (role: string) => t(`role.${role}`);
  return (
    <section className="stack cross-matches" aria-labelledby={`matches-${record.id}`}>
      <h4 id={`matches-${record.id}`}>{t('matches.title')}</h4>
      {matches.length === 0 ? (
        <p className="hint">{t('matches.none')}</p>
      ) : (
        matches.map((match) => (
          <div key={`${sourceName(match.record)}#${match.record.id}`} className="stack">
            <p>
              <strong>{sourceName(match.record)}</strong> —{' '}
              {t('matches.by', { reasons: match.matchedBy.map((r) => t(`matches.reason.${r}`)).join(', ') })}
              {match.differences.length === 0
                ? ` — ${t('matches.identical')}`
                : ` — ${t('matches.differences', { n: match.differences.length })}`}
            </p>
            {match.record.source.kind === 'global' && (
              <button type="button" onClick={() => navigate('directory', match.record.id)}>
                {t('matches.open')}
              </button>
            )}
            <div className="table-scroll">
              <table aria-label={t('matches.compare', { source: sourceName(match.record) })}>
                <thead>
                  <tr>
                    <th scope="col">{t('matches.field')}</th>
                    <th scope="col">{sourceName(record)}</th>
                    <th scope="col">{sourceName(match.record)}</th>
                  </tr>
                </thead>
                <tbody>
                  {COMPARED_FIELDS.map((field) => {
                    const differs = match.differences.includes(field);
                    return (
                      <tr key={field} className={differs ? 'differs' : undefined}>
                        <th scope="row">
                          {t(`field.${field}`)}
                          {differs && <span className="differs-tag"> ({t('matches.differs')})</span>}
                        </th>
                        <td dir="auto">
                          {differs ? (
                            <mark>{shown(record, field, roleLabel)}</mark>
                          ) : (
                            shown(record, field, roleLabel)
                          )}
                        </td>
                        <td dir="auto">
                          {differs ? (
                            <mark>{shown(match.record, field, roleLabel)}</mark>
                          ) : (
                            shown(match.record, field, roleLabel)
                          )}
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </div>
        ))
      )}
    </section>
  );
}
