import { useCallback, useEffect, useRef, useState } from 'react';
import { checkpoint, restoreRun, type RunState, type Scenario } from '../../shared/training';
import { useVaultSession } from '../vault/session';
import { isLiveRun, runsOf, saveRun } from './store';
import { knownScenarios } from './useTraining';

/**
 * One run on screen: read back from the vault (paused where it was saved if the app had been closed
 * while it ran), saved on every change and every five seconds while the clock runs, so a crash or a
 * restart loses at most those seconds.
 */
export function useRun(runId: string) {
  const session = useVaultSession();
  const [state, setState] = useState<{ run: RunState; scenario: Scenario } | null | 'missing'>(null);
  const latest = useRef<{ run: RunState; scenario: Scenario } | null>(null);

  useEffect(() => {
    let live = true;
    void (async () => {
      const stored = await runsOf(session).get(runId);
      const scenario =
        stored && (await knownScenarios(session)).find((k) => k.scenario.id === stored.scenarioId)?.scenario;
      if (!live) return;
      if (!stored || !scenario) return setState('missing');
      const run = isLiveRun(stored.id) ? stored : restoreRun(scenario, stored);
      latest.current = { run, scenario };
      setState({ run, scenario });
      if (run !== stored) await saveRun(session, run);
    })();
    return () => {
      live = false;
    };
  }, [session, runId]);

  // Saves land in the order they were asked for: a checkpoint begun before an action's save never
  // finishes after it (and so never writes the run back without that action).
  const saving = useRef<Promise<void>>(Promise.resolve());
  const update = useCallback(
    async (next: RunState) => {
      if (!latest.current) return;
      latest.current = { ...latest.current, run: next };
      setState(latest.current);
      const saved = saving.current.then(() => saveRun(session, next));
      saving.current = saved.catch(() => undefined);
      await saved;
    },
    [session],
  );

  const running = state !== null && state !== 'missing' && state.run.resumedAt !== null;
  useEffect(() => {
    if (!running) return;
    const timer = window.setInterval(() => {
      const current = latest.current;
      if (current && current.run.resumedAt !== null)
        void update(checkpoint(current.scenario, current.run, Date.now()));
    }, 5_000);
    return () => window.clearInterval(timer);
  }, [running, update]);

  return { state, update, latest };
}
