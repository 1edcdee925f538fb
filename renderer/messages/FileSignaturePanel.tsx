import { useEffect, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { checkFileSignature } from '../../shared/messages/readSigned';
import { isDetachedSignature } from '../../shared/openpgp/fileSignature';
import type { Verdict } from '../../shared/messages/verdict';
import { base64ToBytes } from '../../shared/encoding/base64';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { errorText } from '../components/errorText';
import { VerdictBanner } from './VerdictBanner';
import { buildSignatureContext } from './signatureContext';

interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * A file and its detached signature (`report.pdf` + `report.pdf.asc` or `.sig`), picked one after
 * the other or dropped together: the verdict says who signed this exact file, against the directory.
 */
export function FileSignaturePanel({ dropped }: { dropped?: readonly File[] } = {}) {
  const { t } = useTranslation('signatures');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const client = useQueryClient();
  const host = useHost();
  const [file, setFile] = useState<PickedFile | null>(null);
  const [signature, setSignature] = useState<PickedFile | null>(null);
  const [verdict, setVerdict] = useState<Verdict | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const check = async (data: PickedFile | null, sig: PickedFile | null) => {
    setVerdict(null);
    setError(null);
    if (!data || !sig) return;
    setBusy(true);
    try {
      const context = await buildSignatureContext(session, client);
      setVerdict(await checkFileSignature(data.bytes, sig.bytes, context));
    } catch (e) {
      setError(errorText(tm, e));
    } finally {
      setBusy(false);
    }
  };

  const pick = async (which: 'file' | 'signature') => {
    setError(null);
    try {
      const filters = which === 'signature' ? [{ name: 'OpenPGP', extensions: ['asc', 'sig', 'gpg'] }] : [];
      const picked = await host.call('files.open', { filters, maxBytes: MAX_BYTES });
      if (!picked) return;
      const chosen = { name: picked.name, bytes: base64ToBytes(picked.bytes) };
      if (which === 'file') {
        setFile(chosen);
        await check(chosen, signature);
      } else {
        setSignature(chosen);
        await check(file, chosen);
      }
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  const takeFiles = (files: readonly File[]) => {
    const pair = files.slice(0, 2);
    if (pair.some((f) => f.size > MAX_BYTES)) {
      setError(tm('errors.too-large'));
      return;
    }
    void Promise.all(pair.map(async (f) => ({ name: f.name, bytes: new Uint8Array(await f.arrayBuffer()) })))
      .then(async (files) => {
        // Sorted by content, not by name: a signature is whatever parses as one.
        let sig: PickedFile | null = signature;
        let data: PickedFile | null = file;
        for (const candidate of files) {
          if (await isDetachedSignature(candidate.bytes)) sig = candidate;
          else data = candidate;
        }
        setFile(data);
        setSignature(sig);
        await check(data, sig);
      })
      .catch(() => setError(tm('errors.unexpected')));
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    event.stopPropagation();
    takeFiles([...event.dataTransfer.files]);
  };

  // Files dropped together on the receive screen are handed over here once.
  useEffect(() => {
    if (dropped?.length) takeFiles(dropped);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a new drop arrives
  }, [dropped]);

  return (
    <section
      className="messages-card stack"
      aria-labelledby="file-signature-title"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <h3 id="file-signature-title">{t('check.title')}</h3>
      <p>{t('check.explain')}</p>
      <div className="messages-actions">
        <button type="button" disabled={busy} onClick={() => void pick('file')}>
          {t('check.pickFile')}
        </button>
        <button type="button" disabled={busy} onClick={() => void pick('signature')}>
          {t('check.pickSignature')}
        </button>
      </div>
      <dl className="file-pair">
        <dt>{t('check.file')}</dt>
        <dd dir="auto">{file ? file.name : t('check.none')}</dd>
        <dt>{t('check.signature')}</dt>
        <dd dir="auto">{signature ? signature.name : t('check.none')}</dd>
      </dl>
      {busy && <p role="status">{t('check.checking')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {verdict && (
        <div aria-label={t('check.result')}>
          <VerdictBanner verdict={verdict} />
        </div>
      )}
    </section>
  );
}
