import { caseExportJson, summarizeCase, type CaseExportOptions, type CaseRecord, type ChainVerification } from '../../shared/cases';
import { bytesToBase64 } from '../../shared/encoding/base64';
import type { HostClient } from '../../shared/host/client';
import { labelsFor } from '../../shared/templates';
import type { UnLanguage } from '../../shared/i18n/languages';
import type { Translate } from './CaseTimeline';


/** File names reveal nothing about the case (they may end up in a shared folder or a mail). */
const fileName = (ext: string) => `case-export-${new Date().toISOString().slice(0, 10)}.${ext}`;

export async function saveCaseJson(host: HostClient, record: CaseRecord, verification: ChainVerification, options: CaseExportOptions): Promise<void> {
  const json = caseExportJson(record, verification, options);
  await host.call('files.save', { suggestedName: fileName('json'), mimeType: 'application/json', bytes: bytesToBase64(new TextEncoder().encode(json)) });
}

/** The lines of the PDF: summary, the chain check result, then every event with its text. */
export function caseLines(record: CaseRecord, verification: ChainVerification, t: Translate, language: UnLanguage): string[] {
  const labels = labelsFor(language);
  const summary = summarizeCase(record);
  const lines: string[] = [];
  if (summary?.exercise) lines.push(labels.exerciseWatermark, '');
  lines.push(`${t('pdf.subject')}: ${summary?.subject ?? ''}`);
  lines.push(`${t('pdf.status')}: ${summary ? t(`status.${summary.status}`) : ''}`);
  lines.push(`${t('pdf.counterpart')}: ${summary?.counterpart.state ?? ''} (${summary ? labels.roles[summary.counterpart.role] : ''})`);
  lines.push(`${t('pdf.chain')}: ${verification.intact ? t('chain.intact', { count: verification.count }) : t('chain.broken', { index: verification.index + 1, problem: t(`chain.problem.${verification.problem}`) })}`);
  lines.push(`${t('pdf.head')}: ${record.head?.hash ?? '—'}`, '');
  for (const event of record.events) {
    const { body } = event;
    lines.push(`#${event.seq}  ${body.at}  ${body.kind}  sha256:${event.hash.slice(0, 16)}…`);
    if (body.kind === 'message') lines.push(...body.text.split('\n'));
    else if (body.kind === 'note') lines.push(...body.text.split('\n'));
    else if (body.kind === 'consent') lines.push(`${body.party.state}/${body.party.role}: ${body.granted ? '+' : '−'} ${body.thirdParty ?? ''}`);
    else if (body.kind === 'status') lines.push(t(`status.${body.status}`));
    else if (body.kind === 'deadline') lines.push(`${t('deadline')}: ${body.dueAt}${body.owedBy ? ` — ${t(`owedBy.${body.owedBy}`)}` : ''}${body.reason ? ` — ${body.reason}` : ''}`);
    else if (body.kind === 'handover') lines.push(`${body.to ? t('event.handoverTo', { name: body.to.label ?? body.to.state, role: labels.roles[body.toRole] }) : t('event.handover', { role: labels.roles[body.toRole] })}${body.note ? ` — ${body.note}` : ''}`);
    lines.push('');
  }
  if (summary?.exercise) lines.push(labels.exerciseWatermark);
  return lines;
}

export async function saveCasePdf(host: HostClient, record: CaseRecord, verification: ChainVerification, t: Translate, language: UnLanguage): Promise<void> {
  const [{ buildCasePdf }, { fontsFor }] = await Promise.all([import('./casePdf'), import('./pdfFonts')]);
  const summary = summarizeCase(record);
  const title = t('pdf.title');
  const lines = caseLines(record, verification, t, language);
  const bytes = await buildCasePdf({
    title,
    lines,
    ...(summary?.exercise ? { exerciseWatermark: labelsFor(language).exerciseWatermark } : {}),
    fonts: await fontsFor([title, ...lines].join('\n')),
  });
  await host.call('files.save', { suggestedName: fileName('pdf'), mimeType: 'application/pdf', bytes: bytesToBase64(bytes) });
}
