import type { EntryText, PointOfContact } from '../../shared/directory/model';
import { stateName } from '../../shared/directory/stateNames';
import { directionOf } from '../../shared/i18n/languages';

/** The text to show: the English translation when asked for and present, otherwise the original. */
export function shownText(
  entry: PointOfContact,
  english: boolean,
): { text: EntryText; lang: string; dir: 'rtl' | 'ltr' } {
  if (english && entry.english) return { text: entry.english, lang: 'en', dir: 'ltr' };
  return { text: entry.text, lang: entry.language, dir: directionOf(entry.language) };
}

/** One line naming an entry: person (if any) and entity, then the State in the UI language. */
export function entrySummary(entry: PointOfContact, uiLanguage: string): string {
  const person = entry.text.personName ? `${entry.text.personName} — ` : '';
  return `${person}${entry.text.entity} · ${stateName(entry.state, uiLanguage)}`;
}
