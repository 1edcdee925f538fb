import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UN_LANGUAGES } from '../../../shared/i18n/languages';

/**
 * English is the source locale. Every other locale must have every key, non-empty, with the same
 * {{placeholders}}, and translated: a value identical to English is accepted only where a translator
 * would keep it too — codes and acronyms (no lower-case letters: "UTC", "TLP:AMBER", "SHA-256"),
 * product names, and in French/Spanish very short words that coincide ("Version", "Incident", "Total").
 */
const ROOT = join(import.meta.dirname, '../../../resources/locales');
const PRODUCT_NAMES = new Set([
  'POC Directory Desk',
  'OpenPGP',
  'GnuPG',
  'Thunderbird',
  'Electron',
  'Chromium',
]);

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

function load(language: string, namespace: string): Map<string, string> {
  try {
    return flatten(JSON.parse(readFileSync(join(ROOT, language, `${namespace}.json`), 'utf8')) as Tree);
  } catch {
    return new Map();
  }
}

const placeholders = (text: string) =>
  [...text.matchAll(/\{\{\s*([\w.]+)[^}]*\}\}/g)].map((m) => m[1]).sort();

export function identicalIsAcceptable(language: string, value: string): boolean {
  const letters = value.replace(/\{\{[^}]*\}\}/g, '');
  if (!/\p{L}/u.test(letters)) return true; // numbers, punctuation, placeholders only
  if (PRODUCT_NAMES.has(value.trim())) return true;
  if (!/\p{Ll}/u.test(letters)) return true; // codes and acronyms
  if ((language === 'fr' || language === 'es') && value.trim().split(/\s+/).length <= 2 && value.length <= 16)
    return true;
  return false;
}

const namespaces = readdirSync(join(ROOT, 'en'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''));

describe('locales', () => {
  it('has a source locale with namespaces', () => {
    expect(namespaces).toContain('common');
  });

  it('has no namespace file outside English', () => {
    for (const language of UN_LANGUAGES) {
      const extra = readdirSync(join(ROOT, language)).filter(
        (f) => f.endsWith('.json') && !namespaces.includes(f.replace(/\.json$/, '')),
      );
      expect(extra, `${language} has namespaces English lacks`).toEqual([]);
    }
  });

  for (const namespace of namespaces) {
    const source = load('en', namespace);
    for (const language of UN_LANGUAGES.filter((l) => l !== 'en')) {
      it(`${language}/${namespace} has every key, translated`, () => {
        const target = load(language, namespace);
        const missing = [...source.keys()].filter((key) => !target.get(key)?.trim());
        expect(missing, `missing in ${language}/${namespace}`).toEqual([]);
        const extra = [...target.keys()].filter((key) => !source.has(key));
        expect(extra, `keys in ${language}/${namespace} that English lacks`).toEqual([]);
        const untranslated = [...source.entries()]
          .filter(([key, en]) => target.get(key) === en && !identicalIsAcceptable(language, en))
          .map(([key]) => key);
        expect(untranslated, `copied from English in ${language}/${namespace}`).toEqual([]);
        const badPlaceholders = [...source.entries()]
          .filter(
            ([key, en]) =>
              JSON.stringify(placeholders(en)) !== JSON.stringify(placeholders(target.get(key) ?? '')),
          )
          .map(([key]) => key);
        expect(badPlaceholders, `placeholders differ in ${language}/${namespace}`).toEqual([]);
      });
    }
  }
});

describe('the untranslated check', () => {
  it('catches an English sentence left in Russian or French, and accepts codes', () => {
    expect(identicalIsAcceptable('ru', 'Save settings')).toBe(false);
    expect(identicalIsAcceptable('fr', 'This part of the application is not built yet.')).toBe(false);
    expect(identicalIsAcceptable('zh', 'TLP:AMBER+STRICT')).toBe(true);
    expect(identicalIsAcceptable('fr', 'Version')).toBe(true);
  });
});
