/**
 * A file name from untrusted input (an OpenPGP literal packet, a picked file) made safe for the
 * host's save dialog: no folders, no control or reserved characters, at most 120 characters.
 */
export function safeFileName(name: string | null | undefined, fallback: string): string {
  const base = (name ?? '').split(/[/\\]/).pop() ?? '';
  const cleaned = [...base]
    .filter((c) => c.charCodeAt(0) >= 0x20 && !':*?"<>|'.includes(c))
    .join('')
    .trim()
    .slice(-120);
  return cleaned && cleaned !== '.' && cleaned !== '..' ? cleaned : fallback;
}
