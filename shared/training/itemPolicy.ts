import { checkEntryText, type TextPolicyCode } from '../directory/textPolicy';
import { UN_LANGUAGES } from '../i18n/languages';
import type { Scenario } from './scenario';

/**
 * What an exercise item may carry before the registry releases it to participants. A §7 b: the
 * registry « n'hébergera pas d'informations confidentielles » — and an exercise is played by real
 * POCs, so its items must be visibly fictional and unclassified:
 * - every text passes the directory's text policy (shared/directory/textPolicy.ts: no bidi
 *   overrides, controls or non-characters that disguise what a reader sees);
 * - no classification or handling marking (CONFIDENTIAL, SECRET, TLP:RED/AMBER…, in the six
 *   languages): such a marking in a scenario means real material was pasted in;
 * - indicators use documentation ranges only (RFC 5737 IPv4, RFC 3849 IPv6) and `example` names
 *   (RFC 2606), so no real address ever circulates as an exercise item.
 */
export type ItemPolicyCode = TextPolicyCode | 'classification-marking' | 'real-address' | 'real-domain';

export interface ItemPolicyViolation {
  code: ItemPolicyCode;
  /** Where: e.g. "injects.2.text.fr" (never the offending text itself). */
  path: string;
}

/**
 * Markings as documents carry them: in capitals (so "a secret key" in prose is not one), TLP red
 * and amber in any case, and the Arabic and Chinese forms as whole words or with their star.
 */
const MARKINGS = [
  /\b(?:TOP SECRET|SECRET|STRICTLY CONFIDENTIAL|CONFIDENTIAL|RESTRICTED)\b/,
  /\bTLP\s*:\s*(?:RED|AMBER(?:\+STRICT)?)\b/i,
  /\b(?:CONFIDENTIEL|DIFFUSION RESTREINTE|SECRET DÉFENSE)\b/u,
  /\b(?:CONFIDENCIAL|RESERVADO)\b/,
  /(?<!\p{L})(?:СОВЕРШЕННО СЕКРЕТНО|СЕКРЕТНО|КОНФИДЕНЦИАЛЬНО|ДСП)(?!\p{L})/u,
  /(?:绝密|机密|秘密)\s*★|内部资料/u,
  /(?<!\p{L})(?:سري للغاية|سري|محظور النشر)(?!\p{L})/u,
];

const IPV4 = /\b(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.\d{1,3}\b/g;
const IPV6 = /(?<![\w:])(?:[0-9a-f]{0,4}:){2,7}[0-9a-f]{0,4}(?![\w:])/gi;
/** A host name, also defanged ("leak-forum[.]example"). */
const DOMAIN = /\b((?:[a-z0-9-]+(?:\.|\[\.\]))+)([a-z]{2,24})\b/gi;

const DOC_V4 = new Set(['192.0.2', '198.51.100', '203.0.113']);

function addressViolation(text: string): ItemPolicyCode | undefined {
  for (const match of text.matchAll(IPV4)) {
    if (!DOC_V4.has(`${match[1]}.${match[2]}.${match[3]}`)) return 'real-address';
  }
  for (const match of text.matchAll(IPV6)) {
    // A clock time ("10:30:00") has neither "::" nor eight groups: not an address.
    if (!match[0].includes('::') && match[0].split(':').length < 8) continue;
    if (!match[0].toLowerCase().startsWith('2001:db8:')) return 'real-address';
  }
  for (const match of text.matchAll(DOMAIN)) {
    const tld = (match[2] ?? '').toLowerCase();
    if (/^\d+$/.test(match[1]?.replace(/\[\.\]|\./g, '') ?? '')) continue;
    if (tld !== 'example' && tld !== 'test' && tld !== 'invalid') return 'real-domain';
  }
  return undefined;
}

function checkText(text: string, path: string, options: { indicator: boolean }): ItemPolicyViolation[] {
  const policy = checkEntryText(text, { multiline: true });
  if (policy) return [{ code: policy.code, path }];
  if (MARKINGS.some((marking) => marking.test(text))) return [{ code: 'classification-marking', path }];
  // Free text may name things in prose ("e.g."); only indicators are held to addresses and names.
  const address = options.indicator ? addressViolation(text) : undefined;
  return address ? [{ code: address, path }] : [];
}

/** Every violation in the items a scenario would release (injects) and in its title and briefing. */
export function checkExerciseItems(scenario: Scenario): ItemPolicyViolation[] {
  const found: ItemPolicyViolation[] = [];
  for (const language of UN_LANGUAGES) {
    found.push(...checkText(scenario.title[language], `title.${language}`, { indicator: false }));
    found.push(...checkText(scenario.briefing[language], `briefing.${language}`, { indicator: false }));
  }
  scenario.injects.forEach((inject, i) => {
    for (const language of UN_LANGUAGES)
      found.push(...checkText(inject.text[language], `injects.${i}.text.${language}`, { indicator: false }));
    inject.indicators?.forEach((indicator, j) =>
      found.push(...checkText(indicator, `injects.${i}.indicators.${j}`, { indicator: true })),
    );
  });
  return found;
}
