import { useTranslation } from 'react-i18next';
import { differingFields } from '../../shared/directory/entryFields';
import type { PointOfContact } from '../../shared/directory/model';
import { formatList } from '../../shared/i18n/formats';
import { EntryDetails, useEntryFieldLabel } from './EntryDetails';

/**
 * Both versions of an own entry after a conflicting revision: first, in one sentence, which fields
 * differ; then each version, with those fields marked on both sides, so the choice that follows is
 * about what the user can see.
 */
export function ConflictVersions({ mine, theirs }: { mine: PointOfContact; theirs: PointOfContact }) {
  const { t, i18n } = useTranslation('sync');
  const label = useEntryFieldLabel();
  const fields = differingFields(mine, theirs);
  const differing = new Set(fields);
  return (
    <>
      <p>{t('conflict.explain')}</p>
      <p>
        <strong>
          {fields.length > 0
            ? t('conflict.differences', {
                fields: formatList(fields.map(label), i18n.language),
              })
            : t('conflict.noDifference')}
        </strong>
      </p>
      <div className="sync-versions">
        <figure>
          <figcaption>{t('conflict.mine')}</figcaption>
          <EntryDetails entry={mine} differing={differing} />
        </figure>
        <figure>
          <figcaption>{t('conflict.theirs', { revision: theirs.revision })}</figcaption>
          <EntryDetails entry={theirs} differing={differing} />
        </figure>
      </div>
    </>
  );
}
