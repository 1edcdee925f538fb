// @ts-check
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
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

const noNode = {
  group: NODE_BUILTINS,
  message: 'Node built-ins belong to electron/ or registry/, not here.',
};
const noElectron = pkg(
  'electron',
  'Only electron/ may import electron; use the host contract (shared/host).',
);
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
        context.report({
          node: source,
          message: `${from}/ may not import from ${to}/ (ARCHITECTURE.md: who may import whom).`,
        });
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

/**
 * Feature folders under renderer/ (one per workflow) may depend on each other one way only: when
 * renderer/a imports renderer/b, nothing in renderer/b may import renderer/a (issue 10, "the house
 * stays easy to live in"). Generic pieces live in renderer/components/. An ESLint rule sees one file
 * at a time, so the folder graph is read once from disk (imports of every .ts/.tsx file) and each
 * import is checked against the way back. Fixtures under tests/lint-fixtures/renderer/ form their
 * own tree.
 */

const IMPORT_SPEC = /(?:\bfrom\s*|\bimport\s*\(?\s*)['"](\.{1,2}\/[^'"]+)['"]/g;

/** @type {Map<string, Map<string, Set<string>>>} feature root → feature → features it imports */
const graphs = new Map();

/** @param {string} dir @returns {string[]} */
function sourceFiles(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** The feature of a path under `root`: its first folder there, or '' for a file at the root itself. */
function featureOf(root, path) {
  const parts = relative(root, path).split(sep);
  return parts.length > 1 && parts[0] !== '..' ? (parts[0] ?? '') : '';
}

/** @param {string} root */
function featureGraph(root) {
  let graph = graphs.get(root);
  if (graph) return graph;
  graph = new Map();
  for (const file of sourceFiles(root)) {
    const from = featureOf(root, file);
    if (!from) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT_SPEC)) {
      const to = featureOf(root, resolve(dirname(file), match[1] ?? '.'));
      if (to && to !== from) {
        const targets = graph.get(from) ?? new Set();
        targets.add(to);
        graph.set(from, targets);
      }
    }
  }
  graphs.set(root, graph);
  return graph;
}

/** renderer/ itself, or tests/lint-fixtures/renderer/ for the fixtures. */
function featureRootOf(absolutePath) {
  const parts = relative(ROOT, absolutePath).split(sep);
  if (parts[0] === 'renderer') return join(ROOT, 'renderer');
  if (parts[0] === 'tests' && parts[1] === 'lint-fixtures' && parts[2] === 'renderer')
    return join(ROOT, 'tests/lint-fixtures/renderer');
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
const featureCycles = {
  meta: {
    type: 'problem',
    docs: { description: 'No two feature folders under renderer/ import each other (one-way dependencies).' },
    schema: [],
  },
  create(context) {
    const root = featureRootOf(context.filename);
    if (!root) return {};
    const from = featureOf(root, context.filename);
    if (!from) return {};
    /** @param {any} node */
    const check = (node) => {
      const source = node.source;
      if (
        !source ||
        source.type !== 'Literal' ||
        typeof source.value !== 'string' ||
        !source.value.startsWith('.')
      )
        return;
      const to = featureOf(root, resolve(dirname(context.filename), source.value));
      if (!to || to === from) return;
      if (featureGraph(root).get(to)?.has(from)) {
        context.report({
          node: source,
          message: `renderer/${from} and renderer/${to} import each other: keep the dependency one way (move the shared piece to renderer/components/ or pass it in).`,
        });
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

export const boundaryPlugin = {
  rules: { 'folder-boundaries': folderBoundaries, 'feature-cycles': featureCycles },
};

/** @param {string[]} zones @param {object[]} patterns */
const zone = (zones, patterns) => ({
  files: zones.flatMap((z) => [`${z}/**/*.ts`, `${z}/**/*.tsx`, `tests/lint-fixtures/${z}/**/*.ts`]),
  plugins: { poc: boundaryPlugin },
  rules: { 'no-restricted-imports': ['error', { patterns }], 'poc/folder-boundaries': 'error' },
});

export const boundaryConfigs = [
  zone(['shared'], [noNode, noElectron, noReact, noReactDom, noDexie]),
  zone(['renderer'], [noNode, noElectron]),
  {
    files: ['renderer/**/*.ts', 'renderer/**/*.tsx', 'tests/lint-fixtures/renderer/**/*.ts'],
    plugins: { poc: boundaryPlugin },
    rules: { 'poc/feature-cycles': 'error' },
  },
  zone(['electron'], [pkg('react', 'React belongs to renderer/.'), noDexie]),
  zone(['registry'], [noElectron, pkg('react', 'React belongs to renderer/.'), noDexie]),
];
