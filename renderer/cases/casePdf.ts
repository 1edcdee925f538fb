import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { visualLine } from '../../shared/cases/visualOrder';

/**
 * A readable PDF of a case: plain text lines laid out on A4 pages, with an EXERCISE watermark on
 * every page when the case is an exercise. Fonts are embedded (subset): Noto Sans for Latin and
 * Cyrillic, Noto Sans Arabic, and the Noto Sans SC files covering the Chinese characters present
 * (pdfFonts.ts); each character is drawn with the first font that has it. Lines go through the
 * Unicode bidirectional algorithm (shared/cases/visualOrder.ts) and Arabic runs are shaped by
 * fontkit; right-to-left lines are aligned to the right margin. Known limits: mark positioning
 * (GPOS) is not applied, so some Arabic dots sit slightly off; characters no embedded font covers
 * become "?" — the JSON export keeps every character exactly.
 */
export interface CasePdfInput {
  title: string;
  lines: readonly string[];
  exerciseWatermark?: string;
  fonts: readonly Uint8Array[];
}

const PAGE = { width: 595.28, height: 841.89, margin: 48 };
const SIZE = 10;
const LEADING = 14;

interface Run {
  font: PDFFont;
  text: string;
}

function runsOf(text: string, fonts: readonly PDFFont[], sets: readonly Set<number>[]): Run[] {
  const runs: Run[] = [];
  for (const char of text) {
    const code = char.codePointAt(0) ?? 63;
    let index = sets.findIndex((set) => set.has(code));
    let shown = char;
    if (index < 0) {
      index = 0;
      shown = '?';
    }
    const font = fonts[index] as PDFFont;
    const last = runs[runs.length - 1];
    if (last && last.font === font) last.text += shown;
    else runs.push({ font, text: shown });
  }
  return runs;
}

const widthOf = (runs: readonly Run[]) => runs.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, SIZE), 0);

/** Splits a line into pieces that fit the page width, breaking at spaces where possible. */
function wrap(line: string, fonts: readonly PDFFont[], sets: readonly Set<number>[], maxWidth: number): string[] {
  const fits = (text: string) => widthOf(runsOf(text, fonts, sets)) <= maxWidth;
  const out: string[] = [];
  let current = '';
  for (const word of line.split(/(?<= )/)) {
    const candidate = current + word;
    if (current && !fits(candidate)) {
      out.push(current);
      current = word;
    } else current = candidate;
    while (!fits(current) && [...current].length > 1) {
      const chars = [...current];
      let cut = chars.length - 1;
      while (cut > 1 && !fits(chars.slice(0, cut).join(''))) cut--;
      out.push(chars.slice(0, cut).join(''));
      current = chars.slice(cut).join('');
    }
  }
  out.push(current);
  return out;
}

/** The runs of one wrapped piece, in drawing order, and where the line starts. */
function drawLine(page: PDFPage, piece: string, fonts: readonly PDFFont[], sets: readonly Set<number>[], y: number, maxWidth: number): void {
  const fallback = fonts[0] as PDFFont;
  const { runs, rtl } = visualLine(piece, (code) => sets.findIndex((set) => set.has(code)));
  const drawn = runs.map((run) => (run.font < 0 ? { font: fallback, text: run.text.replace(/[^]/gu, '?') } : { font: fonts[run.font] ?? fallback, text: run.text }));
  const width = drawn.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, SIZE), 0);
  let x = rtl ? PAGE.margin + Math.max(0, maxWidth - width) : PAGE.margin;
  for (const run of drawn) {
    page.drawText(run.text, { x, y, size: SIZE, font: run.font });
    x += run.font.widthOfTextAtSize(run.text, SIZE);
  }
}

function watermark(page: PDFPage, font: PDFFont, text: string): void {
  page.drawText(text, { x: 90, y: 250, size: 40, font, color: rgb(0.85, 0.2, 0.2), opacity: 0.18, rotate: { type: 'degrees', angle: 45 } as never });
}

export async function buildCasePdf(input: CasePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(input.title);
  doc.setProducer('POC Directory Desk');
  const fonts = await Promise.all(input.fonts.map((bytes) => doc.embedFont(bytes, { subset: true })));
  const sets = fonts.map((font) => new Set(font.getCharacterSet()));
  const maxWidth = PAGE.width - 2 * PAGE.margin;
  let page = doc.addPage([PAGE.width, PAGE.height]);
  let y = PAGE.height - PAGE.margin;
  const newPage = () => {
    if (input.exerciseWatermark && fonts[0]) watermark(page, fonts[0], input.exerciseWatermark);
    page = doc.addPage([PAGE.width, PAGE.height]);
    y = PAGE.height - PAGE.margin;
  };
  for (const line of [input.title, '', ...input.lines]) {
    for (const piece of wrap(line, fonts, sets, maxWidth)) {
      if (y < PAGE.margin) newPage();
      drawLine(page, piece, fonts, sets, y, maxWidth);
      y -= LEADING;
    }
  }
  if (input.exerciseWatermark && fonts[0]) watermark(page, fonts[0], input.exerciseWatermark);
  return doc.save();
}
