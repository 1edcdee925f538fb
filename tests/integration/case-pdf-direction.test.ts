import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_PDF_FONTS } from '../support/pdfFonts';
import { buildCasePdf, type PdfBlock } from '../../renderer/cases/casePdf';
import type { TextDirection } from '../../shared/i18n/languages';

/**
 * An Arabic case PDF is a right-to-left document, not a left-to-right page with right-aligned lines.
 * poppler's `pdftotext -bbox` says where each word ended up on the page, as a reader sees it: in
 * Arabic the label of a table row stands to the right of its value, headings, paragraphs and list
 * items hug the right margin, bullets stand right of their item, the TLP label is on the right and
 * the reference and page number on the left; in English all of it stays as it was. Latin values
 * (a case reference, an e-mail address, a fingerprint) still read left to right inside Arabic lines.
 */
/** A4 with 56 pt margins (renderer/cases/casePdfFrame.ts). */
const LEFT = 56;
const RIGHT = 595.28 - 56;

const dir = mkdtempSync(join(tmpdir(), 'case-pdf-direction-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  /** Half way between the top and the bottom of its box: Arabic and Latin boxes differ in height. */
  middle: number;
}

/** A case PDF of `blocks`, written to disk, and every word pdftotext finds on it with its box. */
async function pdfWords(
  name: string,
  direction: TextDirection,
  blocks: PdfBlock[],
  exerciseWatermark?: string,
): Promise<Word[]> {
  const pdf = await buildCasePdf({
    title: 'CASE-TITLE',
    subtitle: [],
    reference: 'REF-0042',
    tlp: 'AMBER',
    noTlpText: '',
    pageLabel: (n, total) => `${n}/${total}`,
    blocks,
    direction,
    fonts: BASE_PDF_FONTS,
    ...(exerciseWatermark ? { exerciseWatermark } : {}),
  });
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  const html = execFileSync('pdftotext', ['-bbox', path, '-']).toString();
  return [...html.matchAll(/xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</g)].map(
    ([, xMin, yMin, xMax, yMax, text]) => ({
      text: text ?? '',
      xMin: Number(xMin),
      xMax: Number(xMax),
      middle: (Number(yMin) + Number(yMax)) / 2,
    }),
  );
}

async function wordsOf(direction: TextDirection, labels: { email: string; received: string }) {
  const words = await pdfWords(direction, direction, [
    { kind: 'heading', level: 1, text: 'case-2026-0042' },
    {
      kind: 'table',
      rows: [
        [labels.email, 'cert@example.org'],
        [labels.received, 'المرجع case-2026-0042 والبصمة A1B2 C3D4'],
      ],
    },
    { kind: 'paragraph', text: 'Received, we will reply within 24 hours.' },
    {
      kind: 'list',
      items: [
        'soc@example.fr',
        'FIRSTWORD of an item long enough to wrap onto a second line of the list, which then goes on and on until it reaches the CONTINUED word here',
      ],
    },
  ]);
  const word = (text: string, nth = 0): Word => {
    const found = words.filter((w) => w.text === text)[nth];
    if (!found) throw new Error(`"${text}" not on the page: ${words.map((w) => w.text).join(' ')}`);
    return found;
  };
  /** The other words on the line of `of` (its row: the label beside a value). */
  const besides = (of: Word) => words.filter((w) => w !== of && Math.abs(w.middle - of.middle) < 3);
  return { word, besides };
}

describe('the direction of a case PDF', () => {
  it('lays an Arabic document out right to left', async () => {
    const { word, besides } = await wordsOf('rtl', { email: 'البريد الإلكتروني', received: 'مرجع' });
    const email = word('cert@example.org');
    const label = besides(email);
    expect(label.length).toBeGreaterThan(0);
    expect(Math.min(...label.map((w) => w.xMin))).toBeGreaterThan(email.xMax);
    expect(Math.max(...label.map((w) => w.xMax))).toBeCloseTo(RIGHT - 4, 0);
    // Headings, the title and paragraphs hug the right margin, also when they are written in Latin.
    for (const text of ['CASE-TITLE', 'case-2026-0042', 'hours.'])
      expect(word(text).xMax, text).toBeGreaterThan(RIGHT - 1.5);
    // The bullet stands at the right margin, right of its item.
    const bullet = word('•');
    expect(bullet.xMax).toBeGreaterThan(RIGHT - 1.5);
    expect(bullet.xMin).toBeGreaterThan(word('soc@example.fr').xMax);
    // Header and footer: the TLP label on the right, the reference and the page number on the left.
    expect(word('TLP:AMBER').xMax).toBeGreaterThan(RIGHT - 6);
    expect(word('REF-0042').xMin).toBeLessThan(LEFT + 1);
    expect(word('1/1').xMin).toBeLessThan(LEFT + 1);
    // Latin runs inside an Arabic value stay whole and read left to right.
    expect(word('case-2026-0042', 1)).toBeDefined();
    expect(word('A1B2').xMax).toBeLessThan(word('C3D4').xMin);
  });

  it('keeps an English document left to right', async () => {
    const { word, besides } = await wordsOf('ltr', { email: 'E-mail', received: 'Reference' });
    const email = word('cert@example.org');
    expect(besides(email).map((w) => w.text)).toEqual(['E-mail']);
    expect(word('E-mail').xMax).toBeLessThan(email.xMin);
    expect(word('E-mail').xMin).toBeCloseTo(LEFT + 4, 0);
    for (const text of ['CASE-TITLE', 'case-2026-0042', 'Received,'])
      expect(word(text).xMin, text).toBeLessThan(LEFT + 1.5);
    expect(word('•').xMin).toBeLessThan(LEFT + 1.5);
    expect(word('•').xMax).toBeLessThan(word('soc@example.fr').xMin);
    // A hanging indent: the first line of an item and its continuation start at the same place.
    expect(word('soc@example.fr').xMin).toBeCloseTo(LEFT + 14, 0);
    expect(word('FIRSTWORD').xMin).toBeCloseTo(LEFT + 14, 0);
    const continued = word('CONTINUED');
    expect(continued.middle).not.toBeCloseTo(word('FIRSTWORD').middle, 0); // the item did wrap
    const secondLine = [continued, ...besides(continued)];
    expect(Math.min(...secondLine.map((w) => w.xMin))).toBeCloseTo(LEFT + 14, 0);
    expect(word('•', 1).xMin).toBeLessThan(LEFT + 1.5);
    expect(word('TLP:AMBER').xMin).toBeLessThan(LEFT + 6);
    expect(word('REF-0042').xMax).toBeGreaterThan(RIGHT - 1);
    expect(word('1/1').xMax).toBeGreaterThan(RIGHT - 1);
  });

  it("draws the exercise watermark in the reader's script, shaped, across the middle of the page", async () => {
    for (const [direction, watermark, letters] of [
      ['rtl', 'تمرين — تمرين — تمرين', /[\u0600-\u06ff\ufb50-\ufeff]/u],
      ['ltr', 'EXERCISE — EXERCISE — EXERCISE', /[A-Z]/],
    ] as const) {
      // A 45° line comes out of pdftotext in pieces of a glyph or a few.
      const glyphs = (await pdfWords(`watermark-${direction}`, direction, [], watermark))
        .filter((w) => letters.test(w.text) && !['TLP:AMBER', 'REF-0042', 'CASE-TITLE'].includes(w.text))
        .map((w) => ({ text: w.text, x: (w.xMin + w.xMax) / 2, y: w.middle }));
      // Every letter drawn, none replaced by a missing-glyph box.
      const lettersIn = (text: string) => [...text].filter((c) => letters.test(c)).length;
      expect(
        glyphs.reduce((n, g) => n + lettersIn(g.text), 0),
        direction,
      ).toBe(lettersIn(watermark));
      const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
      expect(mean(glyphs.map((g) => g.x))).toBeCloseTo(595.28 / 2, -1.5);
      expect(mean(glyphs.map((g) => g.y))).toBeCloseTo(841.89 / 2, -1.5);
      // Diagonal: from the lower left to the upper right (y grows downwards in pdftotext).
      const first = glyphs.reduce((a, b) => (b.x < a.x ? b : a));
      const last = glyphs.reduce((a, b) => (b.x > a.x ? b : a));
      expect(last.x - first.x).toBeGreaterThan(250);
      expect(first.y - last.y).toBeCloseTo(last.x - first.x, -1.5);
    }
  });
});
