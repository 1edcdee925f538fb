/**
 * One run at a time, and a request made during a run is never lost: it gets one more run after the
 * current one, shared by every request made meanwhile (their options merged). "Sync now" pressed
 * while a timer-started sync is still on the wire must fetch what the registry has now, not return
 * the answer of a round that started before the change it was pressed for.
 */
export interface SerialRuns<O, T> {
  /** Runs now when idle; otherwise once more after the current run. Resolves with that run's result. */
  request(options: O): Promise<T>;
  /** True while a run is going on. */
  readonly running: boolean;
}

export function serialRuns<O, T>(
  run: (options: O) => Promise<T>,
  merge: (a: O, b: O) => O,
  onSettled: () => void = () => undefined,
): SerialRuns<O, T> {
  let current: Promise<T> | null = null;
  let next: { options: O; result: Promise<T> } | null = null;
  const start = (options: O): Promise<T> => {
    const started = run(options).finally(() => {
      current = null;
      onSettled();
    });
    current = started;
    return started;
  };
  return {
    get running() {
      return current !== null;
    },
    request(options) {
      if (!current) return start(options);
      if (next) {
        next.options = merge(next.options, options);
        return next.result;
      }
      const queued: { options: O; result: Promise<T> } = {
        options,
        result: current
          .catch(() => undefined)
          .then(() => {
            next = null;
            return current ?? start(queued.options);
          }),
      };
      next = queued;
      return queued.result;
    },
  };
}
