import bidiFactory from 'bidi-js';
import { createInstance } from 'i18next';
import { describe, expect, it } from 'vitest';
import { i18nOptions, isolatingFormatter } from '../../../../renderer/i18n/i18n';
import { FSI, isolateValue, PDI } from '../../../../shared/i18n/bidi';

const withoutIsolates = (text: string) => text.replace(/[\u2066-\u2069]/g, '');

const bidi = bidiFactory();

/** The characters of `text` in the order a screen shows them, left to right (UAX #9, unmirrored). */
function shown(text: string, base: 'ltr' | 'rtl'): string {
  const levels = bidi.getEmbeddingLevels(text, base);
  const order = [...text];
  for (const [start = 0, end = -1] of bidi.getReorderSegments(text, levels)) {
    order.splice(start, end - start + 1, ...order.slice(start, end + 1).reverse());
  }
  return withoutIsolates(order.join(''));
}

describe('values inserted into a translated sentence', () => {
  it('are isolated in a right-to-left sentence, and in a left-to-right one only when they hold right-to-left letters', () => {
    expect(isolateValue('CERT-Example (fictional)', 'rtl')).toBe(`${FSI}CERT-Example (fictional)${PDI}`);
    expect(isolateValue('CERT-Example (fictional)', 'ltr')).toBe('CERT-Example (fictional)');
    expect(isolateValue('وزارة الخارجية (وهمية)', 'ltr')).toBe(`${FSI}وزارة الخارجية (وهمية)${PDI}`);
    // Numbers and empty values are left alone; a value is never isolated twice.
    expect(isolateValue(3, 'rtl')).toBe(3);
    expect(isolateValue('', 'rtl')).toBe('');
    expect(isolateValue(`${FSI}x${PDI}`, 'rtl')).toBe(`${FSI}x${PDI}`);
  });

  it('keeps phone numbers and Latin names whole inside an Arabic sentence, as the screen lays them out', () => {
    // Without the marks: "+33 1 23 45 67 89" shows as "89 67 45 23 1 33+", "24/7 Example Watch" as
    // "Example Watch 24/7", "Example Corp." as ".Example Corp": each number or full stop takes the
    // sentence's direction and leaves the value.
    for (const value of ['+33 1 23 45 67 89', '24/7 Example Watch (fictional)', 'Example Corp.']) {
      const sentence = (inserted: string) => `اتصل على ${inserted} الآن`;
      expect(shown(sentence(value), 'rtl')).not.toContain(value);
      expect(shown(sentence(isolateValue(value, 'rtl') as string), 'rtl')).toContain(value);
    }
  });

  it('reach the sentence through the app’s i18next options in Arabic, not in English', async () => {
    const i18n = createInstance();
    await i18n.use(isolatingFormatter).init(i18nOptions('ar'));
    const name = 'CERT-Example (fictional)';
    const ar = i18n.t('sync:item.entry', { entity: name });
    expect(ar).toContain(`${FSI}${name}${PDI}`);
    expect(i18n.t('sync:outboxCount', { count: 2 })).not.toContain(FSI);
    await i18n.changeLanguage('en');
    expect(i18n.t('sync:item.entry', { entity: name })).toBe(`Update of the entry “${name}”`);
  });
});
