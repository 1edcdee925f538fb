/**
 * Every date, time, duration and number the UI shows goes through this module, in the UI language
 * and through Intl: the locale decides the hour cycle (24-hour in French, Russian, Spanish, Chinese;
 * 12-hour in English and Arabic) and the digits (Arabic-Indic only where the locale's default
 * numbering system is `arab`). No call site passes a locale of its own, so a screen can never fall
 * back to the browser's "12:36 AM".
 *
 * A time is never shown without its time zone (A §8 pings run on a 48-hour clock across every time
 * zone of the world: "14:00" alone is ambiguous); `utcTitle` gives the UTC form for a hover title.
 */

type Cache<T> = Map<string, T>;
const cache: Cache<Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat> = new Map();

function cached<T extends Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>(
  key: string,
  make: () => T,
): T {
  let value = cache.get(key);
  if (!value) {
    value = make();
    cache.set(key, value);
  }
  return value as T;
}

let zone: { name: string; readAt: number } | null = null;

/**
 * The device's IANA time zone (what "local time" means on this machine). Read again once a minute,
 * not on every call: creating a DateTimeFormat costs more than formatting with a cached one, and a
 * laptop that travels changes zone rarely.
 */
export function localTimeZone(): string {
  const now = Date.now();
  if (!zone || now - zone.readAt > 60_000)
    zone = { name: new Intl.DateTimeFormat().resolvedOptions().timeZone, readAt: now };
  return zone.name;
}

function toDate(value: string | number | Date): Date {
  return value instanceof Date ? value : new Date(value);
}

function dateTimeFormat(language: string, timeZone: string): Intl.DateTimeFormat {
  return cached(
    `dt|${language}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(language, {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        timeZone,
      }),
  );
}

/** "1 déc. 2026, 01:36 UTC+1": date, time and zone in the UI language, in `timeZone` (default: the device's). */
export function formatDateTime(
  value: string | number | Date,
  language: string,
  timeZone = localTimeZone(),
): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  return dateTimeFormat(language, timeZone).format(date);
}

/** The same instant in UTC, for the `title` of a shown time (hover). */
export function utcTitle(value: string | number | Date, language: string): string {
  return formatDateTime(value, language, 'UTC');
}

/** Time of day with zone ("14:05 UTC+1"), for "synced at". */
export function formatTime(
  value: string | number | Date,
  language: string,
  timeZone = localTimeZone(),
): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  return cached(
    `t|${language}|${timeZone}`,
    () =>
      new Intl.DateTimeFormat(language, {
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
        timeZone,
      }),
  ).format(date);
}

/** A calendar date without time ("1 December 2026"), for key creation dates and the like. */
export function formatDate(
  value: string | number | Date,
  language: string,
  timeZone = localTimeZone(),
): string {
  const date = toDate(value);
  if (Number.isNaN(date.getTime())) return '—';
  return cached(
    `d|${language}|${timeZone}`,
    () => new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone }),
  ).format(date);
}

export function formatNumber(value: number, language: string): string {
  return cached(`n|${language}`, () => new Intl.NumberFormat(language)).format(value);
}

const RELATIVE_STEPS: readonly [Intl.RelativeTimeFormatUnit, number][] = [
  ['second', 60],
  ['minute', 60],
  ['hour', 24],
  ['day', 30],
  ['month', 12],
  ['year', Number.POSITIVE_INFINITY],
];

/** "5 minutes ago" / "in 2 hours", relative to `now`, in the UI language. */
export function formatRelative(
  value: string | number | Date,
  language: string,
  now: number = Date.now(),
): string {
  let amount = (toDate(value).getTime() - now) / 1000;
  if (Number.isNaN(amount)) return '—';
  const format = cached(`r|${language}`, () => new Intl.RelativeTimeFormat(language, { numeric: 'auto' }));
  for (const [unit, size] of RELATIVE_STEPS) {
    if (Math.abs(amount) < size) return format.format(Math.round(amount), unit);
    amount /= size;
  }
  return format.format(Math.round(amount), 'year');
}

/** A remaining time as hours and minutes ("47 h 05 min" in the UI language's units), never negative. */
export function formatCountdown(milliseconds: number, language: string): string {
  const totalMinutes = Math.max(0, Math.floor(milliseconds / 60_000));
  const hours = cached(
    `u|${language}|hour`,
    () => new Intl.NumberFormat(language, { style: 'unit', unit: 'hour', unitDisplay: 'short' }),
  );
  const minutes = cached(
    `u|${language}|minute`,
    () =>
      new Intl.NumberFormat(language, {
        style: 'unit',
        unit: 'minute',
        unitDisplay: 'short',
        minimumIntegerDigits: 2,
      }),
  );
  return `${hours.format(Math.floor(totalMinutes / 60))} ${minutes.format(totalMinutes % 60)}`;
}

/** A language's name in the UI language; the tag itself when the platform cannot name it. */
export function languageNamer(uiLanguage: string): (tag: string) => string {
  const names = new Intl.DisplayNames([uiLanguage], { type: 'language', fallback: 'code' });
  return (tag) => {
    try {
      return names.of(tag) ?? tag;
    } catch {
      return tag; // a tag the platform finds malformed is still shown, as written
    }
  };
}

/**
 * A list in the UI language ("French, English and Arabic"). 'conjunction', not 'unit': a Chinese
 * 'unit' list has no separator at all ("法语英语"), a Russian one only spaces.
 */
export function formatList(items: readonly string[], language: string): string {
  return new Intl.ListFormat(language, { type: 'conjunction' }).format(items);
}
