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

const ruleFindings = (file: string, ruleId: string) =>
  (findings.get(fixture(file)) ?? []).filter((m) => m.ruleId === ruleId);

/** Each fixture that breaks a rule, the rule that must catch it, and what its message says. */
const VIOLATIONS = [
  ['shared/imports-react.ts', 'no-restricted-imports', 'React belongs to renderer/'],
  ['shared/imports-electron.ts', 'no-restricted-imports', 'Only electron/ may import electron'],
  ['shared/imports-dexie.ts', 'no-restricted-imports', 'Dexie belongs to renderer/'],
  ['shared/imports-node-fs.ts', 'no-restricted-imports', 'Node built-ins belong to electron/ or registry/'],
  ['shared/imports-renderer-folder.ts', 'poc/folder-boundaries', 'shared/ may not import from renderer/'],
  ['renderer/imports-electron.ts', 'no-restricted-imports', 'Only electron/ may import electron'],
  [
    'renderer/imports-node-path.ts',
    'no-restricted-imports',
    'Node built-ins belong to electron/ or registry/',
  ],
  // Feature folders under renderer/ depend on each other one way only (issue 10).
  ['renderer/alpha/alpha.ts', 'poc/feature-cycles', 'renderer/alpha and renderer/beta import each other'],
  ['renderer/beta/beta.ts', 'poc/feature-cycles', 'renderer/beta and renderer/alpha import each other'],
] as const;
const CLEAN = ['shared/clean.ts', 'renderer/clean.ts'];

describe('import boundaries', () => {
  it('linted every fixture this test knows', () => {
    const linted = [...findings.keys()];
    for (const file of [...VIOLATIONS.map(([f]) => f), ...CLEAN]) expect(linted).toContain(fixture(file));
  });

  it.each(VIOLATIONS)('fails %s with %s', (file, ruleId, why) => {
    const messages = ruleFindings(file, ruleId).map((m) => m.message);
    expect(messages.length).toBeGreaterThan(0);
    expect(messages.some((m) => m.includes(why))).toBe(true);
  });

  it.each(CLEAN)('passes the clean fixture %s with no finding at all', (file) => {
    expect(findings.get(fixture(file))).toEqual([]);
  });
});
