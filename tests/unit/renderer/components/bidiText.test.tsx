import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { BidiText } from '../../../../renderer/components/BidiText';

const render = (text: string) => renderToStaticMarkup(<BidiText text={text} />);
const textOf = (html: string) => html.replace(/<[^>]+>/g, '').replaceAll('&amp;', '&');

describe('message text on screen, as an Arabic reader sees it', () => {
  // An Arabic inquiry's indicator lines, as shared/templates/render.ts writes them (fictional data).
  const message =
    'المؤشرات:\n    - عنوان IPv4: 192.0.2[.]10\n    - البريد: cert[@]example[.]org\nالبصمة A1B2-C3D4';

  it('lays each technical value out left to right as one piece, so a defanged address is not split', () => {
    const html = render(message);
    expect(html).toContain('<span dir="ltr">192.0.2[.]10</span>');
    expect(html).toContain('<span dir="ltr">cert[@]example[.]org</span>');
    expect(html).toContain('<span dir="ltr">A1B2-C3D4</span>');
    // The colon ending "IPv4:" is the sentence's: it stays outside, on the line's side.
    expect(html).toContain('<span dir="ltr">IPv4</span>:');
  });

  it('adds no character: the text copied from the screen is the text as sent', () => {
    expect(textOf(render(message))).toBe(message);
    expect(textOf(render('Plain English text, no technical value.'))).toBe(
      'Plain English text, no technical value.',
    );
  });
});
