import { degrees, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { visualLine } from '../../shared/cases/visualOrder';
import { isIsolateMark } from '../../shared/i18n/bidi';
import type { TextDirection } from '../../shared/i18n/languages';

/**
 * Text on a PDF page with several embedded fonts (Latin/Cyrillic, Arabic, Chinese): measuring,
 * wrapping, and drawing one line in visual order. Shared by the case PDF and the training PDFs.
 * A character no font covers is measured and drawn as "?".
 */
export interface PdfFonts {
  list: readonly PDFFont[];
  /** The code points each font of `list` covers, in the same order. */
  sets: readonly Set<number>[];
}

export function pdfFonts(list: readonly PDFFont[]): PdfFonts {
  return { list, sets: list.map((font) => new Set(font.getCharacterSet())) };
}

export function textWidth(text: string, fonts: PdfFonts, size: number): number {
  const fallback = fonts.list[0] as PDFFont;
  let width = 0;
  for (const char of text) {
    if (isIsolateMark(char)) continue;
    const index = fonts.sets.findIndex((set) => set.has(char.codePointAt(0) ?? 63));
    width += (fonts.list[index] ?? fallback).widthOfTextAtSize(index < 0 ? '?' : char, size);
  }
  return width;
}

/** Splits text into lines that fit `maxWidth`, breaking at spaces where possible. */
export function wrapText(text: string, fonts: PdfFonts, maxWidth: number, size: number): string[] {
  const fits = (t: string) => textWidth(t, fonts, size) <= maxWidth;
  const out: string[] = [];
  for (const line of text.split('\n')) {
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
  }
  return out;
}

export interface LaidOutLine {
  runs: { font: PDFFont; text: string }[];
  width: number;
  rtl: boolean;
}

/**
 * One line in visual order (bidi), split into runs of one font each, with its width. `base` is the
 * line's base direction (shared/cases/visualOrder.ts `baseDirection`); without it, its first strong
 * letter decides.
 */
export function layOutLine(text: string, fonts: PdfFonts, size: number, base?: TextDirection): LaidOutLine {
  const fallback = fonts.list[0] as PDFFont;
  const { runs, rtl } = visualLine(text, (code) => fonts.sets.findIndex((set) => set.has(code)), base);
  const drawn = runs.map((run) =>
    run.font < 0
      ? { font: fallback, text: run.text.replace(/[^]/gu, '?') }
      : { font: fonts.list[run.font] ?? fallback, text: run.text },
  );
  const width = drawn.reduce((sum, run) => sum + run.font.widthOfTextAtSize(run.text, size), 0);
  return { runs: drawn, width, rtl };
}

/**
 * Where a line starts in a box `width` wide from `x`: every line of a right-to-left document hugs the
 * box's right edge; in a left-to-right document only a right-to-left line does.
 */
export function lineStart(
  line: LaidOutLine,
  box: { x: number; width: number },
  document: TextDirection,
): number {
  return document === 'rtl' || line.rtl ? box.x + Math.max(0, box.width - line.width) : box.x;
}

export function drawLine(
  page: PDFPage,
  line: LaidOutLine,
  at: { x: number; y: number; size: number; color?: RGB; opacity?: number; angle?: number },
): void {
  // Along the baseline, turned by `angle` degrees about the line's start.
  const radians = ((at.angle ?? 0) * Math.PI) / 180;
  let advance = 0;
  for (const run of line.runs) {
    page.drawText(run.text, {
      x: at.x + advance * Math.cos(radians),
      y: at.y + advance * Math.sin(radians),
      size: at.size,
      font: run.font,
      ...(at.color ? { color: at.color } : {}),
      ...(at.opacity !== undefined ? { opacity: at.opacity } : {}),
      ...(at.angle ? { rotate: degrees(at.angle) } : {}),
    });
    advance += run.font.widthOfTextAtSize(run.text, at.size);
  }
}

/**
 * A watermark along the page's rising diagonal, centred on the page, as large as fits up to
 * `maxSize`: laid out like any line (each script in its own font, Arabic shaped and in visual order).
 */
export function drawDiagonal(
  page: PDFPage,
  text: string,
  fonts: PdfFonts,
  style: { maxSize: number; color: RGB; opacity: number },
): void {
  const { width, height } = page.getSize();
  const length = Math.hypot(width, height) * 0.6;
  const size = Math.min(style.maxSize, length / Math.max(1, layOutLine(text, fonts, 1).width));
  const line = layOutLine(text, fonts, size);
  const half = line.width / 2 / Math.SQRT2; // half the line, along each axis at 45°
  const lift = (size * 0.35) / Math.SQRT2; // half the letters' height, across the baseline
  drawLine(page, line, {
    x: width / 2 - half + lift,
    y: height / 2 - half - lift,
    size,
    color: style.color,
    opacity: style.opacity,
    angle: 45,
  });
}
