import type { TFunction } from 'i18next';

/** Translated text for a sync or registry error code, with a fallback for a code we do not know. */
export function syncErrorText(t: TFunction<'sync'>, code: string): string {
  return t(`errors.${code}`, { defaultValue: t('errors.unknown') });
}
