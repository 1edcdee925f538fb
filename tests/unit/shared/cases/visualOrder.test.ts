import { describe, expect, it } from 'vitest';
import { baseDirection, visualLine } from '../../../../shared/cases/visualOrder';

/** Font 0: Latin and common punctuation; font 1: Arabic letters; font 2: Chinese; -1: nothing. */
const fontOf = (code: number) =>
  code >= 0x0600 && code <= 0x06ff ? 1 : code >= 0x4e00 && code <= 0x9fff ? 2 : code < 0x250 ? 0 : -1;
const texts = (line: string) => visualLine(line, fontOf).runs.map((r) => r.text);

describe('visual order of a case PDF line', () => {
  it('leaves a left-to-right line as it is', () => {
    expect(visualLine('Urgency: Urgent', fontOf)).toEqual({
      runs: [{ text: 'Urgency: Urgent', font: 0 }],
      rtl: false,
    });
  });

  it('puts the words of an Arabic line right to left, each word in logical order for the shaper', () => {
    // "طبيعة الرسالة" = nature of the message: first word drawn rightmost.
    const line = visualLine('طبيعة الرسالة', fontOf);
    expect(line.rtl).toBe(true);
    expect(line.runs.map((r) => r.text)).toEqual(['الرسالة', ' ', 'طبيعة']);
    expect(line.runs.map((r) => r.font)).toEqual([1, 0, 1]);
  });

  it('keeps digits and a Latin indicator left to right inside an Arabic sentence', () => {
    // "عنوان IP: 192.0.2.10" — the address reads left to right, at the left end of the line.
    expect(texts('عنوان IP 192.0.2.10')).toEqual(['IP 192.0.2.10', ' ', 'عنوان']);
  });

  it('keeps a defanged address whole, and a trailing colon on the sentence side, in an Arabic line', () => {
    // "المؤشر IPv4: 192.0.2[.]10" — the brackets once split the address: it read "10[.]192.0.2".
    const drawn = texts('المؤشر IPv4: 192.0.2[.]10').join('');
    expect(drawn).toContain('192.0.2[.]10');
    expect(drawn).not.toContain('10[.]192');
    // Right to left, the colon that ends "IPv4:" is drawn on its left, before the address.
    expect(drawn.indexOf('192.0.2[.]10')).toBeLessThan(drawn.indexOf(':IPv4'));
    expect(texts('البريد cert[@]example[.]org').join('')).toContain('cert[@]example[.]org');
  });

  it('reverses and mirrors neutral right-to-left runs the shaper would not reverse', () => {
    // "(تجريبي)" — brackets around an Arabic word in an Arabic line.
    expect(texts('نص (تجريبي)')).toEqual(['(', 'تجريبي', ') ', 'نص']);
  });

  it('keeps Chinese text in its own font run, and marks characters no font covers', () => {
    expect(visualLine('紧急 TLP:AMBER', fontOf).runs).toEqual([
      { text: '紧急', font: 2 },
      { text: ' TLP:AMBER', font: 0 },
    ]);
    expect(visualLine('a\u0E01b', fontOf).runs.map((r) => r.font)).toEqual([0, -1, 0]);
  });
});

describe('technical values in a right-to-left line', () => {
  it.each(['2026-11-24T06:12:50.292Z', 'CVE-2024-3094', 'sha256:26f40cb92f6adc2b'])(
    'keeps %s in its own order inside Arabic text',
    (value) => {
      const { runs, rtl } = visualLine(`تاريخ التحرير: ${value}`, () => 0);
      expect(rtl).toBe(true);
      const drawn = runs.map((run) => run.text).join('');
      expect(drawn).toContain(value);
      expect(drawn).not.toMatch(/[\u2066-\u2069]/);
    },
  );
});

describe('the base direction of a line in a right-to-left document', () => {
  it('reads a line holding Arabic right to left, even when it opens with a Latin name', () => {
    expect(baseDirection('CERT-A (fictional), مصر', 'rtl')).toBe('rtl');
    // The Latin name comes first, at the right end of the line.
    expect(texts('CERT-A, مصر').join('')).toBe('CERT-A, مصر');
    expect(visualLine('CERT-A, مصر', fontOf, 'rtl').runs.map((r) => r.text)).toEqual(['مصر', ' ,', 'CERT-A']);
  });

  it('leaves Latin-only lines, and every line of a left-to-right document, to their first strong letter', () => {
    expect(baseDirection('cert@example.org', 'rtl')).toBeUndefined();
    expect(baseDirection('CERT-A (fictional), مصر', 'ltr')).toBeUndefined();
  });
});
