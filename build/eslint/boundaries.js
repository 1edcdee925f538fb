// @ts-check
import { dirname, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
/**
 * Import boundaries from ARCHITECTURE.md ("The parts and who may import whom").
 * A wrong import fails `npm run lint`; tests/unit/lint/boundaries.test.ts proves it on fixture files
 * under tests/lint-fixtures/<zone>/, which the same rules cover.
 */

const NODE_BUILTINS = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'child_process',
  'crypto',
  'http',
  'https',
  'net',
  'url',
  'stream',
  'worker_threads',
  'util',
  'events',
  'buffer',
];

/** @param {string} name @param {string} why */
const pkg = (name, why) => ({ group: [name, `${name}/*`], message: why });

const noNode = { group: NODE_BUILTINS, message: 'Node built-ins belong to electron/ or registry/, not here.' };
const noElectron = pkg('electron', 'Only electron/ may import electron; use the host contract (shared/host).');
const noReact = pkg('react', 'shared/ is pure domain code; React belongs to renderer/.');
const noReactDom = pkg('react-dom', 'shared/ is pure domain code; React belongs to renderer/.');
const noDexie = pkg('dexie', 'Dexie belongs to renderer/; shared/ takes a store interface instead.');
/**
 * Folder boundaries need the import resolved against the importing file (a relative '../registry/x'
 * from shared/sync is shared/registry, not the top-level registry/ server), which
 * no-restricted-imports cannot do; this small rule does.
 */
const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const FORBIDDEN_FOLDERS = {
  shared: ['renderer', 'electron', 'registry'],
  renderer: ['electron', 'registry'],
  electron: ['renderer', 'registry'],
  registry: ['renderer', 'electron'],
};

/** The zone of a file: its top-level folder, or for lint fixtures tests/lint-fixtures/<zone>/. */
function zoneOf(absolutePath) {
  const parts = relative(ROOT, absolutePath).split(sep);
  if (parts[0] === 'tests' && parts[1] === 'lint-fixtures') return parts[2] ?? '';
  return parts[0] ?? '';
}

/** @type {import('eslint').Rule.RuleModule} */
const folderBoundaries = {
  meta: {
    type: 'problem',
    docs: { description: 'Enforce who may import whom between top-level folders (ARCHITECTURE.md).' },
    schema: [],
  },
  create(context) {
    const from = zoneOf(context.filename);
    const forbidden = FORBIDDEN_FOLDERS[/** @type {keyof typeof FORBIDDEN_FOLDERS} */ (from)] ?? [];
    /** @param {any} node */
    const check = (node) => {
      const source = node.source;
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      if (!source.value.startsWith('.')) return;
      const to = zoneOf(resolve(dirname(context.filename), source.value));
      if (forbidden.includes(to)) {
        context.report({ node: source, message: `${from}/ may not import from ${to}/ (ARCHITECTURE.md: who may import whom).` });
      }
    };
    return {
      ImportDeclaration: check,
      ExportNamedDeclaration: check,
      ExportAllDeclaration: check,
      ImportExpression: check,
    };
  },
};

export const boundaryPlugin = { rules: { 'folder-boundaries': folderBoundaries } };

/** @param {string[]} zones @param {object[]} patterns */
const zone = (zones, patterns) => ({
  files: zones.flatMap((z) => [`${z}/**/*.ts`, `${z}/**/*.tsx`, `tests/lint-fixtures/${z}/**/*.ts`]),
  plugins: { poc: boundaryPlugin },
  rules: { 'no-restricted-imports': ['error', { patterns }], 'poc/folder-boundaries': 'error' },
});

export const boundaryConfigs = [
  zone(['shared'], [noNode, noElectron, noReact, noReactDom, noDexie]),
  zone(['renderer'], [noNode, noElectron]),
  zone(['electron'], [pkg('react', 'React belongs to renderer/.'), noDexie]),
  zone(['registry'], [noElectron, pkg('react', 'React belongs to renderer/.'), noDexie]),
];
