import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage, type RGB } from 'pdf-lib';
import { baseDirection } from '../../shared/cases/visualOrder';
import type { TextDirection } from '../../shared/i18n/languages';
import type { Tlp } from '../../shared/templates';
import { drawPageFrames, GREY, PAGE, RULE } from './casePdfFrame';
import { drawLine, layOutLine, lineStart, pdfFonts, wrapText, type PdfFonts as Fonts } from './pdfText';

/**
 * A case laid out as a document a ministry would file (issue 10): a title block, then blocks —
 * headings, two-column tables, lists, paragraphs — on A4 pages, with the TLP label in its colour in
 * the header and footer of every page, the case reference, and "n / N" page numbers; an EXERCISE
 * watermark on every page of an exercise. Fonts are embedded (subset): Noto Sans for Latin and
 * Cyrillic, Noto Sans Arabic, and the Noto Sans SC files covering the Chinese characters present
 * (pdfFonts.ts); each character is drawn with the first font that has it. Lines go through the
 * Unicode bidirectional algorithm (shared/cases/visualOrder.ts); right-to-left lines align right,
 * and a right-to-left document (Arabic) is mirrored as a whole (`direction`).
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
  /**
   * The direction of the reader's language. A right-to-left document mirrors the page: tables put
   * the label column on the right, list bullets stand on the right, every line hugs the right margin,
   * the header and footer swap sides. Left to right when not given.
   */
  direction?: TextDirection;
  fonts: readonly Uint8Array[];
}

const SIZE = 10;
const LEADING = 13.5;
const CELL_PAD = 4;
const BULLET_INDENT = 14;

function drawText(
  page: PDFPage,
  text: string,
  fonts: Fonts,
  at: {
    x: number;
    y: number;
    width: number;
    size?: number;
    color?: RGB;
    direction: TextDirection;
    base?: TextDirection | undefined;
  },
): void {
  const size = at.size ?? SIZE;
  const line = layOutLine(text, fonts, size, at.base);
  const x = lineStart(line, at, at.direction);
  drawLine(page, line, { x, y: at.y, size, color: at.color ?? rgb(0, 0, 0) });
}

class Layout {
  pages: PDFPage[] = [];
  y = 0;
  readonly width = PAGE.width - 2 * PAGE.margin;
  constructor(
    private readonly doc: PDFDocument,
    readonly fonts: Fonts,
    readonly direction: TextDirection,
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
  /** The left edge of a box `offset` from the start margin (left, or right when right to left). */
  private column(offset: number, width: number): number {
    return this.direction === 'rtl' ? PAGE.width - PAGE.margin - offset - width : PAGE.margin + offset;
  }
  /** The base direction of the lines `text` wraps into. */
  private base(text: string): TextDirection | undefined {
    return baseDirection(text, this.direction);
  }
  line(
    text: string,
    options: {
      size?: number;
      color?: RGB;
      indent?: number;
      base?: TextDirection | undefined;
      bullet?: boolean;
    } = {},
  ): void {
    const size = options.size ?? SIZE;
    const leading = Math.max(LEADING, size * 1.35);
    const indent = options.indent ?? 0;
    const { direction } = this;
    this.need(leading);
    this.y -= size;
    if (options.bullet)
      drawText(this.page, '•', this.fonts, {
        x: this.column(0, indent),
        y: this.y,
        width: indent,
        direction,
      });
    drawText(this.page, text, this.fonts, {
      x: this.column(indent, this.width - indent),
      y: this.y,
      width: this.width - indent,
      size,
      direction,
      base: options.base,
      ...(options.color ? { color: options.color } : {}),
    });
    this.y -= leading - size;
  }
  block(block: PdfBlock): void {
    switch (block.kind) {
      case 'heading': {
        const size = block.level === 1 ? 14 : 11.5;
        const base = this.base(block.text);
        this.need(size * 1.35 + 3 * LEADING);
        this.y -= block.level === 1 ? 10 : 6;
        for (const piece of wrapText(block.text, this.fonts, this.width, size))
          this.line(piece, { size, base });
        if (block.level === 1)
          this.page.drawLine({
            start: { x: PAGE.margin, y: this.y },
            end: { x: PAGE.margin + this.width, y: this.y },
            thickness: 0.8,
          });
        this.y -= 4;
        break;
      }
      case 'paragraph': {
        const base = this.base(block.text);
        for (const piece of wrapText(block.text, this.fonts, this.width, block.small ? 8.5 : SIZE)) {
          this.line(piece, block.small ? { size: 8.5, color: GREY, base } : { base });
        }
        this.y -= 4;
        break;
      }
      case 'list':
        for (const item of block.items) {
          const base = this.base(item);
          // The bullet stands apart in the indent, at the start margin (the right one when right to
          // left: inside the text, an item that reads left to right, an address, would carry it on
          // its left), and every line of the item starts at the same indent.
          wrapText(item, this.fonts, this.width - BULLET_INDENT, SIZE).forEach((piece, i) =>
            this.line(piece, { indent: BULLET_INDENT, base, bullet: i === 0 }),
          );
        }
        this.y -= 4;
        break;
      case 'table':
        this.table(block.rows);
        break;
    }
  }
  /**
   * Two columns: the label (a third of the width, at the start: left, or right when right to left),
   * the value; rows ruled; a long row continues on the next page.
   */
  private table(rows: readonly (readonly [string, string])[]): void {
    const labelWidth = this.width * 0.34;
    const valueWidth = this.width - labelWidth - 2 * CELL_PAD;
    const { direction } = this;
    const labelBox = {
      x: this.column(CELL_PAD, labelWidth - 2 * CELL_PAD),
      width: labelWidth - 2 * CELL_PAD,
    };
    const valueBox = { x: this.column(labelWidth + CELL_PAD, valueWidth), width: valueWidth };
    for (const [label, value] of rows) {
      const labelLines = wrapText(label, this.fonts, labelBox.width, SIZE);
      const valueLines = wrapText(value, this.fonts, valueBox.width, SIZE);
      const [labelBase, valueBase] = [this.base(label), this.base(value)];
      const count = Math.max(labelLines.length, valueLines.length);
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
        const l = labelLines[i];
        const v = valueLines[i];
        if (l)
          drawText(this.page, l, this.fonts, {
            ...labelBox,
            y: this.y,
            color: GREY,
            direction,
            base: labelBase,
          });
        if (v) drawText(this.page, v, this.fonts, { ...valueBox, y: this.y, direction, base: valueBase });
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

export async function buildCasePdf(input: CasePdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(input.title);
  doc.setSubject(input.reference);
  doc.setProducer('POC Directory Desk');
  const list = await Promise.all(input.fonts.map((bytes) => doc.embedFont(bytes, { subset: true })));
  const fonts = pdfFonts(list);
  const direction = input.direction ?? 'ltr';
  const layout = new Layout(doc, fonts, direction);
  const titleBase = baseDirection(input.title, direction);
  for (const piece of wrapText(input.title, fonts, layout.width, 17))
    layout.line(piece, { size: 17, base: titleBase });
  for (const line of input.subtitle) layout.line(line, { color: GREY, base: baseDirection(line, direction) });
  layout.y -= 6;
  for (const block of input.blocks) layout.block(block);
  drawPageFrames(layout.pages, fonts, {
    ...(input.tlp ? { tlp: input.tlp } : {}),
    tlpText: input.tlp ? `TLP:${input.tlp}` : input.noTlpText,
    reference: input.reference,
    pageLabel: input.pageLabel,
    ...(input.exerciseWatermark ? { exerciseWatermark: input.exerciseWatermark } : {}),
    direction,
  });
  return doc.save();
}
