import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_PDF_FONTS } from '../support/pdfFonts';
import { buildTrainingPdf } from '../../renderer/training/trainingPdf';
import type { TextDirection } from '../../shared/i18n/languages';

/**
 * The training PDFs (debrief, POC 101 record) follow the reader's language too: in Arabic every line
 * hugs the right margin, also a line written in Latin letters; in English every line starts at the
 * left margin. Word positions as poppler's `pdftotext -bbox` reads them from the page.
 */
const [LEFT, RIGHT] = [56, 595.28 - 56];

const dir = mkdtempSync(join(tmpdir(), 'training-pdf-direction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function edgesOf(direction: TextDirection): Promise<Map<string, { xMin: number; xMax: number }>> {
  const pdf = await buildTrainingPdf({
    title: 'استخلاص دروس التمرين',
    lines: ['POC-101 cert@example.org', 'وحدات الدورة A/78/265'],
    direction,
    fonts: BASE_PDF_FONTS,
  });
  const path = join(dir, `${direction}.pdf`);
  writeFileSync(path, pdf);
  const html = execFileSync('pdftotext', ['-bbox', path, '-']).toString();
  const words = new Map<string, { xMin: number; xMax: number }>();
  for (const [, xMin, xMax, text] of html.matchAll(
    /xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>([^<]*)</g,
  ))
    if (text && !words.has(text)) words.set(text, { xMin: Number(xMin), xMax: Number(xMax) });
  return words;
}

describe('the direction of a training PDF', () => {
  it('puts every line of an Arabic document against the right margin', async () => {
    const words = await edgesOf('rtl');
    // "POC-101 cert@example.org" reads left to right and ends at the right margin.
    expect(words.get('cert@example.org')?.xMax).toBeGreaterThan(RIGHT - 1.5);
  });

  it('starts every line of an English document at the left margin, as before', async () => {
    const words = await edgesOf('ltr');
    const [name, email] = [words.get('POC-101'), words.get('cert@example.org')];
    expect(email?.xMin).toBeLessThan(LEFT + 60);
    expect(name?.xMax).toBeLessThan(email?.xMin ?? 0);
  });
});
