import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
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
