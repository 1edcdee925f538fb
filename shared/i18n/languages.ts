/** The six official languages of the United Nations, in which entries may be written (A §7 a). */
export const UN_LANGUAGES = ['ar', 'zh', 'en', 'fr', 'ru', 'es'] as const;
export type UnLanguage = (typeof UN_LANGUAGES)[number];

export function isUnLanguage(value: string): value is UnLanguage {
  return (UN_LANGUAGES as readonly string[]).includes(value);
}

/** The direction a language's documents and screens are laid out in. */
export type TextDirection = 'ltr' | 'rtl';

export function directionOf(language: UnLanguage): TextDirection {
  return language === 'ar' ? 'rtl' : 'ltr';
}

/** Picks the UI language from an ordered list of OS/browser locales (e.g. navigator.languages). */
export function pickUnLanguage(preferred: readonly string[], fallback: UnLanguage = 'en'): UnLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0] ?? '';
    if (isUnLanguage(base)) return base;
  }
  return fallback;
}
