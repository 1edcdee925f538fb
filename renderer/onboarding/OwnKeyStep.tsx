import { useTranslation } from 'react-i18next';
import { stateName } from '../../shared/directory/stateNames';
import type { SyncState } from '../../shared/sync/model';
import { OwnKeyFingerprint } from '../identity/OwnKeyFingerprint';
import type { OwnIdentity } from '../messaging/ownIdentity';

/**
 * The key the registry now holds for this POC, shown as My keys shows it (OwnKeyFingerprint): its
 * fingerprint in groups of four and as a QR code, for correspondents to check (A §7 b).
 */
export function OwnKeyStep({
  identity,
  enrolment,
  onNext,
}: {
  identity: OwnIdentity;
  enrolment: SyncState;
  onNext: () => void;
}) {
  const { t, i18n } = useTranslation('firstrun');
  const { t: to } = useTranslation('onboarding');
  return (
    <section className="stack" aria-labelledby="own-key-step-title">
      <h3 id="own-key-step-title">{t('ownKey.title')}</h3>
      <p role="status">
        {to('enrolled', {
          state: stateName(enrolment.state, i18n.language),
          role: to(`roles.${enrolment.role}`),
        })}
      </p>
      <p>{t('ownKey.explain')}</p>
      <OwnKeyFingerprint
        fingerprint={identity.fingerprint}
        label={t('ownKey.fingerprint')}
        qrAlt={t('ownKey.qrAlt')}
      />
      <p>{t('ownKey.compareLater')}</p>
      <div>
        <button type="button" className="primary" onClick={onNext}>
          {t('next')}
        </button>
      </div>
    </section>
  );
}
