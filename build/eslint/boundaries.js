// @ts-check
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
const noRendererDir = { group: ['**/renderer/**', '**/renderer'], message: 'renderer/ is imported by nobody.' };
const noElectronDir = { group: ['**/electron/**', '**/electron'], message: 'electron/ is imported by nobody.' };
const noRegistryDir = { group: ['**/registry/**', '**/registry'], message: 'registry/ is imported by nobody.' };

/** @param {string[]} zones @param {object[]} patterns */
const zone = (zones, patterns) => ({
  files: zones.flatMap((z) => [`${z}/**/*.ts`, `${z}/**/*.tsx`, `tests/lint-fixtures/${z}/**/*.ts`]),
  rules: { 'no-restricted-imports': ['error', { patterns }] },
});

export const boundaryConfigs = [
  zone(['shared'], [noNode, noElectron, noReact, noReactDom, noDexie, noRendererDir, noElectronDir, noRegistryDir]),
  zone(['renderer'], [noNode, noElectron, noElectronDir, noRegistryDir]),
  zone(['electron'], [pkg('react', 'React belongs to renderer/.'), noDexie, noRendererDir, noRegistryDir]),
  zone(['registry'], [noElectron, pkg('react', 'React belongs to renderer/.'), noDexie, noRendererDir, noElectronDir]),
];
