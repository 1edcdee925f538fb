import { useEffect, useState, useSyncExternalStore } from 'react';
import { builtinScenarios, type Scenario } from '../../shared/training';
import { useVaultSession, type VaultSession } from '../vault/session';
import { importedScenarios, subscribeTraining, type ImportedScenario } from './store';

let version = 0;
subscribeTraining(() => {
  version++;
});

/** Re-renders when anything in the training store changes. */
function useTrainingVersion(): number {
  return useSyncExternalStore(subscribeTraining, () => version);
}

/** Loads something from the vault and reloads it whenever the training store changes. */
export function useTrainingData<T>(load: (session: VaultSession) => Promise<T>): {
  data: T | undefined;
  error: unknown;
} {
  const session = useVaultSession();
  const current = useTrainingVersion();
  const [state, setState] = useState<{ data: T | undefined; error: unknown }>({
    data: undefined,
    error: undefined,
  });
  useEffect(() => {
    let live = true;
    load(session).then(
      (data) => live && setState({ data, error: undefined }),
      (error: unknown) => live && setState({ data: undefined, error }),
    );
    return () => {
      live = false;
    };
    // `load` is a module-level function at every call site.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session, current]);
  return state;
}

export interface KnownScenario {
  scenario: Scenario;
  builtin: boolean;
  imported?: ImportedScenario;
}

export async function knownScenarios(session: VaultSession): Promise<KnownScenario[]> {
  const imported = await importedScenarios(session);
  return [
    ...builtinScenarios().map((scenario) => ({ scenario, builtin: true })),
    ...imported.map((item) => ({ scenario: item.scenario, builtin: false, imported: item })),
  ];
}

/** Re-renders every `ms` while `active` (the scenario clock on screen). */
export function useTicker(active: boolean, ms = 500): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!active) return;
    const timer = window.setInterval(() => setNow(Date.now()), ms);
    return () => window.clearInterval(timer);
  }, [active, ms]);
  return active ? Math.max(now, Date.now()) : now;
}
