import { useTranslation } from 'react-i18next';
import { formatDate, formatDateTime, formatRelative, formatTime, utcTitle } from '../../shared/i18n/formats';

type Style = 'dateTime' | 'date' | 'time' | 'relative';

/**
 * One instant as the UI language writes it, in the device's time zone with the zone named, and the
 * UTC form on hover: every date and time on screen goes through here or shared/i18n/formats.ts.
 */
export function LocalTime({
  at,
  style = 'dateTime',
  now,
}: {
  at: string | number;
  style?: Style;
  now?: number;
}) {
  const { i18n } = useTranslation();
  const language = i18n.language;
  const iso = new Date(at).toISOString();
  let text: string;
  if (style === 'date') text = formatDate(at, language);
  else if (style === 'time') text = formatTime(at, language);
  else if (style === 'relative') text = formatRelative(at, language, now);
  else text = formatDateTime(at, language);
  return (
    <time dateTime={iso} title={utcTitle(at, language)}>
      {text}
    </time>
  );
}

/** The formatters bound to the UI language, for text that is not a <time> element (messages, exports). */
export function useFormats() {
  const { i18n } = useTranslation();
  const language = i18n.language;
  return {
    language,
    dateTime: (at: string | number) => formatDateTime(at, language),
    date: (at: string | number) => formatDate(at, language),
    time: (at: string | number) => formatTime(at, language),
    utc: (at: string | number) => utcTitle(at, language),
    relative: (at: string | number, now?: number) => formatRelative(at, language, now),
  };
}
