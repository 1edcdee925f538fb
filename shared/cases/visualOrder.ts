import bidiFactory from 'bidi-js';
import { isIsolateMark, PDI, RTL_LETTER } from '../i18n/bidi';
import type { TextDirection } from '../i18n/languages';

/**
 * Lays one line of a case export out for a PDF, which draws glyphs left to right: the Unicode
 * bidirectional algorithm (bidi-js, UAX #9) puts the runs in visual order, so an Arabic sentence
 * with a Latin indicator or digits inside reads correctly. Arabic letters themselves are joined
 * (initial/medial/final forms) and reversed by the font shaper that draws a run (fontkit, through
 * pdf-lib), so a run holding Arabic letters is handed over in logical order; any other right-to-left
 * run (spaces, punctuation in an Arabic sentence) is reversed here, with brackets mirrored.
 */

let bidi: ReturnType<typeof bidiFactory> | undefined;
const engine = () => (bidi ??= bidiFactory());

export interface VisualRun {
  /** The text to draw, in the order the PDF's text drawing expects it. */
  text: string;
  /** Index of the font that draws it (from `fontOf`; -1 when no font has the character). */
  font: number;
}

export interface VisualLine {
  runs: VisualRun[];
  /** The line's base direction is right to left: align it to the right margin. */
  rtl: boolean;
}

/**
 * Technical values that mix Latin letters, digits and '-' or ':' (UTC timestamps, CVE ids,
 * "sha256:…") become left-to-right isolates: inside an Arabic sentence "2026-11-24T06:12:50Z" must
 * keep its order instead of being split at its weak characters. Plain numbers and addresses
 * ("192.0.2.10") are left to the algorithm, which already keeps them whole.
 */
const TECHNICAL = /[0-9A-Za-z][0-9A-Za-z.:+\-_/@#[\]]*/g;
const LRI = '\u2066';

/** Defanged indicators (A §11 technical data as CERTs share it): 192.0.2[.]10, cert[@]example[.]org. */
const DEFANGED = /\[[.:@]\]/;

export interface TextSegment {
  text: string;
  /** A technical value, to be laid out left to right as one piece whatever the line's direction. */
  technical: boolean;
}

/**
 * Technical values are isolated left to right inside a line: a defanged address, whose brackets
 * would otherwise split it ("192.0.2[.]10" once read "10[.]192.0.2" in an Arabic PDF), and a value
 * mixing digits, letters and "-" or ":" (fingerprints, IPv6, case references). A single "." or ":"
 * ending the token is the sentence's, not the value's: it stays outside, on the line's side. The PDF
 * isolates them with LRI…PDI; the screen with dir="ltr" (renderer/components/BidiText.tsx).
 */
export function technicalSegments(line: string): TextSegment[] {
  const segments: TextSegment[] = [];
  let plain = '';
  let from = 0;
  for (const match of line.matchAll(TECHNICAL)) {
    const token = match[0];
    plain += line.slice(from, match.index);
    from = match.index + token.length;
    const technical =
      DEFANGED.test(token) || (/\d/.test(token) && /[A-Za-z]/.test(token) && /[-:]/.test(token));
    if (!technical) {
      plain += token;
      continue;
    }
    const trailing = /(?<![.:])[.:]$/.test(token) ? token.slice(-1) : '';
    if (plain) segments.push({ text: plain, technical: false });
    segments.push({ text: token.slice(0, token.length - trailing.length), technical: true });
    plain = trailing;
  }
  plain += line.slice(from);
  if (plain) segments.push({ text: plain, technical: false });
  return segments;
}

function isolateTechnical(line: string): string {
  return technicalSegments(line)
    .map(({ text, technical }) => (technical ? `${LRI}${text}${PDI}` : text))
    .join('');
}

/**
 * The base direction shared by the lines a block of text wraps into, in a document laid out in
 * `document`'s direction. In a right-to-left document a block holding right-to-left letters reads
 * right to left as a whole, also when it opens with a Latin name ("CERT-A, مصر") or its second line
 * with a case reference; a block without such letters (an e-mail address, a hash, a message written
 * in English) reads left to right. Undefined: each line takes the direction of its first strong
 * letter, as in a left-to-right document.
 */
export function baseDirection(text: string, document: TextDirection): TextDirection | undefined {
  return document === 'rtl' && RTL_LETTER.test(text) ? 'rtl' : undefined;
}

/** `base` sets the line's base direction; without it the line's first strong letter decides. */
export function visualLine(
  input: string,
  fontOf: (codePoint: number) => number,
  base?: TextDirection,
): VisualLine {
  if (!input) return { runs: [], rtl: base === 'rtl' };
  const line = isolateTechnical(input);
  const b = engine();
  const embedding = b.getEmbeddingLevels(line, base);
  const order = Array.from({ length: line.length }, (_, i) => i);
  for (const [start = 0, end = -1] of b.getReorderSegments(line, embedding)) {
    const slice = order.slice(start, end + 1).reverse();
    order.splice(start, slice.length, ...slice);
  }
  const fontAt = (i: number): number => {
    const code = line.codePointAt(i) ?? 0;
    // A low surrogate belongs to the character that starts one code unit before it.
    if (code >= 0xdc00 && code <= 0xdfff && i > 0) return fontOf(line.codePointAt(i - 1) ?? 0);
    return fontOf(code);
  };
  const groups: { font: number; odd: boolean; indices: number[] }[] = [];
  for (const i of order) {
    if (isIsolateMark(line[i])) continue; // invisible; no font draws them
    const font = fontAt(i);
    const odd = ((embedding.levels[i] ?? 0) & 1) === 1;
    const last = groups[groups.length - 1];
    if (last && last.font === font && last.odd === odd) last.indices.push(i);
    else groups.push({ font, odd, indices: [i] });
  }
  const runs = groups.map(({ font, odd, indices }): VisualRun => {
    const logical = [...indices]
      .sort((x, y) => x - y)
      .map((i) => line[i] ?? '')
      .join('');
    // A shaper reverses right-to-left letters on its own.
    if (!odd || RTL_LETTER.test(logical)) return { text: logical, font };
    const mirrored = [...logical].map((char) => b.getMirroredCharacter(char) ?? char);
    return { text: mirrored.reverse().join(''), font };
  });
  return { runs, rtl: ((embedding.paragraphs[0]?.level ?? 0) & 1) === 1 };
}
