import { isUnLanguage, type UnLanguage } from '../../shared/i18n/languages';

export const uiLanguage = (language: string): UnLanguage => (isUnLanguage(language) ? language : 'en');

/** Scenario time as T+hh:mm. */
export function scenarioClock(minutes: number): string {
  const whole = Math.floor(minutes);
  return `T+${String(Math.floor(whole / 60)).padStart(2, '0')}:${String(whole % 60).padStart(2, '0')}`;
}
