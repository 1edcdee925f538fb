import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDate } from '../../shared/i18n/formats';
import { exportSecretKey, readSecretKey, renewKey } from '../../shared/openpgp/keys';
import { textToBase64 } from '../../shared/encoding/base64';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { errorText } from '../components/errorText';
import { RENEWAL_REMINDER_DAYS, daysUntilExpiry, identityRecord, keyFileName } from './identityActions';
import { saveOwnIdentity, type OwnIdentity } from '../messaging/ownIdentity';
import { useRefreshIdentity } from './useOwnIdentity';
import { OwnKeyFingerprint } from './OwnKeyFingerprint';

export function OwnKeyPanel({ identity }: { identity: OwnIdentity }) {
  const { t, i18n } = useTranslation('identity');
  const { t: tm } = useTranslation('messages');
  const host = useHost();
  const session = useVaultSession();
  const refresh = useRefreshIdentity();
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [exportPassphrase, setExportPassphrase] = useState('');

  const days = daysUntilExpiry(identity);

  const save = async (kind: 'public' | 'revocation', text: string) => {
    setError(null);
    try {
      const { saved } = await host.call('files.save', {
        suggestedName: keyFileName(kind, identity.fingerprint),
        mimeType: 'application/pgp-keys',
        bytes: textToBase64(text),
      });
      // The reminder goes away only when the certificate was written, not when the dialog was cancelled.
      if (saved && kind === 'revocation') {
        await saveOwnIdentity(session, {
          ...identity,
          revocationSavedAt: new Date().toISOString(),
          updatedAt: new Date().toISOString(),
        });
        refresh();
      }
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  const exportSecret = async () => {
    setError(null);
    try {
      const key = await readSecretKey(identity.privateKeyArmored);
      const armored = await exportSecretKey(key, exportPassphrase);
      await host.call('files.save', {
        suggestedName: keyFileName('secret', identity.fingerprint),
        mimeType: 'application/pgp-keys',
        bytes: textToBase64(armored),
      });
      setExportPassphrase('');
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  const renew = async () => {
    setError(null);
    try {
      const renewed = await renewKey(await readSecretKey(identity.privateKeyArmored));
      await saveOwnIdentity(session, {
        ...(await identityRecord(renewed, identity.origin, identity.revocationCertificate)),
        createdAt: identity.createdAt,
      });
      setNotice(t('own.renewed'));
      refresh();
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  return (
    <section className="identity-card stack" aria-labelledby="own-key-title">
      <h3 id="own-key-title">{t('own.title')}</h3>
      {days !== null && days <= RENEWAL_REMINDER_DAYS && (
        <p className={days < 0 ? 'error' : 'notice'} role="alert">
          {days < 0 ? t('own.expired') : t('own.expiresSoon', { count: days })}
        </p>
      )}
      {!identity.revocationSavedAt && <p className="notice">{t('own.revocationReminder')}</p>}
      <dl className="identity-facts">
        <dt>{t('own.userIds')}</dt>
        <dd>{identity.userIds.join(', ')}</dd>
        <dt>{t('own.algorithm')}</dt>
        <dd>{identity.algorithm}</dd>
        <dt>{t('own.created')}</dt>
        <dd>{formatDate(identity.createdAt, i18n.language)}</dd>
        <dt>{t('own.expires')}</dt>
        <dd>{identity.expiresAt ? formatDate(identity.expiresAt, i18n.language) : t('own.never')}</dd>
      </dl>
      <h4>{t('own.fingerprint')}</h4>
      <OwnKeyFingerprint
        fingerprint={identity.fingerprint}
        label={t('own.fingerprint')}
        qrAlt={t('own.qrAlt')}
      />
      <div className="identity-actions">
        <button type="button" onClick={() => void save('public', identity.publicKeyArmored)}>
          {t('own.exportPublic')}
        </button>
        <button type="button" onClick={() => void navigator.clipboard?.writeText(identity.fingerprint)}>
          {t('own.copyFingerprint')}
        </button>
        <button type="button" onClick={() => void save('revocation', identity.revocationCertificate)}>
          {t('own.saveRevocation')}
        </button>
        <button type="button" onClick={() => void renew()}>
          {t('own.renew')}
        </button>
      </div>
      <form
        className="stack"
        aria-label={t('own.exportSecret')}
        onSubmit={(event) => {
          event.preventDefault();
          void exportSecret();
        }}
      >
        <label>
          {t('own.exportPassphrase')}
          <input
            type="password"
            minLength={8}
            value={exportPassphrase}
            onChange={(e) => setExportPassphrase(e.target.value)}
            autoComplete="new-password"
          />
        </label>
        <div>
          <button type="submit" disabled={exportPassphrase.length < 8}>
            {t('own.exportSecret')}
          </button>
        </div>
      </form>
      {notice && <p role="status">{notice}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
