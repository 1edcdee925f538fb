import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BASE_PDF_FONTS, pdfTestFont } from '../support/pdfFonts';
import { buildCasePdf } from '../../renderer/cases/casePdf';

/**
 * The TLP label in the case PDF's header is a black box with the label in it. Each language's
 * "TLP not stated" is rendered with poppler (as a reader sees the page) and the label's ink is found
 * inside the box: the same margin on both sides. The Arabic label once ran out of its box on the
 * right (its first letter, white on white, vanished) and left a wide gap on the left.
 */
const root = join(import.meta.dirname, '../..');

/** The Noto Sans SC files covering `text`'s Han characters (as renderer/cases/pdfFonts.ts picks them). */
function cjkFonts(text: string): Uint8Array[] {
  const ranges = JSON.parse(
    readFileSync(join(root, 'node_modules/@fontsource/noto-sans-sc/unicode.json'), 'utf8'),
  ) as Record<string, string>;
  const han = [...text].map((c) => c.codePointAt(0) ?? 0).filter((cp) => cp >= 0x2e80);
  return Object.entries(ranges)
    .filter(([, spec]) =>
      spec.split(',').some((part) => {
        const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
        const [a, b] = [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
        return han.some((cp) => cp >= a && cp <= b);
      }),
    )
    .map(([key]) =>
      pdfTestFont(`@fontsource/noto-sans-sc/files/noto-sans-sc-${key.slice(1, -1)}-400-normal.woff`),
    );
}

const dir = mkdtempSync(join(tmpdir(), 'case-pdf-header-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** 2 pixels per point: page 1's top band, grey levels 0 (black) to 255 (white). */
const SCALE = 2;
function renderTopBand(
  pdf: Uint8Array,
  name: string,
): { width: number; at: (x: number, y: number) => number } {
  const path = join(dir, `${name}.pdf`);
  writeFileSync(path, pdf);
  execFileSync('pdftoppm', [
    '-gray',
    '-r',
    String(72 * SCALE),
    '-f',
    '1',
    '-l',
    '1',
    '-H',
    '120',
    '-singlefile',
    path,
    join(dir, name),
  ]);
  const pgm = readFileSync(join(dir, `${name}.pgm`));
  const header = /^P5\s+(\d+)\s+(\d+)\s+(\d+)\s/.exec(pgm.subarray(0, 40).toString('latin1'));
  if (!header) throw new Error('not a PGM file');
  const width = Number(header[1]);
  const offset = header[0].length;
  return { width, at: (x, y) => pgm[offset + y * width + x] ?? 255 };
}

/** The black box's and the label ink's left and right edges, in points. */
function labelInBox(image: { width: number; at: (x: number, y: number) => number }) {
  // The box spans 26 to 39 pt from the top of the page (baseline at 36); no letter reaches its top row.
  const [emptyRow, boxTop, boxBottom] = [Math.round(26.5 * SCALE), 27 * SCALE, 39 * SCALE - 1];
  const columns = [...Array(Math.floor(image.width / 2)).keys()];
  const box = columns.filter((x) => image.at(x, emptyRow) < 64);
  const ink = box.filter((x) => {
    for (let y = boxTop; y <= boxBottom; y++) if (image.at(x, y) > 128) return true;
    return false;
  });
  const edges = (xs: number[]) => [Math.min(...xs) / SCALE, (Math.max(...xs) + 1) / SCALE] as const;
  const [boxLeft, boxRight] = edges(box);
  const [inkLeft, inkRight] = edges(ink);
  return { left: inkLeft - boxLeft, right: boxRight - inkRight };
}

const NOT_STATED: Record<string, string> = Object.fromEntries(
  ['en', 'fr', 'es', 'ru', 'zh', 'ar'].map((lng) => [
    lng,
    (
      JSON.parse(readFileSync(join(root, 'resources/locales', lng, 'cases.json'), 'utf8')) as {
        pdf: { noTlp: string };
      }
    ).pdf.noTlp,
  ]),
);

describe('the TLP label in the case PDF header', () => {
  it.each(Object.entries(NOT_STATED))(
    'sits inside its box with even margins (%s)',
    async (lng, noTlpText) => {
      const pdf = await buildCasePdf({
        title: 'Case record (fictional)',
        subtitle: [],
        reference: 'case-fictional',
        noTlpText,
        pageLabel: (n, total) => `${n} / ${total}`,
        blocks: [],
        fonts: [...BASE_PDF_FONTS, ...cjkFonts(noTlpText)],
      });
      const margins = labelInBox(renderTopBand(pdf, lng));
      // 4 pt of padding each side, give or take the letters' side bearings and a pixel of rounding.
      expect(margins.left, `left margin ${margins.left} pt`).toBeGreaterThan(2.5);
      expect(margins.right, `right margin ${margins.right} pt`).toBeGreaterThan(2.5);
      expect(Math.abs(margins.left - margins.right), JSON.stringify(margins)).toBeLessThan(2);
    },
  );
});
