/** @jsxRuntime automatic @jsxImportSource react */
// (pragma: tsx runs the bench without the web tsconfig; this keeps the automatic JSX runtime there too)
import type { ChainedEvent, ChainVerification } from '../../shared/cases';
import type { ReactNode } from 'react';
import type { InquiryTemplate, TemplateLabels } from '../../shared/templates';
import { BidiText } from '../components/BidiText';

export type Translate = (key: string, options?: Record<string, unknown>) => string;

/**
 * The timeline of one case: each event in order, with the break of a failed chain marked where it
 * is. Pure (labels and t passed in), so the bench can render 1,000 events with renderToString.
 * A message with a readable template shows its fields in the reader's UI language
 * (`renderStructured`), and the text as received with its language marked.
 */
export function CaseTimeline({
  events,
  verification,
  t,
  labels,
  formatTime,
  renderStructured,
  messageExtra,
  stateName = (code) => code,
}: {
  events: readonly ChainedEvent[];
  verification: ChainVerification | null;
  t: Translate;
  labels: TemplateLabels;
  formatTime: (iso: string) => string;
  renderStructured?: (template: InquiryTemplate) => string;
  /** What the page adds under a message (the delivery state and hand-over of an outgoing one). */
  messageExtra?: (message: Extract<ChainedEvent['body'], { kind: 'message' }>) => ReactNode;
  /** Names a State in the reader's language (UN names); a code alone is never shown where a name fits. */
  stateName?: (code: string) => string;
}) {
  const brokenAt = verification && !verification.intact ? verification.index : -1;
  return (
    <ol className="timeline" aria-label={t('timeline.label')}>
      {events.map((event, index) => {
        const { body } = event;
        let title: string;
        let detail: string | undefined;
        switch (body.kind) {
          case 'opened':
            title = t('event.opened');
            detail = body.subject;
            break;
          case 'message':
            title = t(body.direction === 'out' ? 'event.messageOut' : 'event.messageIn', {
              nature: labels.natures[body.nature],
            });
            detail = body.estimatedResponseHours
              ? t('event.eta', { hours: body.estimatedResponseHours })
              : undefined;
            break;
          case 'status':
            title = t('event.status', { status: t(`status.${body.status}`) });
            detail = body.reason;
            break;
          case 'note':
            title = t('event.note');
            detail = body.text;
            break;
          case 'deadline':
            title = t('event.deadline', { due: formatTime(body.dueAt) });
            detail =
              [body.owedBy ? t(`owedBy.${body.owedBy}`) : '', body.reason ?? '']
                .filter(Boolean)
                .join(' — ') || undefined;
            break;
          case 'consent':
            title = t(body.granted ? 'event.consentGranted' : 'event.consentRefused', {
              party: `${stateName(body.party.state)} (${labels.roles[body.party.role]})`,
            });
            detail = [
              body.thirdParty ?? '',
              body.evidenceMessageId
                ? t('consent.carriedBy', { id: body.evidenceMessageId })
                : t('consent.withoutMessage'),
            ]
              .filter(Boolean)
              .join(' — ');
            break;
          case 'handover':
            title = body.to
              ? t('event.handoverTo', {
                  name: body.to.label ?? body.to.state,
                  role: labels.roles[body.toRole],
                })
              : t('event.handover', { role: labels.roles[body.toRole] });
            detail = body.note;
            break;
          case 'cross-role-confirmed':
            title = t('event.crossRole', { role: labels.roles[body.recipient.role] });
            break;
          case 'exported':
            title = t('event.exported', { format: body.format.toUpperCase() });
            detail = body.thirdParty;
            break;
        }
        return (
          <li
            key={`${index}-${event.hash}`}
            className={`event ${body.kind}${index === brokenAt ? ' broken' : ''}`}
          >
            {index === brokenAt && <strong className="break-marker">{t('chain.breaksHere')}</strong>}
            <time dateTime={body.at}>{formatTime(body.at)}</time> <span className="event-title">{title}</span>
            {detail && (
              <div className="event-detail" dir="auto">
                {detail}
              </div>
            )}
            {body.kind === 'message' && (
              <>
                <div className="event-ref" dir="ltr">
                  {t('event.reference', { id: body.messageId })}
                </div>
                {messageExtra?.(body)}
                {body.structured && renderStructured && (
                  <details className="fields">
                    <summary>{t('event.showFields')}</summary>
                    <pre dir="auto" aria-label={t('event.fieldsLabel')}>
                      {renderStructured(body.structured)}
                    </pre>
                  </details>
                )}
                <details>
                  <summary>
                    {body.textLanguage
                      ? t('event.showTextIn', { language: labels.languageNames[body.textLanguage] })
                      : t('event.showText')}
                  </summary>
                  <pre dir="auto" lang={body.textLanguage}>
                    <BidiText text={body.text} />
                  </pre>
                  {body.rawStructured && <p className="notice">{t('templates:rawKept')}</p>}
                  {body.rawStructured && <pre dir="ltr">{body.rawStructured}</pre>}
                </details>
              </>
            )}
          </li>
        );
      })}
    </ol>
  );
}
