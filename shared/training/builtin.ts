import ransomwarePort from '../../resources/scenarios/ransomware-port.json' with { type: 'json' };
import ddosPortals from '../../resources/scenarios/ddos-portals.json' with { type: 'json' };
import dataLeak from '../../resources/scenarios/data-leak.json' with { type: 'json' };
import { parseScenario, type Scenario } from './scenario';

/**
 * The three scenarios shipped with the app (resources/scenarios/*.json), parsed through the same
 * schema as an imported file, so a broken built-in fails its unit test rather than a user's exercise.
 * Fictional States (Aldoria XAA, Borealis XBB, Corvania XCC), `example` domains, documentation
 * address ranges only.
 */
let cache: Scenario[] | null = null;

export function builtinScenarios(): Scenario[] {
  cache ??= [ransomwarePort, ddosPortals, dataLeak].map((json: unknown) => parseScenario(json));
  return cache;
}

export function builtinScenario(id: string): Scenario | undefined {
  return builtinScenarios().find((scenario) => scenario.id === id);
}
