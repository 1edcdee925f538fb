import latinFont from '@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff?url';
import latinExtFont from '@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff?url';
import cyrillicFont from '@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff?url';
// Arabic needs the TrueType file: pdf-lib's subsetter drops the contextual letter forms (GSUB)
// of a WOFF font, so joined Arabic came out with letters missing.
import arabicFont from '@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf?url';
import cjkRanges from '@fontsource/noto-sans-sc/unicode.json';

/**
 * The fonts a case PDF embeds (each subset to the glyphs used): Noto Sans for Latin and Cyrillic,
 * Noto Sans Arabic, and Noto Sans SC for Chinese. Noto Sans SC comes split by Unicode range into
 * about a hundred files (@fontsource); only the files covering characters that occur in the PDF
 * are fetched, so a Latin-only case loads none of them.
 */
const BASE_FONTS = [latinFont, latinExtFont, cyrillicFont, arabicFont];

const CJK_FILES = import.meta.glob<string>(
  '../../node_modules/@fontsource/noto-sans-sc/files/noto-sans-sc-*-400-normal.woff',
  { query: '?url', import: 'default', eager: true },
);

interface CjkChunk {
  ranges: [number, number][];
  url: string;
}

/** "[4]": "U+1f1e9-1f1f5,U+1f21a" → chunk 4 covering those code points. */
function cjkChunks(): CjkChunk[] {
  const chunks: CjkChunk[] = [];
  for (const [key, spec] of Object.entries<string>(cjkRanges)) {
    const index = /^\[(\d+)\]$/.exec(key)?.[1];
    const url = index
      ? Object.entries(CJK_FILES).find(([path]) =>
          path.endsWith(`/noto-sans-sc-${index}-400-normal.woff`),
        )?.[1]
      : undefined;
    if (!url) continue;
    const ranges = spec.split(',').map((part): [number, number] => {
      const [from = '0', to] = part.trim().replace(/^U\+/i, '').split('-');
      return [Number.parseInt(from, 16), Number.parseInt(to ?? from, 16)];
    });
    chunks.push({ ranges, url });
  }
  return chunks;
}

const fetchBytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

/** Code points the base fonts do not cover well and the CJK files might: Han, kana, CJK punctuation, full-width forms. */
const CJK_CHAR = /[\u2E80-\u9FFF\uF900-\uFAFF\uFE30-\uFE4F\uFF00-\uFFEF\u{20000}-\u{2FA1F}]/u;

/** The font files for a PDF holding `text`: the base fonts, then the CJK files its characters need. */
export async function fontsFor(text: string): Promise<Uint8Array[]> {
  const needed = new Set<number>();
  for (const char of text) if (CJK_CHAR.test(char)) needed.add(char.codePointAt(0) ?? 0);
  const chunks = needed.size
    ? cjkChunks().filter((chunk) =>
        [...needed].some((cp) => chunk.ranges.some(([a, b]) => cp >= a && cp <= b)),
      )
    : [];
  const urls = [...BASE_FONTS, ...chunks.map((chunk) => chunk.url)];
  return Promise.all(urls.map(fetchBytes));
}
