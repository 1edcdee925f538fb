import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { readSecretKey, type IdentityKeyType } from '../../shared/openpgp/keys';
import { base64ToText } from '../../shared/encoding/base64';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { errorText } from '../components/errorText';
import { generateOwnIdentity, identityRecord } from './identityActions';
import { saveOwnIdentity } from '../messaging/ownIdentity';
import { useRefreshIdentity } from './useOwnIdentity';
import { LabelledTextArea } from '../components/LabelledTextArea';

function Elapsed() {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  const { t } = useTranslation('identity');
  return (
    <p role="status" className="identity-progress">
      <progress aria-label={t('generate.progress')} />
      {t('generate.elapsed', { seconds })}
    </p>
  );
}

export function CreateIdentity() {
  const { t } = useTranslation('identity');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const host = useHost();
  const refresh = useRefreshIdentity();
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [type, setType] = useState<IdentityKeyType>('ecc');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [secretText, setSecretText] = useState('');
  const [passphrase, setPassphrase] = useState('');

  const generate = async () => {
    setBusy(true);
    setError(null);
    try {
      const trimmedEmail = email.trim();
      const identity = await generateOwnIdentity({
        name: name.trim(),
        type,
        ...(trimmedEmail ? { email: trimmedEmail } : {}),
      });
      await saveOwnIdentity(session, identity);
      refresh();
    } catch (e) {
      setError(errorText(tm, e));
    } finally {
      setBusy(false);
    }
  };

  const importSecret = async () => {
    setBusy(true);
    setError(null);
    try {
      const key = await readSecretKey(secretText, passphrase || undefined);
      await saveOwnIdentity(session, await identityRecord(key, 'imported'));
      setSecretText('');
      setPassphrase('');
      refresh();
    } catch (e) {
      setError(errorText(tm, e));
    } finally {
      setBusy(false);
    }
  };

  const openSecretFile = async () => {
    setError(null);
    try {
      const file = await host.call('files.open', {
        filters: [{ name: 'OpenPGP', extensions: ['asc', 'gpg', 'key', 'txt'] }],
        maxBytes: 1024 * 1024,
      });
      if (file) setSecretText(base64ToText(file.bytes));
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  return (
    <div className="stack">
      <p>{t('none.explain')}</p>
      <form
        className="identity-card stack"
        aria-label={t('generate.title')}
        onSubmit={(event) => {
          event.preventDefault();
          void generate();
        }}
      >
        <h3>{t('generate.title')}</h3>
        <label>
          {t('generate.name')}
          <input value={name} onChange={(e) => setName(e.target.value)} required maxLength={200} />
        </label>
        <label>
          {t('generate.email')}
          <input type="email" value={email} onChange={(e) => setEmail(e.target.value)} maxLength={254} />
        </label>
        <label>
          {t('generate.algorithm')}
          <select value={type} onChange={(e) => setType(e.target.value === 'rsa4096' ? 'rsa4096' : 'ecc')}>
            <option value="ecc">{t('generate.ecc')}</option>
            <option value="rsa4096">{t('generate.rsa4096')}</option>
          </select>
        </label>
        <div>
          <button type="submit" className="primary" disabled={busy || !name.trim()}>
            {t('generate.submit')}
          </button>
        </div>
        {busy && <Elapsed />}
      </form>

      <form
        className="identity-card stack"
        aria-label={t('import.title')}
        onSubmit={(event) => {
          event.preventDefault();
          void importSecret();
        }}
      >
        <h3>{t('import.title')}</h3>
        <p>{t('import.explain')}</p>
        <LabelledTextArea
          label={t('import.armored')}
          rows={5}
          value={secretText}
          onChange={(e) => setSecretText(e.target.value)}
          spellCheck={false}
        />
        <div>
          <button type="button" onClick={() => void openSecretFile()}>
            {t('import.openFile')}
          </button>
        </div>
        <label>
          {t('import.passphrase')}
          <input
            type="password"
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
            autoComplete="off"
          />
        </label>
        <div>
          <button type="submit" disabled={busy || !secretText.trim()}>
            {t('import.submit')}
          </button>
        </div>
      </form>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
