import { useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import { readMessage, type ReadMessageResult } from '../../shared/messages/read';
import { newMessageId } from '../../shared/messages/payload';
import { base64ToBytes } from '../../shared/encoding/base64';
import { useHost } from '../host/HostContext';
import { useVaultSession } from '../vault/session';
import { DIRECTORY_QUERY_KEY, loadDirectory } from '../directory/useDirectory';
import { pinOp, listPeerRecords } from '../identity/peerKeys';
import { errorText } from '../components/errorText';
import { getMessage, storeMessage, storedVerdict } from '../messaging/messageStore';
import { isInquiry, repliedTo } from './exchangeLog';
import { markAcknowledged } from '../outgoing/pipeline';
import { caseOfReceivedMessage } from './receivedCase';
import { isUnLanguage } from '../../shared/i18n/languages';
import { navigate } from '../navigation/navigation';
import { buildReadContext } from './useReadContext';
import { VerdictBanner } from './VerdictBanner';
import { MESSAGES_QUERY_KEY } from './MessageHistory';
import { LabelledTextArea } from '../components/LabelledTextArea';
import { SignedContentPanel, isSignedNotEncrypted } from './SignedContentPanel';
import { FileSignaturePanel } from './FileSignaturePanel';
import { detectSignedForm } from '../../shared/openpgp/signedData';
import { fileCommCheck, isCommCheckMessage, type FiledCheck } from '../commcheck/receive';
import { CheckReceived } from '../commcheck/CheckReceived';

export function ReceivePanel() {
  const { t, i18n } = useTranslation('messages');
  const session = useVaultSession();
  const host = useHost();
  const client = useQueryClient();
  const [pasted, setPasted] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<ReadMessageResult | null>(null);
  const [stored, setStored] = useState(false);
  const [caseId, setCaseId] = useState<string | null>(null);
  const [signedInput, setSignedInput] = useState<string | Uint8Array | null>(null);
  const [droppedPair, setDroppedPair] = useState<File[] | null>(null);
  const [filedCheck, setFiledCheck] = useState<FiledCheck | null>(null);

  const receive = async (input: string | Uint8Array) => {
    setBusy(true);
    setError(null);
    setResult(null);
    setStored(false);
    setCaseId(null);
    setSignedInput(null);
    setDroppedPair(null);
    setFiledCheck(null);
    try {
      // Signed but not encrypted (clearsigned advisory, signed-only message): no own key needed.
      if ((await detectSignedForm(input)) !== null) {
        setSignedInput(input);
        return;
      }
      // The directory as the vault holds it now (a cached copy can predate the last sync).
      const current = await client.fetchQuery({
        queryKey: DIRECTORY_QUERY_KEY,
        queryFn: () => loadDirectory(session),
        staleTime: 0,
      });
      const context = await buildReadContext(session, current.entries);
      const read = await readMessage(input, context);
      setResult(read);
      // A message with a bad signature is shown, never stored as if it were a real exchange.
      if (read.verdict.kind !== 'bad-signature') {
        const id = read.payload?.id ?? newMessageId();
        const earlier = read.payload ? await getMessage(session, id) : undefined;
        // Reading the own sent copy again, or the same message twice, adds nothing to the record.
        if (earlier?.direction === 'out') {
          setCaseId(earlier.caseId ?? null);
          return;
        }
        const receivedAt = new Date().toISOString();
        const signer =
          read.verdict.kind === 'verified' || read.verdict.kind === 'key-changed'
            ? read.verdict.signer
            : undefined;
        const peers = signer ? [{ pocId: signer.pocId, state: signer.state, role: signer.role }] : [];
        const language = isUnLanguage(i18n.language) ? i18n.language : 'en';
        // A communication check or its reply tests a channel: it is filed apart, never as a case.
        const commCheck = isCommCheckMessage(read);
        const joined = commCheck
          ? undefined
          : await caseOfReceivedMessage(session, read, { id, receivedAt }, earlier, language);
        const { pins } = await listPeerRecords(session);
        const pinFirstUse =
          signer && read.verdict.kind === 'verified' && !pins.some((p) => p.pocId === signer.pocId)
            ? [
                pinOp({
                  kind: 'pin',
                  pocId: signer.pocId,
                  fingerprint: signer.fingerprint,
                  pinnedAt: receivedAt,
                }),
              ]
            : [];
        await storeMessage(
          session,
          {
            id,
            direction: 'in',
            conversationIds: [],
            at: earlier?.at ?? receivedAt,
            text: read.text,
            ...(read.subject ? { subject: read.subject } : {}),
            ...(read.payload ? { payload: read.payload } : {}),
            verdict: storedVerdict(read.verdict),
            ...(joined ? { caseId: joined } : {}),
            ...(typeof input === 'string' ? { armored: input } : {}),
          },
          peers,
          pinFirstUse,
        );
        // A verified reply (acknowledgement or answer) marks the own messages it refers to "acknowledged".
        if (read.verdict.kind === 'verified' && read.payload && !commCheck) {
          await markAcknowledged(session, repliedTo(read), id, receivedAt);
        }
        if (commCheck) setFiledCheck(await fileCommCheck(session, read, receivedAt));
        setCaseId(joined ?? null);
        setStored(true);
        void client.invalidateQueries({ queryKey: MESSAGES_QUERY_KEY });
      }
    } catch (e) {
      // Signed but not encrypted (clearsigned advisory, signed-only message): verdict of its own.
      if (isSignedNotEncrypted(e)) setSignedInput(input);
      else setError(errorText(t, e));
    } finally {
      setBusy(false);
    }
  };

  const openFile = async () => {
    setError(null);
    try {
      const file = await host.call('files.open', {
        filters: [{ name: 'OpenPGP', extensions: ['asc', 'gpg', 'pgp', 'eml'] }],
        maxBytes: 20 * 1024 * 1024,
      });
      if (file) await receive(base64ToBytes(file.bytes));
    } catch (e) {
      setError(errorText(t, e));
    }
  };

  const onDrop = (event: DragEvent<HTMLElement>) => {
    event.preventDefault();
    // A file and its detached signature dropped together: checked as a pair (issue 13).
    if (event.dataTransfer.files.length > 1) {
      setDroppedPair([...event.dataTransfer.files]);
      return;
    }
    const file = event.dataTransfer.files[0];
    if (!file) return;
    if (file.size > 20 * 1024 * 1024) {
      setError(t('errors.too-large'));
      return;
    }
    file
      .arrayBuffer()
      .then((buffer) => receive(new Uint8Array(buffer)))
      .catch(() => setError(t('errors.unexpected')));
  };

  return (
    <section
      className="messages-card stack"
      aria-labelledby="receive-title"
      onDragOver={(e) => e.preventDefault()}
      onDrop={onDrop}
    >
      <h3 id="receive-title">{t('receive.title')}</h3>
      <p>{t('receive.explain')}</p>
      <LabelledTextArea
        label={t('receive.paste')}
        rows={8}
        value={pasted}
        onChange={(e) => setPasted(e.target.value)}
        spellCheck={false}
        dir="ltr"
      />
      <div className="messages-actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !pasted.trim()}
          onClick={() => void receive(pasted)}
        >
          {t('receive.read')}
        </button>
        <button type="button" disabled={busy} onClick={() => void openFile()}>
          {t('receive.openFile')}
        </button>
      </div>
      {busy && <p role="status">{t('receive.reading')}</p>}
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {signedInput !== null && <SignedContentPanel input={signedInput} />}
      {droppedPair && <FileSignaturePanel dropped={droppedPair} />}
      {result && (
        <article className="stack" aria-label={t('receive.result')}>
          <VerdictBanner verdict={result.verdict} />
          {result.subject && <h4>{result.subject}</h4>}
          {result.unsupportedVersion !== undefined && <p className="notice">{t('receive.newerVersion')}</p>}
          <pre className="message-text">{result.text}</pre>
          {stored && <p role="status">{t('receive.stored')}</p>}
          {stored && !caseId && !filedCheck && <p className="hint">{t('receive.notLogged')}</p>}
          {filedCheck && <CheckReceived filed={filedCheck} />}
          {caseId && (
            <div className="messages-actions">
              <button type="button" onClick={() => navigate('cases', caseId)}>
                {t('receive.openCase')}
              </button>
              {isInquiry(result) && (
                <button type="button" className="primary" onClick={() => navigate('cases', caseId)}>
                  {t('receive.respond')}
                </button>
              )}
            </div>
          )}
        </article>
      )}
    </section>
  );
}
