import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { generateIdentity } from '../../shared/openpgp/keys';
import { saveOwnIdentity } from '../messaging/ownIdentity';
import { SYNC_QUERY_KEY } from '../sync/useSync';
import { useVaultSession } from '../vault/session';

/**
 * First run: enrolment needs the POC's own key. This makes the default one (Ed25519/Cv25519,
 * two years) with the identity area's own functions; "My keys" manages it afterwards.
 */
export function CreateKeyInline({
  name,
  onNameChange,
}: {
  name: string;
  onNameChange: (name: string) => void;
}) {
  const { t } = useTranslation('onboarding');
  const session = useVaultSession();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const generated = await generateIdentity({ name: name.trim() });
      const now = new Date();
      const expiry = await generated.privateKey.getExpirationTime();
      await saveOwnIdentity(session, {
        fingerprint: generated.fingerprint,
        privateKeyArmored: generated.privateKeyArmored,
        publicKeyArmored: generated.publicKeyArmored,
        revocationCertificate: generated.revocationCertificate,
        algorithm: 'ed25519',
        userIds: [name.trim()],
        createdAt: now.toISOString(),
        expiresAt: expiry instanceof Date ? expiry.toISOString() : null,
        origin: 'generated',
        updatedAt: now.toISOString(),
      });
      await queryClient.invalidateQueries({ queryKey: SYNC_QUERY_KEY });
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="enrolment" onSubmit={(e) => void create(e)}>
      <p className="notice" role="alert">
        {t('needIdentity')}
      </p>
      <label htmlFor="own-key-name">
        {t('keyName')}
        <input
          id="own-key-name"
          type="text"
          required
          value={name}
          onChange={(e) => onNameChange(e.target.value)}
        />
      </label>
      <button type="submit" disabled={busy || !name.trim()}>
        {busy ? t('creatingKey') : t('createKey')}
      </button>
    </form>
  );
}
