import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb, type PDFPage } from 'pdf-lib';
import { baseDirection } from '../../shared/cases/visualOrder';
import type { TextDirection } from '../../shared/i18n/languages';
import {
  drawDiagonal,
  drawLine,
  layOutLine,
  lineStart,
  pdfFonts,
  wrapText,
  type PdfFonts as Fonts,
} from '../cases/pdfText';

/**
 * Training PDFs (exercise debrief, POC 101 completion record), A4 text pages. When `exerciseMark` is
 * given it is printed at the top and the bottom of every page and as a diagonal watermark, in the
 * reader's language, with whichever embedded font has its characters (Arabic and Chinese included).
 * Fonts come from the case export's font loader (renderer/cases/pdfFonts.ts, used as is); lines go
 * through the Unicode bidirectional algorithm (shared/cases/visualOrder.ts), right-to-left lines are
 * right-aligned; in a right-to-left document (Arabic) every line is.
 */
export interface TrainingPdfInput {
  title: string;
  lines: readonly string[];
  exerciseMark?: string;
  /** The direction of the reader's language; left to right when not given. */
  direction?: TextDirection;
  fonts: readonly Uint8Array[];
}

const PAGE = { width: 595.28, height: 841.89, margin: 56 };
const SIZE = 10;
const LEADING = 14;

function draw(
  page: PDFPage,
  text: string,
  fonts: Fonts,
  y: number,
  options: {
    size?: number;
    color?: ReturnType<typeof rgb>;
    center?: boolean;
    direction?: TextDirection;
    base?: TextDirection | undefined;
  } = {},
): void {
  const size = options.size ?? SIZE;
  const line = layOutLine(text, fonts, size, options.base);
  const maxWidth = PAGE.width - 2 * PAGE.margin;
  const x = options.center
    ? (PAGE.width - line.width) / 2
    : lineStart(line, { x: PAGE.margin, width: maxWidth }, options.direction ?? 'ltr');
  drawLine(page, line, { x, y, size, ...(options.color ? { color: options.color } : {}) });
}

function markPage(page: PDFPage, mark: string, fonts: Fonts): void {
  const red = rgb(0.7, 0, 0.12);
  draw(page, mark, fonts, PAGE.height - 30, { size: 11, color: red, center: true });
  draw(page, mark, fonts, 20, { size: 11, color: red, center: true });
  drawDiagonal(page, mark, fonts, { maxSize: 44, color: red, opacity: 0.15 });
}

export async function buildTrainingPdf(input: TrainingPdfInput): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(input.title);
  doc.setProducer('POC Directory Desk');
  const list = await Promise.all(input.fonts.map((bytes) => doc.embedFont(bytes, { subset: true })));
  const fonts = pdfFonts(list);
  const maxWidth = PAGE.width - 2 * PAGE.margin;
  const direction = input.direction ?? 'ltr';
  const pages: PDFPage[] = [];
  let page = doc.addPage([PAGE.width, PAGE.height]);
  pages.push(page);
  let y = PAGE.height - PAGE.margin;
  const lines = [input.title, '', ...input.lines];
  for (const [i, line] of lines.entries()) {
    const base = baseDirection(line, direction);
    for (const piece of wrapText(line, fonts, maxWidth, SIZE)) {
      if (y < PAGE.margin) {
        page = doc.addPage([PAGE.width, PAGE.height]);
        pages.push(page);
        y = PAGE.height - PAGE.margin;
      }
      draw(page, piece, fonts, y, { direction, base, ...(i === 0 ? { size: 14 } : {}) });
      y -= i === 0 ? LEADING * 1.5 : LEADING;
    }
  }
  if (input.exerciseMark) for (const p of pages) markPage(p, input.exerciseMark, fonts);
  return doc.save();
}
