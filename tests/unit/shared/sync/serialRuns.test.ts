import { describe, expect, it } from 'vitest';
import { serialRuns } from '../../../../shared/sync/serialRuns';

/** A run that waits for the test to end it, and what each run was started with. */
function controlledRuns() {
  const started: { force: boolean }[] = [];
  const endings: (() => void)[] = [];
  const run = (options: { force: boolean }) => {
    started.push(options);
    const n = started.length;
    return new Promise<number>((resolve) => endings.push(() => resolve(n)));
  };
  return { started, end: (i: number) => endings[i]?.(), run };
}

const merge = (a: { force: boolean }, b: { force: boolean }) => ({ force: a.force || b.force });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('serial runs', () => {
  it('a request during a run gets a run of its own after it; requests meanwhile share it, options merged', async () => {
    const { started, end, run } = controlledRuns();
    const runs = serialRuns(run, merge);
    const first = runs.request({ force: false });
    expect(runs.running).toBe(true);
    const second = runs.request({ force: false });
    const third = runs.request({ force: true });
    await settle();
    expect(started).toEqual([{ force: false }]); // one at a time
    end(0);
    expect(await first).toBe(1);
    await settle();
    expect(started).toEqual([{ force: false }, { force: true }]);
    end(1);
    expect(await second).toBe(2);
    expect(await third).toBe(2);
    expect(runs.running).toBe(false);
    const later = runs.request({ force: false });
    end(2);
    expect(await later).toBe(3);
  });

  it('a failed run still lets the queued request run, and reports its own failure to its caller', async () => {
    let calls = 0;
    const runs = serialRuns(
      () => (++calls === 1 ? Promise.reject(new Error('offline')) : Promise.resolve(calls)),
      merge,
    );
    const first = runs.request({ force: false });
    const second = runs.request({ force: false });
    await expect(first).rejects.toThrow('offline');
    expect(await second).toBe(2);
  });
});
