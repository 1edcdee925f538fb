import { describe, expect, it } from 'vitest';
import { UN_LANGUAGES } from '../../../../shared/i18n/languages';
import {
  FIELD_CODES,
  TEMPLATE_LABELS,
  buildAcknowledgement,
  buildTemplate,
  renderTemplateText,
  renderTemplateTexts,
} from '../../../../shared/templates';
import { fullInquiry } from './fixtures';

type Tree = { [key: string]: string | Tree };
const leaves = (tree: Tree, prefix = ''): [string, string][] =>
  Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`),
  );

describe('label tables', () => {
  it('has every label, non-empty, in all six languages, and translated', () => {
    const english = new Map(leaves(TEMPLATE_LABELS.en as unknown as Tree));
    for (const language of UN_LANGUAGES) {
      const table = new Map(leaves(TEMPLATE_LABELS[language] as unknown as Tree));
      expect(
        [...english.keys()].filter((key) => !table.get(key)?.trim()),
        language,
      ).toEqual([]);
      if (language === 'en') continue;
      const copied = [...english].filter(
        ([key, text]) => table.get(key) === text && /\p{Ll}.*\s.*\p{Ll}/u.test(text),
      );
      expect(copied, `${language} copies English`).toEqual([]);
    }
    expect(Object.keys(TEMPLATE_LABELS.en.fields).sort()).toEqual([...FIELD_CODES].sort());
  });
});

describe('rendering a template as text', () => {
  it('shows structured fields in the reader’s language and free text as written, marked with its language', () => {
    const template = fullInquiry();
    const english = renderTemplateText(template, 'en');
    expect(english).toContain('Nature of the communication: Request for information');
    expect(english).toContain('Urgency: Urgent');
    expect(english).toContain('Affected sectors: Health, Energy');
    expect(english).toContain('What happened: Rançongiciel sur des hôpitaux (written in French)');
    expect(english).toContain('IPv4 address: 192.0.2[.]10');
    expect(english).toContain('URL: hxxp://c2[.]example[.]org/x');
    expect(english).toContain('Traffic Light Protocol: TLP:AMBER');
    const russian = renderTemplateText(template, 'ru');
    expect(russian).toContain('Характер сообщения: Запрос информации');
    expect(russian).toContain('Срочность: Срочный');
    const french = renderTemplateText(template, 'fr');
    expect(french).toContain('Description de l’incident: Rançongiciel sur des hôpitaux\n');
    expect(french).not.toContain('rédigé en');
  });

  it('shows missing information as missing', () => {
    const minimal = buildTemplate({
      language: 'en',
      nature: 'notification-activity',
      sender: { name: 'N. Fictional', affiliation: 'MFA', role: 'diplomatic', state: 'XAA' },
    });
    expect(renderTemplateText(minimal, 'en')).toContain('What happened: — not given —');
    expect(renderTemplateText(minimal, 'zh')).toContain('事件经过: —— 未提供 ——');
  });

  it('renders the A §10 statement on acknowledgements, in each language', () => {
    const ack = buildAcknowledgement(
      fullInquiry(),
      { name: 'B. Fictional', affiliation: 'CERT-B', role: 'technical', state: 'XBB' },
      'en',
      { estimatedResponseHours: 72 },
    );
    for (const language of UN_LANGUAGES) {
      expect(renderTemplateText(ack, language)).toContain(TEMPLATE_LABELS[language].statementA10);
    }
    expect(renderTemplateText(ack, 'en')).toContain('Estimated response time: 72 hours');
    expect(renderTemplateText(fullInquiry(), 'en')).not.toContain(TEMPLATE_LABELS.en.statementA10);
  });

  it('watermarks exercises above and below, and renders several languages one after another', () => {
    const text = renderTemplateTexts(fullInquiry({ exercise: true }), ['fr', 'en', 'fr']);
    expect(text.match(/EXERCICE — EXERCICE/g)).toHaveLength(2);
    expect(text.match(/EXERCISE — EXERCISE/g)).toHaveLength(2);
    expect(text.indexOf('Nature de la communication')).toBeLessThan(
      text.indexOf('Nature of the communication'),
    );
  });
});
