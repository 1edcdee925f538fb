import type { Indicator, IndicatorParse, IndicatorProblem } from './indicatorModel';
import { normaliseIpv4, normaliseIpv6, parsePrefix } from './ipAddress';

/**
 * Technical data pasted by an analyst: validated, normalised, and never silently dropped — every
 * token comes back either as an indicator or as a problem the form shows next to it.
 * Defanged forms are accepted (hxxp://, [.], (.), [dot], [:], [@], [at]) and stored refanged: the
 * message is encrypted, and the receiving app defangs again wherever it shows them as text.
 */

const DEFANG_RULES: [RegExp, string][] = [
  [/^hxxp(s?):\/\//i, 'http$1://'],
  [/^fxp:\/\//i, 'ftp://'],
  [/\[\.\]|\(\.\)|\{\.\}|\[dot\]|\(dot\)/gi, '.'],
  [/\[:\]/g, ':'],
  [/\[@\]|\[at\]|\(at\)/gi, '@'],
  [/\[\/\/\]/g, '//'],
];

export function refang(input: string): { text: string; defanged: boolean } {
  let text = input.trim();
  for (const [pattern, replacement] of DEFANG_RULES) text = text.replace(pattern, replacement);
  return { text, defanged: text !== input.trim() };
}

/** For display as plain text (rendered messages, PDF): links cannot be clicked by accident. */
export function defang(indicator: Indicator): string {
  switch (indicator.kind) {
    case 'url':
      return indicator.value
        .replace(/^http/i, 'hxxp')
        .replace(/:\/\/[^/?#]*/, (host) => host.replace(/\./g, '[.]'));
    case 'domain':
    case 'email':
    case 'ipv4':
    case 'ipv4-cidr':
      return indicator.value.replace(/\.(?=[^.]*$)/, '[.]');
    default:
      return indicator.value;
  }
}

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;

/** Lower-cased, IDNs in their punycode (xn--) form, trailing dot removed. */
export function normaliseDomain(text: string): string | null {
  const candidate = text.replace(/\.$/, '');
  if (!candidate.includes('.') || candidate.length > 253 || /[\s/@:?#[\]]/.test(candidate)) return null;
  let ascii: string;
  try {
    ascii = new URL(`http://${candidate}`).hostname;
  } catch {
    return null;
  }
  const labels = ascii.split('.');
  if (!labels.every((label) => LABEL.test(label))) return null;
  const tld = labels[labels.length - 1] ?? '';
  if (!/^([a-z]{2,63}|xn--[a-z0-9-]{1,59})$/.test(tld)) return null;
  return ascii;
}

function parseUrl(text: string): Indicator | IndicatorProblem {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'url';
  }
  if (!['http:', 'https:', 'ftp:'].includes(url.protocol)) return 'url';
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const hostOk = normaliseDomain(host) ?? normaliseIpv4(host) ?? normaliseIpv6(host);
  return hostOk ? { kind: 'url', value: url.href } : 'url';
}

function parseEmail(text: string): Indicator | IndicatorProblem {
  const at = text.lastIndexOf('@');
  const local = text.slice(0, at);
  const domain = normaliseDomain(text.slice(at + 1));
  if (
    !domain ||
    !/^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}$/.test(local) ||
    local.startsWith('.') ||
    local.endsWith('.') ||
    local.includes('..')
  ) {
    return 'email';
  }
  return { kind: 'email', value: `${local}@${domain}` };
}

function parseIp(text: string): Indicator | IndicatorProblem | null {
  const [address = '', prefix, extra] = text.split('/');
  if (extra !== undefined) return null;
  if (/^[\d.]+$/.test(address) && address.split('.').length === 4) {
    const v4 = normaliseIpv4(address);
    if (!v4) return 'ipv4';
    if (prefix === undefined) return { kind: 'ipv4', value: v4 };
    const bits = parsePrefix(prefix, 32);
    return bits === null ? 'cidr-prefix' : { kind: 'ipv4-cidr', value: `${v4}/${bits}` };
  }
  if (address.includes(':') && /^\[?[0-9A-Fa-f:.]+\]?$/.test(address)) {
    const v6 = normaliseIpv6(address.replace(/^\[|\]$/g, ''));
    if (!v6) return 'ipv6';
    if (prefix === undefined) return { kind: 'ipv6', value: v6 };
    const bits = parsePrefix(prefix, 128);
    return bits === null ? 'cidr-prefix' : { kind: 'ipv6-cidr', value: `${v6}/${bits}` };
  }
  return null;
}

const ISO_DATE_TIME = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?/;

function parseTimestamp(text: string): Indicator | IndicatorProblem {
  const match = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?)(Z|[+-]\d{2}:?\d{2})?$/i.exec(
    text,
  );
  if (!match) return 'timestamp';
  const [, date, time, zone] = match;
  if (!zone) return 'timestamp-without-zone';
  const offset =
    zone.toUpperCase() === 'Z' ? 'Z' : zone.length === 5 ? `${zone.slice(0, 3)}:${zone.slice(3)}` : zone;
  const fraction = /\.(\d+)$/.exec(time ?? '');
  const ms = Date.parse(
    `${date}T${(time ?? '').replace(/\.\d+$/, '')}${fraction ? `.${fraction[1]?.slice(0, 3).padEnd(3, '0')}` : ''}${offset}`,
  );
  if (Number.isNaN(ms)) return 'timestamp';
  return { kind: 'timestamp', value: new Date(ms).toISOString() };
}

function classify(text: string): Indicator | IndicatorProblem {
  if (ISO_DATE_TIME.test(text)) return parseTimestamp(text);
  if (/^cve-/i.test(text)) {
    return /^cve-\d{4}-\d{4,}$/i.test(text) ? { kind: 'cve', value: text.toUpperCase() } : 'cve';
  }
  const asn = /^as(?:n)?\s?(\d{1,10})$/i.exec(text);
  if (asn) {
    const number = Number(asn[1]);
    return number <= 4_294_967_295 ? { kind: 'asn', value: `AS${number}` } : 'asn-range';
  }
  if (/^[0-9a-f]+$/i.test(text)) {
    const kind = ({ 32: 'md5', 40: 'sha1', 64: 'sha256' } as const)[text.length as 32 | 40 | 64];
    if (kind) return { kind, value: text.toLowerCase() };
  }
  const ip = parseIp(text);
  if (ip) return ip;
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return parseUrl(text);
  if (text.includes('@')) return parseEmail(text);
  if (/^[\d./]+$/.test(text) && text.includes('.')) return 'ipv4';
  return normaliseDomain(text)
    ? { kind: 'domain', value: normaliseDomain(text) ?? text }
    : text.includes('.')
      ? 'domain'
      : 'unrecognised';
}

export function parseIndicator(input: string): IndicatorParse {
  const { text, defanged } = refang(input);
  const result = classify(text);
  return typeof result === 'string'
    ? { ok: false, input, problem: result }
    : { ok: true, input, indicator: result, defanged };
}

/**
 * Splits pasted text on white space, commas and semicolons (timestamps keep their space form
 * "2024-05-01 10:00Z" only when written with T) and parses every token. Duplicates of the same
 * normalised indicator are reported once.
 */
export function parseIndicators(pasted: string): { indicators: Indicator[]; results: IndicatorParse[] } {
  const tokens = pasted.split(/[\s,;]+/).filter((token) => token.length > 0);
  const results = tokens.map(parseIndicator);
  const seen = new Set<string>();
  const indicators: Indicator[] = [];
  for (const result of results) {
    if (!result.ok) continue;
    const key = `${result.indicator.kind}|${result.indicator.value}`;
    if (seen.has(key)) continue;
    seen.add(key);
    indicators.push(result.indicator);
  }
  return { indicators, results };
}
