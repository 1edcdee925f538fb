import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  CaseError,
  consentOf,
  partiesOf,
  partyKey,
  summarizeCase,
  thirdPartyExportCheck,
  type CaseEventBody,
} from '../../shared/cases';
import { stateName } from '../../shared/directory/stateNames';
import { formatDateTime } from '../../shared/i18n/formats';
import { renderTemplateText } from '../../shared/templates';
import { useHost } from '../host/HostContext';
import { useTemplateLabels } from '../components/useTemplateLabels';
import { ResponsePanel } from '../response/ResponsePanel';
import { OutgoingDelivery } from '../outgoing/OutgoingDelivery';
import { useVaultSession } from '../vault/session';
import { DeadlineForm, HandoverForm } from './CaseActions';
import { saveCaseJson, saveCasePdf } from './caseExport';
import { CaseTimeline } from './CaseTimeline';
import { appendToCase } from './store';
import { useCase } from './useCases';
import { PRIVATE_INPUT } from '../components/privateInput';
import { IndicatorExport } from '../indicators/IndicatorExport';
import { useCaseNoteDraft } from './noteDraft';

export function CasePage({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation('cases');
  const { labels, language } = useTemplateLabels();
  const session = useVaultSession();
  const host = useHost();
  const query = useCase(caseId);
  const [note, setNote] = useCaseNoteDraft(caseId);
  const [consentParty, setConsentParty] = useState('');
  const [consentGranted, setConsentGranted] = useState(true);
  const [thirdParty, setThirdParty] = useState('');
  const [consentMessage, setConsentMessage] = useState('');
  const [message, setMessage] = useState<{ kind: 'status' | 'alert'; text: string } | null>(null);
  const time = (iso: string) => formatDateTime(iso, i18n.language);

  if (query.isPending) return <p role="status">{t('loading')}</p>;
  if (!query.data) return <p role="alert">{t('errors.case-not-found')}</p>;
  const { record, verification } = query.data;
  const summary = summarizeCase(record);
  if (!summary) return <p role="alert">{t('errors.not-a-case')}</p>;
  const parties = partiesOf(record);
  const consents = consentOf(record, thirdParty.trim() || undefined);
  /** Received, verified messages of the party chosen: one of them may carry its consent (A §11). */
  const consentCarriers = record.events
    .map((e) => e.body)
    .filter(
      (b) =>
        b.kind === 'message' &&
        b.direction === 'in' &&
        !!b.signerFingerprint &&
        partyKey(b.from) === consentParty,
    )
    .flatMap((b) => (b.kind === 'message' ? [b] : []));

  const append = async (bodies: CaseEventBody[]) => {
    await appendToCase(session, record.id, bodies);
    await query.refetch();
  };
  const now = () => new Date().toISOString();

  const exportAs = async (format: 'json' | 'pdf', audience: 'own-records' | 'third-party') => {
    setMessage(null);
    try {
      const options = {
        audience,
        ...(audience === 'third-party' && thirdParty.trim() ? { thirdParty: thirdParty.trim() } : {}),
      };
      const saved =
        format === 'json'
          ? await saveCaseJson(session, host, record, verification, options)
          : await saveCasePdf(host, record, verification, t, language, options);
      // A cancelled save dialog exported nothing, and the record says nothing was.
      if (saved === 'cancelled') return;
      await append([{ kind: 'exported', at: now(), format, ...options }]);
      const text = { signed: t('exportedSigned'), unsigned: t('exportedUnsigned'), saved: t('exported') }[
        saved
      ];
      setMessage({ kind: saved === 'unsigned' ? 'alert' : 'status', text });
    } catch (error) {
      setMessage({
        kind: 'alert',
        text: t(`errors.${error instanceof CaseError ? error.code : 'export-failed'}`),
      });
    }
  };
  const thirdPartyAllowed = thirdPartyExportCheck(record, thirdParty.trim() || undefined).allowed;

  return (
    <section
      className={`area cases case-page${summary.exercise ? ' exercise' : ''}`}
      aria-labelledby="case-title"
    >
      <p>
        <a href="#/cases">{t('backToList')}</a>
      </p>
      <h2 id="case-title">
        {summary.exercise && <span className="exercise-badge">{t('exercise')}</span>}{' '}
        <span dir="auto">{summary.subject}</span>
      </h2>
      <dl className="case-facts">
        <dt>{t('columns.status')}</dt>
        <dd>{t(`status.${summary.status}`)}</dd>
        <dt>{t('columns.counterpart')}</dt>
        <dd>
          {summary.counterpart.label ?? ''} ({stateName(summary.counterpart.state, i18n.language)},{' '}
          {labels.roles[summary.counterpart.role]})
        </dd>
        {summary.urgency && (
          <>
            <dt>{labels.fields.urgency}</dt>
            <dd>{labels.urgencies[summary.urgency]}</dd>
          </>
        )}
        {summary.tlp && (
          <>
            <dt>TLP</dt>
            <dd>TLP:{summary.tlp}</dd>
          </>
        )}
        {summary.deadline && (
          <>
            <dt>{t('deadline')}</dt>
            <dd>
              {time(summary.deadline.dueAt)} — {t(`deadlineReason.${summary.deadline.reason}`)} (
              {t(`owedBy.${summary.deadline.owedBy}`)})
            </dd>
          </>
        )}
        {summary.handedOverTo && (
          <>
            <dt>{t('handover.fact')}</dt>
            <dd>
              {summary.handedOverTo.label ?? ''} ({stateName(summary.handedOverTo.state, i18n.language)},{' '}
              {labels.roles[summary.handedOverTo.role]})
            </dd>
          </>
        )}
      </dl>
      <p
        role="status"
        className={verification.intact ? 'chain ok' : 'chain broken'}
        aria-label={t('chain.label')}
      >
        {verification.intact
          ? t('chain.intact', { count: verification.count })
          : t('chain.broken', {
              index: verification.index + 1,
              problem: t(`chain.problem.${verification.problem}`),
            })}
      </p>
      {summary.origin === 'incoming' && summary.status !== 'closed' && (
        <ResponsePanel record={record} summary={summary} append={append} />
      )}
      <h3>{t('timeline.title')}</h3>
      <CaseTimeline
        events={record.events}
        verification={verification}
        t={t}
        labels={labels}
        formatTime={time}
        renderStructured={(template) => renderTemplateText(template, language)}
        stateName={(code) => stateName(code, i18n.language)}
        messageExtra={(m) => (m.direction === 'out' ? <OutgoingDelivery messageId={m.messageId} /> : null)}
      />

      <section aria-labelledby="notes-title" className="case-tools">
        <h3 id="notes-title">{t('notes.title')}</h3>
        <label className="field">
          {t('notes.label')}
          <textarea
            rows={3}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            dir="auto"
            {...PRIVATE_INPUT}
          />
        </label>
        <button
          type="button"
          disabled={!note.trim()}
          onClick={() =>
            void append([{ kind: 'note', at: now(), text: note.trim() }]).then(() => setNote(''))
          }
        >
          {t('notes.add')}
        </button>
        <button
          type="button"
          onClick={() =>
            void append([
              { kind: 'status', at: now(), status: summary.status === 'closed' ? 'open' : 'closed' },
            ])
          }
        >
          {summary.status === 'closed' ? t('reopen') : t('close')}
        </button>
      </section>

      {summary.status !== 'closed' && <DeadlineForm append={append} />}
      {summary.counterpart.role !== summary.self.role && !summary.handedOverTo && (
        <HandoverForm summary={summary} append={append} />
      )}

      <section aria-labelledby="consent-title" className="case-tools">
        <h3 id="consent-title">{t('consent.title')}</h3>
        <p className="hint">{t('consent.rule')}</p>
        <ul>
          {consents.map((c) => (
            <li key={partyKey(c.party)}>
              {c.party.label ?? stateName(c.party.state, i18n.language)} (
              {stateName(c.party.state, i18n.language)}, {labels.roles[c.party.role]}):{' '}
              {t(`consent.state.${c.state}`)}
            </li>
          ))}
        </ul>
        <label className="field">
          {t('consent.thirdParty')}
          <input value={thirdParty} onChange={(e) => setThirdParty(e.target.value)} dir="auto" />
        </label>
        <label className="field">
          {t('consent.party')}
          <select value={consentParty} onChange={(e) => setConsentParty(e.target.value)}>
            <option value="">{t('consent.choose')}</option>
            {parties.map((p) => (
              <option key={partyKey(p)} value={partyKey(p)}>
                {p.label ?? stateName(p.state, i18n.language)} ({stateName(p.state, i18n.language)},{' '}
                {labels.roles[p.role]})
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('consent.message')}
          <select value={consentMessage} onChange={(e) => setConsentMessage(e.target.value)}>
            <option value="">{t('consent.withoutMessage')}</option>
            {consentCarriers.map((m) => (
              <option key={m.messageId} value={m.messageId}>
                {time(m.at)} — {m.messageId}
              </option>
            ))}
          </select>
        </label>
        <label className="check">
          <input
            type="checkbox"
            checked={consentGranted}
            onChange={(e) => setConsentGranted(e.target.checked)}
          />{' '}
          {t('consent.granted')}
        </label>
        <button
          type="button"
          disabled={!consentParty}
          onClick={() => {
            const party = parties.find((p) => partyKey(p) === consentParty);
            const carrier = consentCarriers.find((m) => m.messageId === consentMessage);
            if (party) {
              void append([
                {
                  kind: 'consent',
                  at: now(),
                  party,
                  granted: consentGranted,
                  ...(thirdParty.trim() ? { thirdParty: thirdParty.trim() } : {}),
                  // A §11 evidence: the verified message that carried the consent, or none.
                  ...(carrier?.signerFingerprint
                    ? {
                        evidenceMessageId: carrier.messageId,
                        evidenceSignerFingerprint: carrier.signerFingerprint,
                      }
                    : {}),
                },
              ]);
            }
          }}
        >
          {t('consent.record')}
        </button>
      </section>

      <section aria-labelledby="export-title" className="case-tools">
        <h3 id="export-title">{t('export.title')}</h3>
        <button type="button" onClick={() => void exportAs('pdf', 'own-records')}>
          {t('export.pdf')}
        </button>
        <button type="button" onClick={() => void exportAs('json', 'own-records')}>
          {t('export.json')}
        </button>
        <button
          type="button"
          onClick={() => void exportAs('json', 'third-party')}
          aria-describedby="third-party-rule"
        >
          {t('export.thirdParty')}
        </button>
        <button
          type="button"
          onClick={() => void exportAs('pdf', 'third-party')}
          aria-describedby="third-party-rule"
        >
          {t('export.thirdPartyPdf')}
        </button>
        {!thirdPartyAllowed && (
          <p id="third-party-rule" className="hint">
            {t('errors.consent-missing')}
          </p>
        )}
        {message && (
          <p role={message.kind} className={message.kind === 'alert' ? 'error' : 'notice'}>
            {message.text}
          </p>
        )}
      </section>
      <IndicatorExport record={record} />
    </section>
  );
}
