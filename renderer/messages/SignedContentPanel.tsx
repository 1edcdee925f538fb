import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { readSignedContent, type SignedContentResult } from '../../shared/messages/readSigned';
import { bytesToBase64 } from '../../shared/encoding/base64';
import { useSaveFile } from '../components/useSaveFile';
import { useVaultSession } from '../vault/session';
import { errorText } from '../components/errorText';
import { VerdictBanner } from './VerdictBanner';
import { buildSignatureContext } from './signatureContext';
import { safeFileName } from './safeFileName';
import { OpenPgpError } from '../../shared/openpgp/errors';

/**
 * Clearsigned text and signed-only messages (issue 13): the receive screen hands over what is
 * signed but not encrypted. Shows the verdict against the directory and the content exactly as
 * signed. Nothing is stored: a signed advisory is read, not an exchange with a POC.
 */
export function SignedContentPanel({ input }: { input: string | Uint8Array }) {
  const { t } = useTranslation('signatures');
  const { t: tm } = useTranslation('messages');
  const session = useVaultSession();
  const client = useQueryClient();
  const [result, setResult] = useState<SignedContentResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { saved, save: saveFile } = useSaveFile();

  useEffect(() => {
    let live = true;
    setResult(null);
    setError(null);
    buildSignatureContext(session, client)
      .then((context) => readSignedContent(input, context))
      .then((read) => live && setResult(read))
      .catch((e: unknown) => live && setError(errorText(tm, e)));
    return () => {
      live = false;
    };
  }, [input, session, client, tm]);

  const save = async () => {
    if (!result) return;
    try {
      await saveFile({
        suggestedName: safeFileName(result.filename, 'signed-content.bin'),
        mimeType: 'application/octet-stream',
        bytes: bytesToBase64(result.data),
      });
    } catch (e) {
      setError(errorText(tm, e));
    }
  };

  if (error) {
    return (
      <p className="error" role="alert">
        {error}
      </p>
    );
  }
  if (!result) return <p role="status">{t('signed.checking')}</p>;
  return (
    <article className="stack" aria-label={t(`signed.form.${result.form}`)}>
      <p className="hint">{t(`signed.explain.${result.form}`)}</p>
      <VerdictBanner verdict={result.verdict} />
      {result.text !== null ? (
        <pre className="message-text" dir="auto" aria-label={t('signed.content')}>
          {result.text}
        </pre>
      ) : (
        <p>{t('signed.binary', { size: result.data.byteLength })}</p>
      )}
      <div className="messages-actions">
        <button type="button" onClick={() => void save()}>
          {t('signed.save')}
        </button>
      </div>
      {saved && <p role="status">{t('fileSaved')}</p>}
    </article>
  );
}

/** The encrypted-message reader's refusal that means "try it as signed content". */
export function isSignedNotEncrypted(error: unknown): boolean {
  return error instanceof OpenPgpError && error.code === 'not-encrypted';
}
