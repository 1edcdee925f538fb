import { describe, expect, it } from 'vitest';
import { base64ToBytes, base64ToText, bytesToBase64, textToBase64 } from '../../../../shared/encoding/base64';

/** Files cross the host boundary as base64: every length, every byte value, large files, exactly. */
describe('base64', () => {
  it('encodes as Node does for every length around the 3-byte groups and the piece size', () => {
    for (const length of [0, 1, 2, 3, 4, 5, 24_575, 24_576, 24_577, 49_152, 100_003]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff);
      const text = bytesToBase64(bytes);
      expect(text).toBe(Buffer.from(bytes).toString('base64'));
      expect(Buffer.from(base64ToBytes(text)).equals(Buffer.from(bytes))).toBe(true);
    }
  });

  it('round-trips text in every script the app writes, and a multi-megabyte file', () => {
    const text = 'Fictional — وهمي · 虚构 · вымышленный · ficticio 🔐\n';
    expect(base64ToText(textToBase64(text))).toBe(text);
    const big = new TextEncoder().encode(text.repeat(60_000));
    expect(big.length).toBeGreaterThan(3_000_000);
    const encoded = bytesToBase64(big);
    expect(encoded).toBe(Buffer.from(big).toString('base64'));
    expect(Buffer.from(base64ToBytes(encoded)).equals(Buffer.from(big))).toBe(true);
  });

  it('refuses text that is not base64', () => {
    expect(() => base64ToBytes('not base64!')).toThrow();
  });
});
