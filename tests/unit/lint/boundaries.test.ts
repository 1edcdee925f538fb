import { ESLint } from 'eslint';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * Proves the import boundaries of ARCHITECTURE.md: runs the project's own ESLint config on fixture
 * files under tests/lint-fixtures/<zone>/ (ignored by `eslint .`, covered by the same zone rules).
 */
const root = fileURLToPath(new URL('../../../', import.meta.url));
const fixture = (path: string) => `tests/lint-fixtures/${path}`;

interface Finding {
  ruleId: string | null;
  message: string;
}
let findings: Map<string, Finding[]>;

beforeAll(async () => {
  const eslint = new ESLint({ cwd: root, ignore: false });
  const results = await eslint.lintFiles(['tests/lint-fixtures/**/*.ts']);
  findings = new Map(
    results.map((r) => [
      r.filePath.slice(root.length).replaceAll('\\', '/'),
      r.messages.map((m) => ({ ruleId: m.ruleId, message: m.message })),
    ]),
  );
}, 120_000);

const restricted = (file: string) =>
  (findings.get(fixture(file)) ?? []).filter((m) => m.ruleId === 'no-restricted-imports');

describe('import boundaries', () => {
  it('linted every fixture', () => {
    expect([...findings.keys()].sort()).toEqual(
      [
        'renderer/clean.ts',
        'renderer/imports-electron.ts',
        'renderer/imports-node-path.ts',
        'shared/clean.ts',
        'shared/imports-dexie.ts',
        'shared/imports-electron.ts',
        'shared/imports-node-fs.ts',
        'shared/imports-react.ts',
      ].map(fixture),
    );
  });

  it.each([
    ['shared/imports-react.ts', 'React belongs to renderer/'],
    ['shared/imports-electron.ts', 'Only electron/ may import electron'],
    ['shared/imports-dexie.ts', 'Dexie belongs to renderer/'],
    ['shared/imports-node-fs.ts', 'Node built-ins belong to electron/ or registry/'],
    ['renderer/imports-electron.ts', 'Only electron/ may import electron'],
    ['renderer/imports-node-path.ts', 'Node built-ins belong to electron/ or registry/'],
  ])('fails %s with no-restricted-imports', (file, why) => {
    // `electron` also matches the "nobody imports electron/" folder pattern: one or two findings.
    const messages = restricted(file).map((m) => m.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((m) => m.includes(why))).toBe(true);
  });

  it.each(['shared/clean.ts', 'renderer/clean.ts'])(
    'passes the clean fixture %s with no finding at all',
    (file) => {
      expect(findings.get(fixture(file))).toEqual([]);
    },
  );
});
