import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { verifyCaseFile, type CaseFileVerification } from '../../shared/cases';
import { base64ToBytes } from '../../shared/encoding/base64';
import { groupFingerprint } from '../../shared/openpgp/fingerprint';
import { useHost } from '../host/HostContext';

/**
 * "Verify a case file": a case JSON and its detached signature, as exported by any POC. Checks the
 * signature over the exact bytes and the hash chain, and names the key that signed it, so the user
 * can compare it with the directory (the same check as `npm run verify-case`).
 */
export function VerifyCaseFile() {
  const { t } = useTranslation('cases');
  const host = useHost();
  const [file, setFile] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [signature, setSignature] = useState<{ name: string; text: string } | null>(null);
  const [result, setResult] = useState<CaseFileVerification | null>(null);
  const [busy, setBusy] = useState(false);

  const open = async (kind: 'json' | 'sig') => {
    setResult(null);
    const picked = await host.call('files.open', {
      filters: [
        kind === 'json'
          ? { name: 'JSON', extensions: ['json'] }
          : { name: 'OpenPGP', extensions: ['sig', 'asc'] },
      ],
      maxBytes: 50 * 1024 * 1024,
    });
    if (!picked) return;
    const bytes = base64ToBytes(picked.bytes);
    if (kind === 'json') setFile({ name: picked.name, bytes });
    else setSignature({ name: picked.name, text: new TextDecoder().decode(bytes) });
  };
  const verify = async () => {
    if (!file || !signature) return;
    setBusy(true);
    try {
      setResult(await verifyCaseFile(file.bytes, signature.text));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section aria-labelledby="verify-file-title" className="case-tools">
      <h3 id="verify-file-title">{t('verifyFile.title')}</h3>
      <p className="hint">{t('verifyFile.explain')}</p>
      <button type="button" onClick={() => void open('json')}>
        {t('verifyFile.openJson')}
      </button>{' '}
      <span>{file?.name}</span>
      <button type="button" onClick={() => void open('sig')}>
        {t('verifyFile.openSig')}
      </button>{' '}
      <span>{signature?.name}</span>
      <button
        type="button"
        className="primary"
        disabled={!file || !signature || busy}
        onClick={() => void verify()}
      >
        {t('verifyFile.verify')}
      </button>
      {result && (
        <div role={result.ok ? 'status' : 'alert'} className={result.ok ? 'chain ok' : 'chain broken'}>
          <p>{result.ok ? t('verifyFile.ok') : t('verifyFile.refused')}</p>
          {result.signer && <p>{t('verifyFile.signer', { fingerprint: groupFingerprint(result.signer) })}</p>}
          <ul>
            {result.problems.map((problem) => (
              <li key={problem}>{t(`verifyFile.problem.${problem}`)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
