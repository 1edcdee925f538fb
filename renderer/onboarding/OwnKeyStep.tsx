import QRCode from 'qrcode';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { stateName } from '../../shared/directory/stateNames';
import { fingerprintQrPayload } from '../../shared/openpgp/fingerprint';
import type { SyncState } from '../../shared/sync/model';
import { FingerprintGroups } from '../identity/OwnKeyPanel';
import type { OwnIdentity } from '../messaging/ownIdentity';

/**
 * The key the registry now holds for this POC: its fingerprint in groups of four (to read aloud to a
 * correspondent) and as a QR code (OPENPGP4FPR:, what OpenKeychain and other apps scan), so that
 * others can check it by a second channel before trusting a message (A §7 b).
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
  const [qr, setQr] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    QRCode.toDataURL(fingerprintQrPayload(identity.fingerprint), { margin: 1, width: 192 })
      .then((url) => live && setQr(url))
      .catch(() => live && setQr(null));
    return () => {
      live = false;
    };
  }, [identity.fingerprint]);

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
      <FingerprintGroups fingerprint={identity.fingerprint} label={t('ownKey.fingerprint')} />
      {qr ? <img className="first-run-qr" src={qr} width={192} height={192} alt={t('ownKey.qrAlt')} /> : null}
      <p>{t('ownKey.compareLater')}</p>
      <div>
        <button type="button" className="primary" onClick={onNext}>
          {t('next')}
        </button>
      </div>
    </section>
  );
}
