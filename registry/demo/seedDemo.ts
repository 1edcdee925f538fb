import type { RegistryContext } from '../context';
import { generateDemoDirectory } from '../../shared/directory/demo/generateDemoDirectory';

/**
 * Enrolment codes of the demo registry: fictional, documented in the README, reusable so that
 * every e2e run and every first-time user can enrol. A real registry never issues reusable codes.
 */
export const DEMO_CODES = [
  { code: 'DEMO-FRA-TECH-0001', state: 'FRA', role: 'technical' },
  { code: 'DEMO-FRA-DIPL-0001', state: 'FRA', role: 'diplomatic' },
  { code: 'DEMO-DEU-TECH-0001', state: 'DEU', role: 'technical' },
] as const;

/**
 * Fills an empty registry with the fictional demo directory (shared/directory/demo, every State,
 * all six languages; `size` unset gives about 700 entries) and (re)issues the demo codes.
 */
export function seedDemo(context: RegistryContext, size?: number): { seeded: number } {
  const now = new Date(context.now());
  const entries = generateDemoDirectory({ seed: 2024, now, ...(size ? { size } : {}) });
  const seeded = context.directory.head() === 0 ? context.directory.importEntries(entries) : 0;
  for (const demo of DEMO_CODES) {
    context.accounts.issueCode({
      ...demo,
      expiresAt: new Date(now.getTime() + 365 * 86_400_000).toISOString(),
      issuedAt: now.toISOString(),
      reusable: true,
    });
  }
  return { seeded };
}
