import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import i18next, { type TFunction } from 'i18next';
import { describe, expect, it } from 'vitest';
import { BASE_PDF_FONTS } from '../support/pdfFonts';
import { buildCasePdf } from '../../renderer/cases/casePdf';
import { reportBlocks } from '../../renderer/commcheck/reportExport';
import { isolatingFormatter } from '../../renderer/i18n/i18n';
import { campaignReport, type Campaign } from '../../shared/commcheck';

/**
 * The campaign report PDF (issue 13): built with the case PDF layout and fonts, in English and in
 * Arabic; poppler's pdftotext reads back who answered, how fast, and who did not.
 */
const root = join(import.meta.dirname, '../..');
const json = (lng: string, ns: string) =>
  JSON.parse(readFileSync(join(root, 'resources/locales', lng, `${ns}.json`), 'utf8')) as object;

const B = 'B'.repeat(40);
const CAMPAIGN: Campaign = {
  id: 'campaign-fictional01',
  createdAt: '2026-11-02T08:00:00.000Z',
  scope: { kind: 'un-group', group: 'easternEuropean' },
  checks: [
    {
      id: 'check000fictional01',
      pocId: 'pol-tech-b',
      state: 'POL',
      role: 'technical',
      label: 'CERT-B (fictional)',
      fingerprint: B,
      sealedAt: '2026-11-02T08:00:00.000Z',
      reply: {
        messageId: 'reply000fictional01',
        signedAt: '2026-11-02T08:13:30.000Z',
        receivedAt: '2026-11-02T08:15:00.000Z',
        signerFingerprint: B,
      },
    },
    {
      id: 'check000fictional02',
      pocId: 'cze-tech-c',
      state: 'CZE',
      role: 'technical',
      label: 'CERT-C (fictional)',
      fingerprint: 'C'.repeat(40),
      sealedAt: '2026-11-02T08:00:00.000Z',
    },
  ],
  skipped: [],
};

async function pdfFor(language: 'en' | 'ar'): Promise<Uint8Array> {
  const i18n = i18next.createInstance();
  // The app's formatter: names in the sentences arrive isolated (FSI…PDI), as on screen.
  await i18n.use(isolatingFormatter).init({
    lng: language,
    resources: {
      [language]: {
        commcheck: json(language, 'commcheck'),
        directory: json(language, 'directory'),
        messages: json(language, 'messages'),
      },
    },
    interpolation: { escapeValue: false, alwaysFormat: true },
  });
  const t: TFunction<'commcheck'> = i18n.getFixedT(language, 'commcheck');
  const td: TFunction<'directory'> = i18n.getFixedT(language, 'directory');
  const tm: TFunction<'messages'> = i18n.getFixedT(language, 'messages');
  const handed = { handovers: [{ method: 'eml' as const, at: '2026-11-02T08:10:00.000Z' }] };
  const report = campaignReport(
    CAMPAIGN,
    new Map([
      ['check000fictional01', handed],
      ['check000fictional02', handed],
    ]),
    new Date('2026-11-05T00:00:00.000Z'),
  );
  return buildCasePdf({
    title: t('report.title'),
    subtitle: ['2026-11-02'],
    blocks: reportBlocks(report, t, td, tm, language),
    reference: CAMPAIGN.id,
    noTlpText: t('report.tlp'),
    pageLabel: (page, total) => t('report.page', { page, total }),
    fonts: BASE_PDF_FONTS,
  });
}

describe('communication check report PDF', () => {
  it('says who answered, how fast, and who did not (English and Arabic)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'commcheck-pdf-'));
    try {
      writeFileSync(join(dir, 'en.pdf'), await pdfFor('en'));
      const text = execFileSync('pdftotext', ['-layout', join(dir, 'en.pdf'), '-']).toString();
      expect(text).toContain('Communication check report');
      expect(text).toContain('UN regional group: Eastern European States');
      expect(text).toMatch(/CERT-B \(fictional\) — Poland,\s+Round trip: 3 min 30 s \(from hand-over/);
      expect(text).toMatch(/CERT-C \(fictional\) — Czechia,\s+No answer after 48 hours: follow up/);
      const ar = await pdfFor('ar');
      writeFileSync(join(dir, 'ar.pdf'), ar);
      expect(execFileSync('pdfinfo', [join(dir, 'ar.pdf')]).toString()).toMatch(/Pages:\s+1/);
      // The names inserted into the Arabic sentences carry isolate marks; the PDF draws none of
      // them (a character no font has would be drawn as "?").
      const arText = execFileSync('pdftotext', [join(dir, 'ar.pdf'), '-']).toString();
      expect(arText).not.toContain('?');
      if (process.env.COMMCHECK_PDF_OUT) {
        writeFileSync(join(process.env.COMMCHECK_PDF_OUT, 'en.pdf'), await pdfFor('en'));
        writeFileSync(join(process.env.COMMCHECK_PDF_OUT, 'ar.pdf'), ar);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
