import { useTranslation } from 'react-i18next';
import { stateName } from '../../shared/directory/stateNames';
import type { Verdict } from '../../shared/messages/verdict';
import { groupFingerprint } from '../../shared/openpgp/fingerprint';

/** Shows exactly one verdict. Only 'verified' is green; everything else says what to do. */
export function VerdictBanner({ verdict }: { verdict: Verdict }) {
  const { t, i18n } = useTranslation('messages');
  switch (verdict.kind) {
    case 'verified':
      return (
        <div className="verdict verdict-verified" role="status" aria-label={t('verdict.label')}>
          <strong>{t('verdict.verified', { name: verdict.signer.name })}</strong>
          <span>
            {t('verdict.senderDetails', {
              state: stateName(verdict.signer.state, i18n.language),
              role: t(`role.${verdict.signer.role}`),
            })}
          </span>
          <span>
            {verdict.fingerprintVerified
              ? t('verdict.fingerprintChecked')
              : t('verdict.fingerprintNotChecked')}
          </span>
        </div>
      );
    case 'key-changed':
      return (
        <div className="verdict verdict-alarm" role="alert" aria-label={t('verdict.label')}>
          <strong>{t('verdict.keyChanged', { name: verdict.signer.name })}</strong>
          <span dir="ltr">{groupFingerprint(verdict.signerFingerprint)}</span>
          <span>{t('verdict.keyChangedAction')}</span>
        </div>
      );
    case 'ambiguous-key':
      // Never "verified": the same key is claimed by more than one POC; show every claimant.
      return (
        <div className="verdict verdict-alarm" role="alert" aria-label={t('verdict.label')}>
          <strong>{t('verdict.ambiguousKey')}</strong>
          <span dir="ltr">{groupFingerprint(verdict.signerFingerprint)}</span>
          <ul aria-label={t('verdict.ambiguousClaimants')}>
            {verdict.entries.map((entry) => (
              <li key={entry.pocId}>
                {t('verdict.ambiguousEntry', {
                  name: entry.name,
                  state: entry.state,
                  role: t(`role.${entry.role}`),
                })}
                {verdict.pinnedPocIds.includes(entry.pocId) && <> — {t('verdict.ambiguousPinned')}</>}
              </li>
            ))}
            {verdict.pinnedPocIds
              .filter((pocId) => !verdict.entries.some((entry) => entry.pocId === pocId))
              .map((pocId) => (
                <li key={pocId}>{t('verdict.ambiguousPinnedGone')}</li>
              ))}
          </ul>
          <span>{t('verdict.ambiguousKeyAction')}</span>
        </div>
      );
    case 'unknown-key':
      return (
        <div className="verdict verdict-warning" role="alert" aria-label={t('verdict.label')}>
          <strong>{t('verdict.unknownKey')}</strong>
          {verdict.fingerprint && <span dir="ltr">{groupFingerprint(verdict.fingerprint)}</span>}
          <span>{t('verdict.unknownKeyAction')}</span>
        </div>
      );
    case 'bad-signature':
      return (
        <div className="verdict verdict-alarm" role="alert" aria-label={t('verdict.label')}>
          <strong>{t('verdict.badSignature')}</strong>
          <span>{t('verdict.badSignatureAction')}</span>
        </div>
      );
    case 'unsigned':
      return (
        <div className="verdict verdict-warning" role="alert" aria-label={t('verdict.label')}>
          <strong>{t('verdict.unsigned')}</strong>
          <span>{t('verdict.unsignedAction')}</span>
        </div>
      );
  }
}
