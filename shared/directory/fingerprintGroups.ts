/**
 * A fingerprint grouped for reading aloud over the telephone: blocks of four hex digits, five blocks
 * per line (GnuPG's layout for v4 keys: "EA52 5DB7 64B2 CDFD 6158  CAAC F3B8 376B EFDF 1730").
 */
export function fingerprintGroups(fingerprint: string): string[][] {
  const hex = fingerprint.replace(/\s+/g, '').toUpperCase();
  const blocks = hex.match(/.{1,4}/g) ?? [];
  const lines: string[][] = [];
  for (let i = 0; i < blocks.length; i += 5) lines.push(blocks.slice(i, i + 5));
  return lines;
}
