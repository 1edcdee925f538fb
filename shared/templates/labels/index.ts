import type { UnLanguage } from '../../i18n/languages';
import { ar } from './ar';
import { en } from './en';
import { es } from './es';
import { fr } from './fr';
import { ru } from './ru';
import { zh } from './zh';
import type { TemplateLabels } from './types';

export type { TemplateLabels } from './types';

export const TEMPLATE_LABELS: Record<UnLanguage, TemplateLabels> = { ar, en, es, fr, ru, zh };

export function labelsFor(language: UnLanguage): TemplateLabels {
  return TEMPLATE_LABELS[language];
}

/** Fills {name} placeholders. */
export function fill(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
}
