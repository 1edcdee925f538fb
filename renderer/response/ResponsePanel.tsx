import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseEventBody, CaseRecord, CaseSummary } from '../../shared/cases';
import {
  buildAcknowledgement,
  buildTemplate,
  CHANNELS,
  type InquiryTemplate,
  type Sender,
} from '../../shared/templates';
import { loadSenderProfile } from '../inquiry/profile';
import { useTemplateLabels } from '../components/useTemplateLabels';
import { HandOverPanel } from '../outgoing/HandOverPanel';
import { useVaultSession } from '../vault/session';
import { openSteps, previousAgreement } from '../../shared/cases';
import { responseText, sendResponse } from './sendResponse';
import './response.css';
import { BidiText } from '../components/BidiText';

type Mode = 'idle' | 'ack' | 'answer';

/**
 * The response procedure of the appendix on a received inquiry:
 * « 1. Fournissez une réponse immédiate … (si possible) ; ou 2. Informez l'interlocuteur que vous
 *   examinerez l'incident … Indiquez le délai de réponse estimé, le cas échéant ; et 3. Convenez du
 *   canal de communication privilégié et de l'agence … qui deviendra l'interlocuteur principal ».
 * Only the steps still open are offered; channel and lead agency come pre-filled from the previous
 * reply or the inquiry; the text the other side will read is shown before anything is signed.
 */
export function ResponsePanel({
  record,
  summary,
  append,
}: {
  record: CaseRecord;
  summary: CaseSummary;
  /** Appends events to this case and refreshes the page. */
  append: (bodies: CaseEventBody[]) => Promise<void>;
}) {
  const { t } = useTranslation('response');
  const { labels, language } = useTemplateLabels();
  const session = useVaultSession();
  const agreed = previousAgreement(record);
  const [mode, setMode] = useState<Mode>('idle');
  const [hours, setHours] = useState('');
  const [answer, setAnswer] = useState('');
  const [channel, setChannel] = useState<string>(agreed.preferred ?? '');
  const [leadAgency, setLeadAgency] = useState(agreed.leadAgency ?? '');
  const [preview, setPreview] = useState<InquiryTemplate | null>(null);
  const [sent, setSent] = useState<{ id: string; sealed: boolean } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const steps = openSteps(record);

  const inquiry = [...record.events]
    .reverse()
    .find((e) => e.body.kind === 'message' && e.body.direction === 'in')?.body;
  const inquiryTemplate: Pick<InquiryTemplate, 'id' | 'exercise' | 'tlp'> =
    inquiry?.kind === 'message'
      ? (inquiry.structured ?? { id: inquiry.messageId, exercise: summary.exercise })
      : { id: record.id.replace(/^case-/, ''), exercise: summary.exercise };

  /** Builds the message once: the preview shows it, and exactly this (same id) is signed. */
  const review = async (kind: Exclude<Mode, 'idle'>) => {
    setError(null);
    const profile = await loadSenderProfile(session);
    const sender: Sender = {
      name: profile.name || profile.affiliation,
      affiliation: profile.affiliation || profile.name,
      role: summary.self.role,
      state: summary.self.state,
      ...(profile.title ? { title: profile.title } : {}),
    };
    if (!sender.name.trim()) return setError(t('profileMissing'));
    const preferred = CHANNELS.find((c) => c === channel);
    const channelPart =
      preferred || leadAgency.trim()
        ? {
            channel: {
              ...(preferred ? { preferred } : {}),
              ...(leadAgency.trim() ? { leadAgency: leadAgency.trim() } : {}),
            },
          }
        : {};
    const contact =
      profile.email || profile.phone
        ? {
            contact: {
              ...(profile.email ? { email: profile.email } : {}),
              ...(profile.phone ? { phone: profile.phone } : {}),
            },
          }
        : {};
    const eta = Number.parseInt(hours, 10);
    try {
      setPreview(
        kind === 'ack'
          ? buildAcknowledgement(inquiryTemplate, sender, language, {
              ...(eta > 0 ? { estimatedResponseHours: eta } : {}),
              ...channelPart,
            })
          : buildTemplate({
              language,
              exercise: inquiryTemplate.exercise,
              nature: 'response',
              sender,
              references: [inquiryTemplate.id],
              ...(answer.trim() ? { answer: answer.trim() } : {}),
              ...(inquiryTemplate.tlp ? { tlp: inquiryTemplate.tlp } : {}),
              ...channelPart,
              ...contact,
            }),
      );
    } catch {
      setError(t('sendFailed'));
    }
  };

  const send = async (template: InquiryTemplate) => {
    setError(null);
    try {
      const result = await sendResponse({
        session,
        record,
        append,
        counterpart: summary.counterpart,
        self: summary.self,
        template,
        language,
      });
      setSent({ id: result.messageId, sealed: result.sealed });
      setPreview(null);
      setMode('idle');
    } catch {
      setError(t('sendFailed'));
    }
  };

  const agreement = (
    <>
      <label className="field">
        {labels.fields['channel.preferred']}
        <select value={channel} onChange={(e) => setChannel(e.target.value)}>
          <option value="">{t('notSaid')}</option>
          {CHANNELS.map((c) => (
            <option key={c} value={c}>
              {labels.channels[c]}
            </option>
          ))}
        </select>
      </label>
      <label className="field">
        {labels.fields['channel.leadAgency']}
        <input
          value={leadAgency}
          onChange={(e) => setLeadAgency(e.target.value)}
          dir="auto"
          autoComplete="off"
        />
      </label>
      {(agreed.preferred || agreed.leadAgency) && <p className="hint">{t('prefilled')}</p>}
    </>
  );

  return (
    <section className="response-panel" aria-labelledby="response-title">
      <h3 id="response-title">{t('title')}</h3>
      {/* The last reply's hand-over step, until the user starts on the next one. */}
      {sent && !preview && mode === 'idle' && (
        <>
          <p role="status" className="notice">
            {sent.sealed ? t('sent.sealed') : t('sent.recorded')}
          </p>
          {sent.sealed && <HandOverPanel key={sent.id} messageId={sent.id} />}
        </>
      )}
      {preview && (
        <div className="form">
          <pre className="rendered" aria-label={t('previewLabel')} dir="auto">
            <BidiText text={responseText(preview, language)} />
          </pre>
          <button type="button" className="primary" onClick={() => void send(preview)}>
            {t('signAndSeal')}
          </button>
          <button type="button" onClick={() => setPreview(null)}>
            {t('edit')}
          </button>
        </div>
      )}
      {!preview && mode === 'idle' && (
        <div className="actions">
          {steps.acknowledge && (
            <button type="button" onClick={() => setMode('ack')}>
              {t('acknowledge')}
            </button>
          )}
          {steps.answer && (
            <button type="button" onClick={() => setMode('answer')}>
              {t('answer')}
            </button>
          )}
          {!steps.acknowledge && !steps.answer && <p>{t('allDone')}</p>}
        </div>
      )}
      {!preview && mode === 'ack' && (
        <div className="form">
          <p className="statement">{labels.statementA10}</p>
          <label className="field">
            {t('etaHours')}
            <input type="number" min={1} value={hours} onChange={(e) => setHours(e.target.value)} />
          </label>
          {agreement}
          <button type="button" className="primary" onClick={() => void review('ack')}>
            {t('reviewAck')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('cancel')}
          </button>
        </div>
      )}
      {!preview && mode === 'answer' && (
        <div className="form">
          <label className="field">
            {labels.fields.answer}
            <textarea
              rows={5}
              value={answer}
              onChange={(e) => setAnswer(e.target.value)}
              dir="auto"
              autoComplete="off"
            />
          </label>
          {agreement}
          <button type="button" className="primary" onClick={() => void review('answer')}>
            {t('reviewAnswer')}
          </button>
          <button type="button" onClick={() => setMode('idle')}>
            {t('cancel')}
          </button>
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </section>
  );
}
