import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseRecord, CaseSummary } from '../../shared/cases';
import { buildAcknowledgement, buildTemplate, CHANNELS, type InquiryTemplate, type Sender } from '../../shared/templates';
import { useHost } from '../host/HostContext';
import { loadSenderProfile } from '../inquiry/profile';
import { useTemplateLabels } from '../inquiry/useTemplateLabels';
import { useVaultSession } from '../vault/session';
import { sendResponse } from './sendResponse';
import './response.css';

/**
 * The response procedure of the appendix on a received inquiry:
 * « 1. Fournissez une réponse immédiate … (si possible) ; ou 2. Informez l'interlocuteur que vous
 *   examinerez l'incident … Indiquez le délai de réponse estimé, le cas échéant ; et 3. Convenez du
 *   canal de communication privilégié et de l'agence … qui deviendra l'interlocuteur principal ».
 * A plain acknowledgement of receipt takes two clicks: "Acknowledge receipt", then "Send".
 */
export function ResponsePanel({ record, summary, onSent }: { record: CaseRecord; summary: CaseSummary; onSent: () => void }) {
  const { t } = useTranslation('response');
  const { labels, language } = useTemplateLabels();
  const session = useVaultSession();
  const host = useHost();
  const [mode, setMode] = useState<'idle' | 'ack' | 'answer'>('idle');
  const [hours, setHours] = useState('');
  const [answer, setAnswer] = useState('');
  const [channel, setChannel] = useState('');
  const [leadAgency, setLeadAgency] = useState('');
  const [result, setResult] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const inquiry = [...record.events].reverse().find((e) => e.body.kind === 'message' && e.body.direction === 'in')?.body;
  const inquiryTemplate: Pick<InquiryTemplate, 'id' | 'exercise' | 'tlp'> =
    inquiry?.kind === 'message' ? (inquiry.structured ?? { id: inquiry.messageId, exercise: summary.exercise }) : { id: record.id.replace(/^case-/, ''), exercise: summary.exercise };

  const send = async (kind: 'ack' | 'answer') => {
    setError(null);
    const profile = await loadSenderProfile(session);
    const sender: Sender = { name: profile.name || profile.affiliation, affiliation: profile.affiliation || profile.name, role: summary.self.role, state: summary.self.state, ...(profile.title ? { title: profile.title } : {}) };
    if (!sender.name.trim()) return setError(t('profileMissing'));
    const channelPart = channel || leadAgency ? { channel: { ...(channel ? { preferred: CHANNELS.find((c) => c === channel) } : {}), ...(leadAgency.trim() ? { leadAgency: leadAgency.trim() } : {}) } } : {};
    const eta = Number.parseInt(hours, 10);
    try {
      const template =
        kind === 'ack'
          ? buildAcknowledgement(inquiryTemplate, sender, language, { ...(eta > 0 ? { estimatedResponseHours: eta } : {}), ...channelPart })
          : buildTemplate({ language, exercise: inquiryTemplate.exercise, nature: 'response', sender, references: [inquiryTemplate.id], ...(answer.trim() ? { answer: answer.trim() } : {}), ...(inquiryTemplate.tlp ? { tlp: inquiryTemplate.tlp } : {}), ...channelPart });
      const { sealed } = await sendResponse({ session, host, record, counterpart: summary.counterpart, self: summary.self, template, language });
      setResult(sealed ? t('sent.sealed') : t('sent.recorded'));
      setMode('idle');
      onSent();
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
            <option key={c} value={c}>{labels.channels[c]}</option>
          ))}
        </select>
      </label>
      <label className="field">
        {labels.fields['channel.leadAgency']}
        <input value={leadAgency} onChange={(e) => setLeadAgency(e.target.value)} dir="auto" />
      </label>
    </>
  );

  return (
    <section className="response-panel" aria-labelledby="response-title">
      <h3 id="response-title">{t('title')}</h3>
      {result && <p role="status" className="notice">{result}</p>}
      {mode === 'idle' && (
        <div className="actions">
          <button type="button" onClick={() => setMode('ack')}>{t('acknowledge')}</button>
          <button type="button" onClick={() => setMode('answer')}>{t('answer')}</button>
        </div>
      )}
      {mode === 'ack' && (
        <div className="form">
          <p className="statement">{labels.statementA10}</p>
          <label className="field">
            {t('etaHours')}
            <input type="number" min={1} value={hours} onChange={(e) => setHours(e.target.value)} />
          </label>
          {agreement}
          <button type="button" className="primary" onClick={() => void send('ack')}>{t('sendAck')}</button>
          <button type="button" onClick={() => setMode('idle')}>{t('cancel')}</button>
        </div>
      )}
      {mode === 'answer' && (
        <div className="form">
          <label className="field">
            {labels.fields.answer}
            <textarea rows={5} value={answer} onChange={(e) => setAnswer(e.target.value)} dir="auto" />
          </label>
          {agreement}
          <button type="button" className="primary" onClick={() => void send('answer')}>{t('sendAnswer')}</button>
          <button type="button" onClick={() => setMode('idle')}>{t('cancel')}</button>
        </div>
      )}
      {error && <p role="alert" className="error">{error}</p>}
    </section>
  );
}
