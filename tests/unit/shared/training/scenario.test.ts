import { describe, expect, it } from 'vitest';
import { builtinScenarios, parseScenario, TrainingError, type Scenario } from '../../../../shared/training';
import { parseIndicators } from '../../../../shared/templates';

const clone = (scenario: Scenario): Record<string, unknown> => structuredClone(scenario);
const base = () => clone(builtinScenarios()[0] as Scenario);

function codeOf(run: () => unknown): string | undefined {
  try {
    run();
  } catch (error) {
    return error instanceof TrainingError
      ? `${error.code}${error.detail ? ` ${error.detail}` : ''}`
      : 'other';
  }
  return undefined;
}

describe('the scenario format', () => {
  it('ships three valid built-in scenarios in six languages with fictional States and documentation data', () => {
    const scenarios = builtinScenarios();
    let addresses = 0;
    expect(scenarios.map((s) => s.id)).toEqual(['ransomware-port', 'ddos-portals', 'data-leak']);
    for (const scenario of scenarios) {
      expect(Object.keys(scenario.title).sort()).toEqual(['ar', 'en', 'es', 'fr', 'ru', 'zh']);
      expect(scenario.parties.every((p) => /^X[A-Z]{2}$/.test(p.state) && p.email.endsWith('.example'))).toBe(
        true,
      );
      for (const inject of scenario.injects) {
        const { indicators } = parseIndicators((inject.indicators ?? []).join(' '));
        for (const indicator of indicators.filter((i) => i.kind === 'ipv4' || i.kind === 'ipv6')) {
          expect(indicator.value).toMatch(/^(192\.0\.2\.|198\.51\.100\.|203\.0\.113\.|2001:db8:)/);
          addresses++;
        }
      }
    }
    expect(addresses).toBeGreaterThanOrEqual(10);
  });

  it('reads a valid scenario', () => {
    expect(parseScenario(base()).id).toBe('ransomware-port');
  });

  it('refuses a scenario missing a language, naming where', () => {
    const scenario = base();
    delete (scenario.title as Record<string, string>).ar;
    expect(codeOf(() => parseScenario(scenario))).toBe(
      'invalid-scenario title.ar: Invalid input: expected string, received undefined',
    );
  });

  it('refuses a script step pointing at an action that does not exist', () => {
    const scenario = base();
    (scenario.script as { after: unknown }[])[0]!.after = { action: 'e-nowhere' };
    expect(codeOf(() => parseScenario(scenario))).toBe(
      'invalid-scenario script.0.after: unknown action "e-nowhere"',
    );
  });

  it('refuses a real State code and a non-example e-mail', () => {
    const real = base();
    (real.parties as { state: string }[])[0]!.state = 'FRA';
    expect(codeOf(() => parseScenario(real))).toMatch(/^invalid-scenario parties\.0\.state/);
    const mail = base();
    (mail.parties as { email: string }[])[0]!.email = 'someone@gmail.com';
    expect(codeOf(() => parseScenario(mail))).toMatch(/^invalid-scenario parties\.0\.email/);
  });

  it('refuses an unknown version with its own code, and a file of another kind', () => {
    expect(codeOf(() => parseScenario({ ...base(), version: 2 }))).toBe('unknown-version 2');
    expect(codeOf(() => parseScenario({ format: 'something-else' }))).toBe('not-a-scenario');
    expect(codeOf(() => parseScenario(null))).toBe('not-a-scenario');
  });
});
