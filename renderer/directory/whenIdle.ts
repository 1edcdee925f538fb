/**
 * Runs `run` at the first idle moment (after what is on its way to the screen has rendered), or at
 * the latest after `timeoutMs`; where there is no idle callback (Node, the unit tests), after a task.
 */
export function whenIdle(run: () => void, timeoutMs: number): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(run, { timeout: timeoutMs });
  else setTimeout(run, 0);
}
