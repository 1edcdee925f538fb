import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The app's own translations, read from resources/locales, so a test drives the UI in any of the
 * six languages by the same keys the app uses (`tr('ar', 'firstrun', 'steps.enrolment')`).
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
  return node.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(values[name] ?? ''));
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
