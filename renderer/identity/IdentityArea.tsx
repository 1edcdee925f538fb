import { useTranslation } from 'react-i18next';
import { CreateIdentity } from './CreateIdentity';
import { OwnKeyPanel } from './OwnKeyPanel';
import { PeerKeysPanel } from './PeerKeysPanel';
import { PublishKeyPanel } from './PublishKeyPanel';
import { useOwnIdentity } from './useOwnIdentity';
import './identity.css';

/** My keys: the own OpenPGP identity and the keys of peers (issue 4). */
export function IdentityArea() {
  const { t } = useTranslation('identity');
  const own = useOwnIdentity();
  return (
    <section className="area stack" aria-labelledby="identity-title">
      <h2 id="identity-title">{t('title')}</h2>
      {own.isPending && <p role="status">{t('loading')}</p>}
      {own.isError && (
        <p className="error" role="alert">
          {t('loadFailed')}
        </p>
      )}
      {own.isSuccess && (own.data ? <OwnKeyPanel identity={own.data} /> : <CreateIdentity />)}
      {own.data && <PublishKeyPanel identity={own.data} />}
      <PeerKeysPanel />
    </section>
  );
}
