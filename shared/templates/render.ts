import type { UnLanguage } from '../i18n/languages';
import { defang } from './indicators';
import { fill, labelsFor, type TemplateLabels } from './labels';
import { fieldsFor, fieldValue, missingFields, type FieldCode, type InquiryTemplate } from './model';

/**
 * The human-readable text of a template in one language: every field the nature asks for, with its
 * translated label; enumerations translated; free text as written, with its language marked when it
 * differs from the reader's; missing information shown as missing; the A §10 statement on every
 * acknowledgement; an EXERCISE watermark above and below when the message is an exercise.
 */
const FREE_TEXT: ReadonlySet<FieldCode> = new Set([
  'sender.name',
  'sender.title',
  'sender.affiliation',
  'contact.other',
  'urgencyReason',
  'incident.summary',
  'incident.impact',
  'request',
  'channel.details',
  'channel.leadAgency',
  'answer',
]);

function formatValue(
  template: InquiryTemplate,
  code: FieldCode,
  value: unknown,
  labels: TemplateLabels,
  reader: UnLanguage,
): string {
  switch (code) {
    case 'nature':
      return labels.natures[template.nature];
    case 'sender.role':
      return labels.roles[template.sender.role];
    case 'urgency':
      return template.urgency ? labels.urgencies[template.urgency] : '';
    case 'incident.status':
      return template.incident?.status ? labels.incidentStatuses[template.incident.status] : '';
    case 'incident.sectors':
      return (template.incident?.sectors ?? []).map((sector) => labels.sectors[sector]).join(', ');
    case 'channel.preferred':
      return template.channel?.preferred ? labels.channels[template.channel.preferred] : '';
    case 'thirdPartySharing':
      return template.thirdPartySharing ? labels.thirdPartySharing[template.thirdPartySharing] : '';
    case 'tlp':
      return template.tlp ? `TLP:${template.tlp}` : '';
    case 'estimatedResponseHours':
      return template.estimatedResponseHours
        ? fill(labels.hours, { hours: template.estimatedResponseHours })
        : '';
    case 'references':
      return (template.references ?? []).join(', ');
    case 'indicators':
      return (template.indicators ?? [])
        .map((indicator) => `\n    - ${labels.indicatorKinds[indicator.kind]}: ${defang(indicator)}`)
        .join('');
    default: {
      const text = typeof value === 'string' ? value : '';
      if (FREE_TEXT.has(code) && text && template.language !== reader) {
        return `${text} ${fill(labels.writtenIn, { language: labels.languageNames[template.language] })}`;
      }
      return text;
    }
  }
}

export function renderTemplateText(template: InquiryTemplate, language: UnLanguage): string {
  const labels = labelsFor(language);
  const lines: string[] = [];
  if (template.exercise) lines.push(`*** ${labels.exerciseWatermark} ***`, '');
  lines.push(labels.documentTitle, `${labels.natures[template.nature]}`, '');
  lines.push(`${labels.messageId}: ${template.id}`, `${labels.createdAt}: ${template.createdAt}`);
  lines.push(fill(labels.templateVersion, { version: template.version }), '');
  const missing = new Set(missingFields(template));
  for (const code of fieldsFor(template.nature)) {
    const value = fieldValue(template, code);
    const shown = missing.has(code) ? labels.notGiven : formatValue(template, code, value, labels, language);
    lines.push(`${labels.fields[code]}: ${shown}`);
  }
  if (template.nature === 'acknowledgement' || template.statement) lines.push('', labels.statementA10);
  if (template.exercise) lines.push('', `*** ${labels.exerciseWatermark} ***`);
  return lines.join('\n');
}

/** The text in several languages (e.g. the sender's and English), one after the other. */
export function renderTemplateTexts(template: InquiryTemplate, languages: readonly UnLanguage[]): string {
  const unique = [...new Set(languages)];
  return unique
    .map((language) => renderTemplateText(template, language))
    .join('\n\n' + '='.repeat(60) + '\n\n');
}

/**
 * The fields of a template as label/value rows in the reader's language (the case PDF's two-column
 * table), indicators as separate list items, and the A §10 statement when the message carries it.
 */
export function templateFieldRows(
  template: InquiryTemplate,
  language: UnLanguage,
): { rows: [string, string][]; indicators: string[]; statement?: string } {
  const labels = labelsFor(language);
  const missing = new Set(missingFields(template));
  const rows: [string, string][] = [];
  for (const code of fieldsFor(template.nature)) {
    if (code === 'indicators') continue;
    const value = fieldValue(template, code);
    rows.push([
      labels.fields[code],
      missing.has(code) ? labels.notGiven : formatValue(template, code, value, labels, language),
    ]);
  }
  const indicators = (template.indicators ?? []).map((i) => `${labels.indicatorKinds[i.kind]}: ${defang(i)}`);
  const statement =
    template.nature === 'acknowledgement' || template.statement ? labels.statementA10 : undefined;
  return { rows, indicators, ...(statement ? { statement } : {}) };
}
