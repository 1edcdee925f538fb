import fontkit from '@pdf-lib/fontkit';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, decodePDFRawStream } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { buildCasePdf } from '../../renderer/cases/casePdf';

/**
 * The fonts inside an exported case PDF must be whole: every glyph drawn has an outline. A WOFF
 * Arabic font once came out of pdf-lib's subsetter with corrupt glyph data (Arabic letters missing on
 * the page while copy-paste still showed them), so this reads every embedded font back with fontkit.
 * The font files are the ones renderer/cases/pdfFonts.ts ships.
 */
const modules = join(import.meta.dirname, '../../node_modules');
const font = (path: string) => new Uint8Array(readFileSync(join(modules, path)));

interface EmbeddedFont {
  name: string;
  glyphs: number;
  withoutOutline: number;
}

async function embeddedFonts(pdf: Uint8Array): Promise<EmbeddedFont[]> {
  const doc = await PDFDocument.load(pdf);
  const fonts: EmbeddedFont[] = [];
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type'))?.toString() !== '/FontDescriptor')
      continue;
    const stream = doc.context.lookup(object.get(PDFName.of('FontFile2')));
    if (!(stream instanceof PDFRawStream)) continue;
    const parsed = fontkit.create(Buffer.from(decodePDFRawStream(stream).decode()));
    let withoutOutline = 0;
    // Glyph 0 is .notdef; reading each path decodes its data and throws when the data is corrupt.
    for (let id = 1; id < parsed.numGlyphs; id++)
      if (parsed.getGlyph(id).path.toSVG() === '') withoutOutline++;
    fonts.push({
      name: object.get(PDFName.of('FontName'))?.toString() ?? '?',
      glyphs: parsed.numGlyphs,
      withoutOutline,
    });
  }
  return fonts;
}

describe('case PDF fonts', () => {
  it('embeds whole glyphs for Arabic (joined forms), Latin and Cyrillic', async () => {
    const pdf = await buildCasePdf({
      title: 'Exchange log (fictional)',
      subtitle: ['case-fictional'],
      reference: 'case-fictional',
      noTlpText: 'TLP not stated',
      pageLabel: (n, total) => `${n} / ${total}`,
      blocks: [
        { kind: 'heading', level: 1, text: 'سجل التبادل — سجل الملف' },
        { kind: 'table', rows: [['الموضوع', 'هجوم فدية على المستشفيات']] },
        { kind: 'paragraph', text: 'Exchange log — case record' },
        { kind: 'list', items: ['Журнал обмена — дело'] },
      ],
      fonts: [
        font('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'),
        font('@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff'),
        font('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
      ],
    });
    const fonts = await embeddedFonts(pdf);
    expect(fonts.map((f) => f.name.replace(/-\d+$/, '')).sort()).toEqual([
      '/NotoSans-Regular',
      '/NotoSans-Regular',
      '/NotoSansArabic-Regular',
    ]);
    const arabic = fonts.find((f) => f.name.startsWith('/NotoSansArabic'));
    // The joined forms of these two lines need well over a dozen distinct glyphs.
    expect(arabic?.glyphs).toBeGreaterThan(15);
    // Only the space has no outline.
    for (const f of fonts) expect(f.withoutOutline, f.name).toBeLessThanOrEqual(1);
  });
});
