import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository root, for tests that read the real font and locale files. */
export const ROOT = join(import.meta.dirname, '../..');

/** A font file from node_modules, as the app embeds it in its PDFs (renderer/cases/pdfFonts.ts). */
export const pdfTestFont = (path: string) => new Uint8Array(readFileSync(join(ROOT, 'node_modules', path)));

/** Noto Sans for Latin and Cyrillic, then Noto Sans Arabic: the fonts every exported PDF embeds. */
export const BASE_PDF_FONTS: readonly Uint8Array[] = [
  pdfTestFont('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'),
  pdfTestFont('@fontsource/noto-sans/files/noto-sans-latin-ext-400-normal.woff'),
  pdfTestFont('@fontsource/noto-sans/files/noto-sans-cyrillic-400-normal.woff'),
  pdfTestFont('@expo-google-fonts/noto-sans-arabic/400Regular/NotoSansArabic_400Regular.ttf'),
];
