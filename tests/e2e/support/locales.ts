import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { isolateValue } from '../../../shared/i18n/bidi';
import { directionOf, isUnLanguage } from '../../../shared/i18n/languages';

/**
 * The app's own translations, read from resources/locales, so a test drives the UI in any of the
 * six languages by the same keys the app uses (`tr('ar', 'firstrun', 'steps.enrolment')`). Values
 * are put in as the app's i18next formatter puts them (renderer/i18n/i18n.ts): isolated with
 * FSI…PDI where the sentence's direction calls for it, so a test expects exactly what users see.
 */
const ROOT = join(import.meta.dirname, '../../../resources/locales');
type Tree = { [key: string]: string | Tree };
const cache = new Map<string, Tree>();

export function tr(
  language: string,
  namespace: string,
  key: string,
  values: Record<string, string | number> = {},
): string {
  const file = `${language}/${namespace}`;
  let tree = cache.get(file);
  if (!tree) {
    tree = JSON.parse(readFileSync(join(ROOT, language, `${namespace}.json`), 'utf8')) as Tree;
    cache.set(file, tree);
  }
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) node = typeof node === 'object' ? node[part] : undefined;
  if (typeof node !== 'string') throw new Error(`no string ${file}:${key}`);
  const direction = isUnLanguage(language) ? directionOf(language) : 'ltr';
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) =>
    String(isolateValue(values[name] ?? '', direction)),
  );
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
