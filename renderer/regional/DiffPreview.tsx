import { useTranslation } from 'react-i18next';
import type { DirectoryDiff, RegionalEntry } from '../../shared/regional';

const SHOWN = 50;

const label = (entry: RegionalEntry) =>
  `${entry.state} · ${entry.entity}${entry.personName ? ` · ${entry.personName}` : ''}`;

/** What a re-import changes, before it is applied: added, changed (which fields), removed. */
export function DiffPreview({ diff }: { diff: DirectoryDiff }) {
  const { t } = useTranslation('regional');
  return (
    <section className="stack" aria-label={t('diff.title')}>
      <h4>{t('diff.title')}</h4>
      <p role="status">
        {t('diff.summary', {
          added: diff.added.length,
          changed: diff.changed.length,
          removed: diff.removed.length,
          unchanged: diff.unchanged,
        })}
      </p>
      {diff.added.length > 0 && (
        <details open>
          <summary>{t('diff.added', { n: diff.added.length })}</summary>
          <ul>
            {diff.added.slice(0, SHOWN).map((e) => (
              <li key={e.key} dir="auto">
                {label(e)}
              </li>
            ))}
          </ul>
        </details>
      )}
      {diff.changed.length > 0 && (
        <details open>
          <summary>{t('diff.changed', { n: diff.changed.length })}</summary>
          <ul>
            {diff.changed.slice(0, SHOWN).map((c) => (
              <li key={c.after.key} dir="auto">
                {label(c.after)} — {c.fields.map((f) => t(`field.${f}`)).join(', ')}
              </li>
            ))}
          </ul>
        </details>
      )}
      {diff.removed.length > 0 && (
        <details open>
          <summary>{t('diff.removed', { n: diff.removed.length })}</summary>
          <ul>
            {diff.removed.slice(0, SHOWN).map((e) => (
              <li key={e.key} dir="auto">
                {label(e)}
              </li>
            ))}
          </ul>
        </details>
      )}
    </section>
  );
}
