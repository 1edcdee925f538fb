import { useTranslation } from 'react-i18next';
import { useOwnKeyPublication } from '../identity/useOwnIdentity';
import type { OwnIdentity } from '../messaging/ownIdentity';
import { PublishKeyPanel } from '../identity/PublishKeyPanel';

/**
 * Publishing the own key in the own directory entry (A §7 d), with the identity area's own panel.
 * The step is passed once the signed update is queued or published; a POC whose entry is not in the
 * directory yet (the registry manager creates it) may go on and publish later from "My keys".
 */
export function PublishStep({ identity, onNext }: { identity: OwnIdentity; onNext: () => void }) {
  const { t } = useTranslation('firstrun');
  const publication = useOwnKeyPublication(identity);
  const kind = publication.data?.kind;
  const done = kind === 'queued' || kind === 'published';

  return (
    <section className="stack" aria-labelledby="publish-step-title">
      <h3 id="publish-step-title">{t('publish.title')}</h3>
      <p>{t('publish.explain')}</p>
      <PublishKeyPanel identity={identity} />
      <div className="row">
        <button type="button" className={done ? 'primary' : undefined} onClick={onNext}>
          {done ? t('next') : t('publish.later')}
        </button>
      </div>
    </section>
  );
}
