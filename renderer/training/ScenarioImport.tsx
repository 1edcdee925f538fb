import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { base64ToBytes } from '../../shared/encoding/base64';
import { fingerprintOfKey, groupFingerprint, readPublicKey } from '../../shared/openpgp';
import { importPack, TrainingError } from '../../shared/training';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { importedScenarios, pinnedAuthors, saveImportedScenarios, savePinnedAuthors } from './store';
import { useTrainingData } from './useTraining';

/**
 * Importing scenario packs from a file, and the scenario authors the user pinned. A signed pack is
 * "verified" only when its signature is good under a pinned author key; every other case says so.
 */
export function ScenarioImport() {
  const { t } = useTranslation('training');
  const host = useHost();
  const session = useVaultSession();
  const pinned = useTrainingData(pinnedAuthors);
  const [keyText, setKeyText] = useState('');
  const [message, setMessage] = useState<{ kind: 'ok' | 'warn' | 'error'; text: string } | null>(null);

  const errorText = (error: unknown) =>
    error instanceof TrainingError ? t(`errors.${error.code}`) : t('errors.generic');

  const importFile = async () => {
    setMessage(null);
    try {
      const file = await host.call('files.open', {
        title: t('import.choose'),
        filters: [{ name: t('import.fileType'), extensions: ['json'] }],
        maxBytes: 2_000_000,
      });
      if (!file) return;
      const pack = await importPack(
        new TextDecoder().decode(base64ToBytes(file.bytes)),
        (await pinnedAuthors(session)).keys,
      );
      const current = await importedScenarios(session);
      const ids = new Set(pack.scenarios.map((s) => s.id));
      const signature = pack.signature.status;
      const added = pack.scenarios.map((scenario) => ({
        scenario,
        author: pack.author,
        signature,
        ...(pack.signature.status === 'verified' ? { fingerprint: pack.signature.fingerprint } : {}),
        importedAt: new Date().toISOString(),
      }));
      await saveImportedScenarios(session, [
        ...current.filter((item) => !ids.has(item.scenario.id)),
        ...added,
      ]);
      const text = t(`import.done.${signature}`, { count: added.length, author: pack.author ?? '—' });
      setMessage({ kind: signature === 'verified' ? 'ok' : 'warn', text });
    } catch (error) {
      setMessage({ kind: 'error', text: errorText(error) });
    }
  };

  const pinKey = async () => {
    setMessage(null);
    try {
      const key = await readPublicKey(keyText);
      const fingerprint = fingerprintOfKey(key);
      const name = key.getUserIDs()[0] ?? fingerprint;
      const current = await pinnedAuthors(session);
      await savePinnedAuthors(session, {
        keys: [
          ...current.keys.filter((k) => k.fingerprint !== fingerprint),
          { fingerprint, publicKeyArmored: key.armor(), name },
        ],
      });
      setKeyText('');
      setMessage({ kind: 'ok', text: t('authors.pinned', { fingerprint: groupFingerprint(fingerprint) }) });
    } catch {
      setMessage({ kind: 'error', text: t('authors.invalidKey') });
    }
  };

  return (
    <section className="training-card stack" aria-labelledby="import-title">
      <h3 id="import-title">{t('import.title')}</h3>
      <p>{t('import.hint')}</p>
      <button type="button" onClick={() => void importFile()}>
        {t('import.button')}
      </button>
      <h4>{t('authors.title')}</h4>
      {pinned.data?.keys.length ? (
        <ul aria-label={t('authors.listLabel')}>
          {pinned.data.keys.map((key) => (
            <li key={key.fingerprint}>
              {key.name} — <code>{groupFingerprint(key.fingerprint)}</code>
            </li>
          ))}
        </ul>
      ) : (
        <p>{t('authors.none')}</p>
      )}
      <label className="field">
        {t('authors.keyLabel')}
        <textarea
          rows={3}
          dir="ltr"
          value={keyText}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => setKeyText(e.target.value)}
        />
      </label>
      <button type="button" disabled={!keyText.trim()} onClick={() => void pinKey()}>
        {t('authors.pin')}
      </button>
      {message && (
        <p role={message.kind === 'error' ? 'alert' : 'status'} className={message.kind}>
          {message.text}
        </p>
      )}
    </section>
  );
}
