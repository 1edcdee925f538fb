import { rgb, type PDFPage, type RGB } from 'pdf-lib';
import type { TextDirection } from '../../shared/i18n/languages';
import type { Tlp } from '../../shared/templates';
import { drawDiagonal, drawLine, layOutLine, type LaidOutLine, type PdfFonts as Fonts } from './pdfText';

/**
 * What every page of a case PDF carries around its text: the TLP label in its colour in the header
 * and the footer, the case reference in the header, "n / N" in the footer, rules under the header and
 * over the footer, and the EXERCISE watermark of an exercise. The TLP label stands at the start edge
 * of the document (left, or right in a right-to-left document), the reference and the page number
 * at the other.
 */
export interface PageFrame {
  tlp?: Tlp;
  /** The label's text: "TLP:AMBER", or the "TLP not stated" of the reader's language. */
  tlpText: string;
  reference: string;
  pageLabel: (page: number, total: number) => string;
  exerciseWatermark?: string;
  direction: TextDirection;
}

export const PAGE = { width: 595.28, height: 841.89, margin: 56, top: 70, bottom: 64 };
export const GREY = rgb(0.45, 0.45, 0.45);
export const RULE = rgb(0.7, 0.7, 0.7);
/** FIRST TLP 2.0 colours, printed on black as the standard asks. */
const TLP_COLOURS: Record<Tlp, RGB> = {
  RED: rgb(1, 0.169, 0.169),
  AMBER: rgb(1, 0.753, 0),
  'AMBER+STRICT': rgb(1, 0.753, 0),
  GREEN: rgb(0.2, 1, 0),
  CLEAR: rgb(1, 1, 1),
};

export interface TlpLabelLayout {
  /** The black box, its lower-left corner and size. */
  box: { x: number; y: number; width: number; height: number };
  /** Where the label's text starts (its baseline), in visual order. */
  text: { x: number; y: number };
  line: LaidOutLine;
}

const TLP_SIZE = 9;
const TLP_PAD = 4;

/**
 * The TLP label's box and text, both sized from the one shaped line in visual order; the box starts
 * at `x`, or ends there with `{ endsAt: true }`. The box was once sized from the letters measured one
 * by one, which is wider than joined Arabic letters are: a right-to-left label, aligned right inside
 * that wider box plus padding, ran out of it on the right (white on white, so its first letter
 * vanished) and left a gap on the left.
 */
export function layOutTlpLabel(
  text: string,
  fonts: Fonts,
  x: number,
  y: number,
  options: { endsAt?: boolean } = {},
): TlpLabelLayout {
  const line = layOutLine(text, fonts, TLP_SIZE);
  const width = line.width + 2 * TLP_PAD;
  const left = options.endsAt ? x - width : x;
  return {
    box: { x: left, y: y - 3, width, height: 13 },
    text: { x: left + TLP_PAD, y },
    line,
  };
}

/** The TLP label as the standard prints it: coloured capitals on a black box, at the start edge. */
function drawTlp(page: PDFPage, fonts: Fonts, frame: PageFrame, y: number): void {
  const rtl = frame.direction === 'rtl';
  const label = layOutTlpLabel(frame.tlpText, fonts, rtl ? PAGE.width - PAGE.margin : PAGE.margin, y, {
    endsAt: rtl,
  });
  page.drawRectangle({ ...label.box, color: rgb(0, 0, 0) });
  drawLine(page, label.line, {
    ...label.text,
    size: TLP_SIZE,
    color: frame.tlp ? TLP_COLOURS[frame.tlp] : rgb(1, 1, 1),
  });
}

/** One line at the end edge of the page (right, or left in a right-to-left document), measured as drawn. */
function drawAtEnd(
  page: PDFPage,
  text: string,
  fonts: Fonts,
  at: { direction: TextDirection; y: number; size: number; color?: RGB },
): void {
  const line = layOutLine(text, fonts, at.size);
  const x = at.direction === 'rtl' ? PAGE.margin : PAGE.width - PAGE.margin - line.width;
  drawLine(page, line, { x, y: at.y, size: at.size, color: at.color ?? rgb(0, 0, 0) });
}

export function drawPageFrames(pages: readonly PDFPage[], fonts: Fonts, frame: PageFrame): void {
  const total = pages.length;
  const { direction } = frame;
  pages.forEach((page, index) => {
    const top = PAGE.height - 36;
    drawTlp(page, fonts, frame, top);
    drawAtEnd(page, frame.reference, fonts, { direction, y: top, size: 8.5, color: GREY });
    page.drawLine({
      start: { x: PAGE.margin, y: top - 8 },
      end: { x: PAGE.width - PAGE.margin, y: top - 8 },
      thickness: 0.4,
      color: RULE,
    });
    const bottom = 36;
    page.drawLine({
      start: { x: PAGE.margin, y: bottom + 14 },
      end: { x: PAGE.width - PAGE.margin, y: bottom + 14 },
      thickness: 0.4,
      color: RULE,
    });
    drawTlp(page, fonts, frame, bottom);
    drawAtEnd(page, frame.pageLabel(index + 1, total), fonts, { direction, y: bottom, size: 9 });
    if (frame.exerciseWatermark)
      drawDiagonal(page, frame.exerciseWatermark, fonts, {
        maxSize: 40,
        color: rgb(0.85, 0.2, 0.2),
        opacity: 0.18,
      });
  });
}
