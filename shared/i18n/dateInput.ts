/**
 * Typed date-and-time input in the UI language's order. Chromium's native `datetime-local` shows the
 * browser's locale (`mm/dd/yyyy` even in an Arabic UI), so the app uses a text field labelled with the
 * expected format, written the way Intl writes a date in that language ("31/12/2026 14:30" in
 * French, "12/31/2026, 14:30" in English, "2026/12/31 14:30" in Chinese), and parses it back here.
 *
 * Values cross this module as "wall-clock" strings `YYYY-MM-DDTHH:mm` (what `datetime-local` used to
 * give), so the drafts and forms that stored those keep their data unchanged.
 */

type Field = 'year' | 'month' | 'day' | 'hour' | 'minute';
const FIELDS: readonly Field[] = ['year', 'month', 'day', 'hour', 'minute'];

const SAMPLE = Date.UTC(2026, 11, 31, 14, 30);

function inputFormat(language: string): Intl.DateTimeFormat {
  return new Intl.DateTimeFormat(language, {
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZone: 'UTC',
  });
}

/** The order of the fields as the language writes a date and time. */
function fieldOrder(language: string): Field[] {
  return inputFormat(language)
    .formatToParts(SAMPLE)
    .flatMap((part) => (FIELDS.includes(part.type as Field) ? [part.type as Field] : []));
}

/** The format to show next to the field: a sample date as the language writes it. */
export function dateTimeInputExample(language: string): string {
  return inputFormat(language).format(SAMPLE);
}

/** Writes a wall-clock value (`YYYY-MM-DDTHH:mm`) for the text field; '' when there is none. */
export function formatDateTimeInput(wallClock: string, language: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(wallClock);
  if (!match) return '';
  const [, y, mo, d, h, mi] = match.map(Number);
  return inputFormat(language).format(Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0));
}

/** Arabic-Indic and Extended Arabic-Indic digits read as 0–9: what an Arabic keyboard types. */
function asciiDigits(text: string): string {
  return text.replace(/[\u0660-\u0669\u06f0-\u06f9]/g, (c) => String((c.charCodeAt(0) & 0xf) % 10));
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * Reads what the user typed in the language's field order; any separators are accepted. Returns the
 * wall-clock string, '' for an empty field, or null when the text is not a real date and time.
 */
export function parseDateTimeInput(text: string, language: string): string | null {
  const digits = asciiDigits(text).match(/\d+/g) ?? [];
  if (digits.length === 0) return '';
  // ISO 8601 (what a CERT analyst pastes from a log or a ticket) is read in every language.
  const iso = /^\s*(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2}))?\s*$/.exec(asciiDigits(text));
  const order: readonly Field[] = iso ? ['year', 'month', 'day', 'hour', 'minute'] : fieldOrder(language);
  // A date alone means midnight.
  if (digits.length !== order.length && digits.length !== 3) return null;
  const values: Partial<Record<Field, number>> = { hour: 0, minute: 0 };
  let index = 0;
  for (const field of order) {
    const digitsOfField = digits[index];
    if (digitsOfField === undefined) break;
    if ((field === 'hour' || field === 'minute') && digits.length === 3) break;
    values[field] = Number(digitsOfField);
    index++;
  }
  const { year, month, day, hour = 0, minute = 0 } = values;
  if (year === undefined || month === undefined || day === undefined) return null;
  const fullYear = year < 100 ? 2000 + year : year;
  const date = new Date(Date.UTC(fullYear, month - 1, day, hour, minute));
  const valid =
    date.getUTCFullYear() === fullYear &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day &&
    hour < 24 &&
    minute < 60;
  if (!valid) return null;
  return `${pad(fullYear, 4)}-${pad(month)}-${pad(day)}T${pad(hour)}:${pad(minute)}`;
}
