import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
// react-query never polls on a server (no `window`); this test plays the renderer's part in Node.
vi.hoisted(() => Object.assign(globalThis, { window: globalThis }));
import { focusManager, QueryClient, QueryObserver } from '@tanstack/query-core';
import { exerciseProgressQuery, POLL_MS } from '../../../../renderer/training/group/exercisePolling';
import type { ExerciseProgress } from '../../../../shared/registry/exercise';
import { SyncError } from '../../../../shared/sync/errors';

const running: ExerciseProgress = {
  exerciseId: 'exercise-fictional-0001',
  scenario: {},
  speed: 60,
  startedAt: '2026-12-01T06:00:00.000Z',
  stoppedAt: null,
  participants: [{ state: 'DEU', role: 'technical', party: 'xbb-tech' }],
  events: [],
};
const stopped: ExerciseProgress = { ...running, stoppedAt: '2026-12-01T06:30:00.000Z' };

/** The facilitator's screen as react-query runs it: an observer of the progress query, mounted. */
function follow(load: () => Promise<ExerciseProgress>) {
  const client = new QueryClient();
  const observer = new QueryObserver(client, exerciseProgressQuery('exercise-fictional-0001', load));
  const unsubscribe = observer.subscribe(() => undefined);
  return { observer, unmount: () => (unsubscribe(), client.clear()) };
}

describe('the polling of the group exercise screens', () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    focusManager.setFocused(undefined);
    vi.useRealTimers();
  });

  it('asks the registry again every few seconds while the exercise runs, and stops once it was stopped', async () => {
    const answers = [running, running, stopped];
    const load = vi.fn(() => Promise.resolve(answers.shift() ?? stopped));
    const screen = follow(load);
    await vi.advanceTimersByTimeAsync(POLL_MS * 2 + 100);
    expect(load).toHaveBeenCalledTimes(3);
    expect(screen.observer.getCurrentResult().data?.stoppedAt).toBe(stopped.stoppedAt);
    await vi.advanceTimersByTimeAsync(POLL_MS * 10);
    expect(load).toHaveBeenCalledTimes(3);
    screen.unmount();
  });

  it('does not poll while the window is hidden, and polls again when it is shown', async () => {
    const load = vi.fn(() => Promise.resolve(running));
    const screen = follow(load);
    await vi.advanceTimersByTimeAsync(100);
    expect(load).toHaveBeenCalledTimes(1);
    focusManager.setFocused(false);
    await vi.advanceTimersByTimeAsync(POLL_MS * 5);
    expect(load).toHaveBeenCalledTimes(1);
    focusManager.setFocused(true);
    await vi.advanceTimersByTimeAsync(POLL_MS + 100);
    expect(load.mock.calls.length).toBeGreaterThan(1);
    screen.unmount();
  });

  it('shows a failed poll at once, keeps the last progress on screen, and tries again at the next poll', async () => {
    const answers: (ExerciseProgress | Error)[] = [running, new SyncError('offline'), running];
    const load = vi.fn(() => {
      const next = answers.shift() ?? running;
      return next instanceof Error ? Promise.reject(next) : Promise.resolve(next);
    });
    const screen = follow(load);
    await vi.advanceTimersByTimeAsync(POLL_MS + 100);
    expect(load).toHaveBeenCalledTimes(2);
    expect(screen.observer.getCurrentResult().error).toBeInstanceOf(SyncError);
    expect(screen.observer.getCurrentResult().data).toEqual(running);
    await vi.advanceTimersByTimeAsync(POLL_MS);
    expect(load).toHaveBeenCalledTimes(3);
    expect(screen.observer.getCurrentResult().error).toBeNull();
    screen.unmount();
  });
});
