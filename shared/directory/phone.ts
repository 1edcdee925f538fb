import { getCountries, Metadata, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { findState } from './states';

/**
 * Telephone numbers are stored in E.164 (+ and digits) so every POC dials the same thing from any
 * country; libphonenumber-js (Google's numbering metadata, "max" set to check number validity, not
 * just length) parses what people type: spaces, dots, brackets, national trunk prefixes, "00".
 */
export class PhoneNumberError extends Error {
  readonly code = 'invalid-phone';
  constructor(readonly input: string) {
    super('invalid-phone');
    this.name = 'PhoneNumberError';
  }
}

/**
 * Normalises a number to E.164. `state` (ISO alpha-3) lets a national number without "+" be read
 * in that State's numbering plan. Throws PhoneNumberError when the number is not a valid one.
 */
export function normalisePhone(input: string, state?: string): string {
  const trimmed = input.trim().replace(/^00(?=\d)/, '+');
  const country = state ? (findState(state)?.alpha2 as CountryCode | undefined) : undefined;
  const parsed = parsePhoneNumberFromString(trimmed, country ? { defaultCountry: country } : undefined);
  if (!parsed?.isValid()) throw new PhoneNumberError(input);
  return parsed.number;
}

/** Formats an E.164 number for reading (international format with spaces), or returns it unchanged. */
export function formatPhone(e164: string): string {
  return parsePhoneNumberFromString(e164)?.formatInternational() ?? e164;
}

let dialPrefixes: { national: string[]; international: string[] } | null = null;

/** A numbering plan's national (trunk) prefix; read through a guard because the typings omit it. */
function nationalPrefixOf(plan: unknown): string | undefined {
  if (
    typeof plan !== 'object' ||
    plan === null ||
    !('nationalPrefix' in plan) ||
    typeof plan.nationalPrefix !== 'function'
  )
    return undefined;
  const prefix: unknown = Reflect.apply(plan.nationalPrefix, plan, []);
  return typeof prefix === 'string' && prefix ? prefix : undefined;
}

/**
 * Every trunk prefix ("0" in most States, "8" in the Russian Federation, "1", "06") and every
 * international call prefix ("00", "011", "810"…) in libphonenumber's numbering plans, longest first.
 */
function knownDialPrefixes(): { national: string[]; international: string[] } {
  if (dialPrefixes) return dialPrefixes;
  const national = new Set<string>();
  const international = new Set<string>();
  const metadata = new Metadata();
  for (const country of getCountries()) {
    metadata.selectNumberingPlan(country);
    const trunk = nationalPrefixOf(metadata.numberingPlan);
    if (trunk) national.add(trunk);
    const idd = metadata.numberingPlan?.defaultIDDPrefix() ?? metadata.numberingPlan?.IDDPrefix();
    if (idd && /^\d+$/.test(idd)) international.add(idd);
  }
  const byLength = (a: string, b: string) => b.length - a.length;
  dialPrefixes = { national: [...national].sort(byLength), international: [...international].sort(byLength) };
  return dialPrefixes;
}

/**
 * What a run of digits typed in the search box may mean as a telephone number: itself (part of a
 * number: "2345705"), a national number with its trunk prefix ("0612345705" → "612345705", found
 * as the end of +33 6 12 34 57 05), or an international one dialled with a call prefix
 * ("0033612345705" → "33612345705"). Only runs of ≥ 4 digits: fewer would match nearly anything.
 */
export function phoneQueryRuns(digits: string): string[] {
  if (!/^\d{4,}$/.test(digits)) return [];
  const runs = new Set([digits]);
  const { national, international } = knownDialPrefixes();
  for (const prefix of [...international, ...national]) {
    if (digits.startsWith(prefix) && digits.length - prefix.length >= 4)
      runs.add(digits.slice(prefix.length));
  }
  return [...runs];
}
