import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib';
import {
  drawLine,
  layOutLine,
  pdfFonts,
  wrapText,
  type LaidOutLine,
  type PdfFonts as Fonts,
} from './pdfText';
import type { Tlp } from '../../shared/templates';

/**
 * A case laid out as a document a ministry would file (issue 10): a title block, then blocks —
 * headings, two-column tables, lists, paragraphs — on A4 pages, with the TLP label in its colour in
 * the header and footer of every page, the case reference, and "n / N" page numbers; an EXERCISE
 * watermark on every page of an exercise. Fonts are embedded (subset): Noto Sans for Latin and
 * Cyrillic, Noto Sans Arabic, and the Noto Sans SC files covering the Chinese characters present
 * (pdfFonts.ts); each character is drawn with the first font that has it. Lines go through the
 * Unicode bidirectional algorithm (shared/cases/visualOrder.ts); right-to-left lines align right.
 * Known limits: pdf-lib writes no structure tree, so the PDF is not tagged (README); Arabic mark
 * positioning (GPOS) is not applied; characters no embedded font covers become "?" — the JSON
 * export keeps every character exactly.
 */
export type PdfBlock =
  | { kind: 'heading'; text: string; level: 1 | 2 }
  | { kind: 'table'; rows: readonly (readonly [string, string])[] }
  | { kind: 'list'; items: readonly string[] }
  | { kind: 'paragraph'; text: string; small?: boolean };

export interface CasePdfInput {
  title: string;
  /** Lines under the title (case reference, export date). */
  subtitle: readonly string[];
  blocks: readonly PdfBlock[];
  /** The case reference repeated in every page header. */
  reference: string;
  tlp?: Tlp;
  /** Shown in the header/footer when no TLP was given (e.g. "TLP not stated"). */
  noTlpText: string;
  pageLabel: (page: number, total: number) => string;
  exerciseWatermark?: string;
  fonts: readonly Uint8Array[];
}

const PAGE = { width: 595.28, height: 841.89, margin: 56, top: 70, bottom: 64 };
const SIZE = 10;
const LEADING = 13.5;
const CELL_PAD = 4;
/** FIRST TLP 2.0 colours, printed on black as the standard asks. */
const TLP_COLOURS: Record<Tlp, RGB> = {
  RED: rgb(1, 0.169, 0.169),
  AMBER: rgb(1, 0.753, 0),
  'AMBER+STRICT': rgb(1, 0.753, 0),
  GREEN: rgb(0.2, 1, 0),
  CLEAR: rgb(1, 1, 1),
};
const GREY = rgb(0.45, 0.45, 0.45);
const RULE = rgb(0.7, 0.7, 0.7);

function drawText(
  page: PDFPage,
  text: string,
  fonts: Fonts,
  at: { x: number; y: number; width: number; size?: number; color?: RGB },
): void {
  const size = at.size ?? SIZE;
  const line = layOutLine(text, fonts, size);
  const x = line.rtl ? at.x + Math.max(0, at.width - line.width) : at.x;
  drawLine(page, line, { x, y: at.y, size, color: at.color ?? rgb(0, 0, 0) });
}

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
 * The TLP label's box and text, both sized from the one shaped line in visual order. The box was
 * once sized from the letters measured one by one, which is wider than joined Arabic letters are:
 * a right-to-left label, aligned right inside that wider box plus padding, ran out of it on the
 * right (white on white, so its first letter vanished) and left a gap on the left.
 */
export function layOutTlpLabel(text: string, fonts: Fonts, x: number, y: number): TlpLabelLayout {
  const line = layOutLine(text, fonts, TLP_SIZE);
  return {
    box: { x, y: y - 3, width: line.width + 2 * TLP_PAD, height: 13 },
    text: { x: x + TLP_PAD, y },
    line,
  };
}

/** The TLP label as the standard prints it: coloured capitals on a black box. */
function drawTlp(
  page: PDFPage,
  fonts: Fonts,
  text: string,
  tlp: Tlp | undefined,
  x: number,
  y: number,
): void {
  const label = layOutTlpLabel(text, fonts, x, y);
  page.drawRectangle({ ...label.box, color: rgb(0, 0, 0) });
  drawLine(page, label.line, {
    ...label.text,
    size: TLP_SIZE,
    color: tlp ? TLP_COLOURS[tlp] : rgb(1, 1, 1),
  });
}

/** One line ending at `right` (the page's header and footer), measured as drawn. */
function drawEndingAt(
  page: PDFPage,
  text: string,
  fonts: Fonts,
  at: { right: number; y: number; size: number; color?: RGB },
): void {
  const line = layOutLine(text, fonts, at.size);
  drawLine(page, line, { x: at.right - line.width, y: at.y, size: at.size, color: at.color ?? rgb(0, 0, 0) });
}

class Layout {
  pages: PDFPage[] = [];
  y = 0;
  readonly width = PAGE.width - 2 * PAGE.margin;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
  ) {
    this.newPage();
  }
  get page(): PDFPage {
    return this.pages[this.pages.length - 1] as PDFPage;
  }
  newPage(): void {
    this.pages.push(this.doc.addPage([PAGE.width, PAGE.height]));
    this.y = PAGE.height - PAGE.top;
  }
  /** Starts a new page when `height` does not fit on this one. */
  need(height: number): void {
    if (this.y - height < PAGE.bottom) this.newPage();
  }
  line(text: string, options: { size?: number; color?: RGB; indent?: number } = {}): void {
    const size = options.size ?? SIZE;
    const leading = Math.max(LEADING, size * 1.35);
    this.need(leading);
    this.y -= size;
    drawText(this.page, text, this.fonts, {
      x: PAGE.margin + (options.indent ?? 0),
      y: this.y,
      width: this.width - (options.indent ?? 0),
      size,
      ...(options.color ? { color: options.color } : {}),
    });
    this.y -= leading - size;
  }
  block(block: PdfBlock): void {
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 1 ? 14 : 11.5;
        this.need(size * 1.35 + 3 * LEADING);
        this.y -= block.level === 1 ? 10 : 6;
        for (const piece of wrapText(block.text, this.fonts, this.width, size)) this.line(piece, { size });
        if (block.level === 1)
          this.page.drawLine({
            start: { x: PAGE.margin, y: this.y },
            end: { x: PAGE.margin + this.width, y: this.y },
            thickness: 0.8,
          });
        this.y -= 4;
        break;
      }
      case 'paragraph':
        for (const piece of wrapText(block.text, this.fonts, this.width, block.small ? 8.5 : SIZE)) {
          this.line(piece, block.small ? { size: 8.5, color: GREY } : {});
        }
        this.y -= 4;
        break;
      case 'list':
        for (const item of block.items) {
          wrapText(item, this.fonts, this.width - 14, SIZE).forEach((piece, i) =>
            this.line(i === 0 ? `•  ${piece}` : piece, { indent: i === 0 ? 0 : 14 }),
          );
        }
        this.y -= 4;
        break;
      case 'table':
        this.table(block.rows);
        break;
    }
  }
  /** Two columns: the label (a third of the width), the value; rows ruled; a long row continues on the next page. */
  private table(rows: readonly (readonly [string, string])[]): void {
    const labelWidth = this.width * 0.34;
    const valueWidth = this.width - labelWidth - 2 * CELL_PAD;
    for (const [label, value] of rows) {
      const left = wrapText(label, this.fonts, labelWidth - 2 * CELL_PAD, SIZE);
      const right = wrapText(value, this.fonts, valueWidth, SIZE);
      const count = Math.max(left.length, right.length);
      this.need(Math.min(count, 3) * LEADING + 2 * CELL_PAD);
      this.page.drawLine({
        start: { x: PAGE.margin, y: this.y },
        end: { x: PAGE.margin + this.width, y: this.y },
        thickness: 0.4,
        color: RULE,
      });
      this.y -= CELL_PAD;
      for (let i = 0; i < count; i++) {
        if (this.y - LEADING < PAGE.bottom) {
          this.newPage();
        }
        this.y -= SIZE;
        const l = left[i];
        const r = right[i];
        if (l)
          drawText(this.page, l, this.fonts, {
            x: PAGE.margin + CELL_PAD,
            y: this.y,
            width: labelWidth - 2 * CELL_PAD,
            color: GREY,
          });
        if (r)
          drawText(this.page, r, this.fonts, {
            x: PAGE.margin + labelWidth + CELL_PAD,
            y: this.y,
            width: valueWidth,
          });
        this.y -= LEADING - SIZE;
      }
      this.y -= CELL_PAD;
    }
    this.page.drawLine({
      start: { x: PAGE.margin, y: this.y },
      end: { x: PAGE.margin + this.width, y: this.y },
      thickness: 0.4,
      color: RULE,
    });
    this.y -= 8;
  }
}

function decorate(input: CasePdfInput, layout: Layout): void {
  const { fonts } = layout;
  const total = layout.pages.length;
  const tlpText = input.tlp ? `TLP:${input.tlp}` : input.noTlpText;
  layout.pages.forEach((page, index) => {
    const top = PAGE.height - 36;
    drawTlp(page, fonts, tlpText, input.tlp, PAGE.margin, top);
    drawEndingAt(page, input.reference, fonts, {
      right: PAGE.width - PAGE.margin,
      y: top,
      size: 8.5,
      color: GREY,
    });
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
    drawTlp(page, fonts, tlpText, input.tlp, PAGE.margin, bottom);
    const number = input.pageLabel(index + 1, total);
    drawEndingAt(page, number, fonts, { right: PAGE.width - PAGE.margin, y: bottom, size: 9 });
    if (input.exerciseWatermark && fonts.list[0]) {
      page.drawText(input.exerciseWatermark, {
        x: 90,
        y: 250,
        size: 40,
        font: fonts.list[0],
        color: rgb(0.85, 0.2, 0.2),
        opacity: 0.18,
        rotate: { type: 'degrees', angle: 45 } as never,
      });
    }
  });
}

export async function buildCasePdf(input: CasePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(input.title);
  doc.setSubject(input.reference);
  doc.setProducer('POC Directory Desk');
  const list = await Promise.all(input.fonts.map((bytes) => doc.embedFont(bytes, { subset: true })));
  const fonts = pdfFonts(list);
  const layout = new Layout(doc, fonts);
  for (const piece of wrapText(input.title, fonts, layout.width, 17)) layout.line(piece, { size: 17 });
  for (const line of input.subtitle) layout.line(line, { color: GREY });
  layout.y -= 6;
  for (const block of input.blocks) layout.block(block);
  decorate(input, layout);
  return doc.save();
}
