import { describe, expect, it } from 'vitest';
import {
  builtinScenario,
  expectedProgress,
  indexScenario,
  nextEventAt,
  pauseRun,
  recordAction,
  restoreRun,
  resumeRun,
  RunStateSchema,
  scenarioMinutes,
  setCompression,
  startRun,
  timelineAt,
  type PlayerAction,
  type RunState,
  type Scenario,
} from '../../../../shared/training';

/** An injected clock: real time in epoch ms that the test moves by hand. */
class Clock {
  now = Date.UTC(2026, 0, 5, 9, 0, 0);
  advanceMinutes(real: number) {
    this.now += real * 60_000;
  }
}

const scenario = builtinScenario('ransomware-port') as Scenario;
const index = indexScenario(scenario);
let seq = 0;
const act = (run: RunState, clock: Clock, action: Omit<PlayerAction, 'at' | 'id'>) =>
  recordAction(scenario, run, { id: `action-${String(++seq).padStart(6, '0')}`, ...action }, clock.now);

const said = (run: RunState, at: number) =>
  timelineAt(index, run.actions, at).map((event) =>
    event.kind === 'inject' ? event.inject.id : `${event.step.party}:${event.step.does}`,
  );

describe('the solo exercise engine', () => {
  it('compresses time: 60× plays a 240-minute scenario in 4 real minutes', () => {
    const clock = new Clock();
    const run = startRun(scenario, { id: 'run-00000001', compression: 60, now: clock.now });
    clock.advanceMinutes(1);
    expect(scenarioMinutes(scenario, run, clock.now)).toBe(60);
    clock.advanceMinutes(10);
    expect(scenarioMinutes(scenario, run, clock.now)).toBe(240);
  });

  it('changes the factor without changing the time already played', () => {
    const clock = new Clock();
    let run = startRun(scenario, { id: 'run-00000002', compression: 10, now: clock.now });
    clock.advanceMinutes(2);
    run = setCompression(scenario, run, 1, clock.now);
    expect(scenarioMinutes(scenario, run, clock.now)).toBe(20);
    clock.advanceMinutes(5);
    expect(scenarioMinutes(scenario, run, clock.now)).toBe(25);
  });

  it('pauses, and resumes after an app restart where it was saved, without counting the time closed', () => {
    const clock = new Clock();
    let run = startRun(scenario, { id: 'run-00000003', compression: 10, now: clock.now });
    clock.advanceMinutes(3);
    run = pauseRun(scenario, run, clock.now);
    clock.advanceMinutes(30);
    expect(scenarioMinutes(scenario, run, clock.now)).toBe(30);
    run = resumeRun(run, clock.now);
    clock.advanceMinutes(1);
    run = act(run, clock, { kind: 'inquiry', to: 'xbb-tech' });
    // The app closes 2 real minutes after that save; it restarts an hour later.
    clock.advanceMinutes(2);
    const stored = RunStateSchema.parse(JSON.parse(JSON.stringify(run)));
    clock.advanceMinutes(60);
    const restored = restoreRun(scenario, stored);
    expect(restored.resumedAt).toBeNull();
    expect(scenarioMinutes(scenario, restored, clock.now)).toBe(40);
    expect(restored.actions).toHaveLength(1);
    const resumed = resumeRun(restored, clock.now);
    clock.advanceMinutes(1);
    expect(scenarioMinutes(scenario, resumed, clock.now)).toBe(50);
  });

  it('plays the counterpart script: acknowledge after N minutes, ask, answer after the reply', () => {
    const clock = new Clock();
    let run = startRun(scenario, { id: 'run-00000004', compression: 1, now: clock.now });
    clock.advanceMinutes(12);
    expect(said(run, scenarioMinutes(scenario, run, clock.now))).toEqual(['i-encrypted', 'i-indicators']);
    run = act(run, clock, { kind: 'inquiry', to: 'xbb-tech' }); // T+12
    expect(nextEventAt(index, run.actions, 12)).toBe(32);
    clock.advanceMinutes(19);
    expect(said(run, 31)).toEqual(['i-encrypted', 'i-indicators']);
    clock.advanceMinutes(1);
    expect(said(run, 32)).toEqual(['i-encrypted', 'i-indicators', 'xbb-tech:acknowledge']);
    clock.advanceMinutes(25); // T+57: the question arrives
    expect(said(run, 57).at(-1)).toBe('xbb-tech:ask');
    clock.advanceMinutes(10);
    run = act(run, clock, { kind: 'answer', to: 'xbb-tech' }); // T+67
    expect(said(run, 106)).not.toContain('xbb-tech:answer');
    expect(said(run, 107)).toContain('xbb-tech:answer');
    const progress = Object.fromEntries(
      expectedProgress(index, run.actions, 107).map((p) => [p.action.id, p]),
    );
    expect(progress['e-inquiry']).toMatchObject({ opensAt: 10, dueAt: 70, doneAt: 12, status: 'done' });
    expect(progress['e-answer']).toMatchObject({ opensAt: 57, dueAt: 102, doneAt: 67, status: 'done' });
    expect(progress['e-handover']).toMatchObject({ opensAt: 100, dueAt: 130, status: 'open' });
    expect(progress['e-ping']).toMatchObject({ opensAt: null, status: 'not-open' });
  });

  it('goes silent where the script says so, and counts a follow-up as on time or late', () => {
    const ddos = builtinScenario('ddos-portals') as Scenario;
    const ddosIndex = indexScenario(ddos);
    const actions: PlayerAction[] = [{ id: 'action-ddos0001', kind: 'inquiry', to: 'xaa-tech', at: 20 }];
    const heard = timelineAt(ddosIndex, actions, 119).filter((e) => e.kind === 'counterpart');
    expect(heard.map((e) => (e.kind === 'counterpart' ? `${e.at}:${e.step.does}` : ''))).toEqual([
      '35:acknowledge',
    ]);
    expect(nextEventAt(ddosIndex, actions, 35)).toBe(60);
    const late = [...actions, { id: 'action-ddos0002', kind: 'follow-up' as const, to: 'xaa-tech', at: 155 }];
    const followUp = expectedProgress(ddosIndex, late, 200).find((p) => p.action.id === 'e-follow-up');
    expect(followUp).toMatchObject({ opensAt: 120, dueAt: 150, doneAt: 155, status: 'late' });
    expect(timelineAt(ddosIndex, late, 175).at(-1)).toMatchObject({ kind: 'counterpart', at: 175 });
    const missed = expectedProgress(ddosIndex, actions, 200).find((p) => p.action.id === 'e-follow-up');
    expect(missed?.status).toBe('missed');
  });
});

describe('skipping to the next event', () => {
  it('moves the clock forward to the event, keeps running, and never goes back', async () => {
    const { skipTo } = await import('../../../../shared/training');
    const clock = new Clock();
    let run = startRun(scenario, { id: 'run-00000009', compression: 60, now: clock.now });
    run = skipTo(scenario, run, 100, clock.now);
    expect(scenarioMinutes(scenario, run, clock.now)).toBe(100);
    clock.advanceMinutes(0.5);
    expect(scenarioMinutes(scenario, run, clock.now)).toBe(130);
    run = skipTo(scenario, run, 20, clock.now);
    expect(scenarioMinutes(scenario, run, clock.now)).toBe(130);
    expect(scenarioMinutes(scenario, skipTo(scenario, run, 999, clock.now), clock.now)).toBe(240);
  });
});
