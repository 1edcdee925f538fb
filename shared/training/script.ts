import type { PlayerAction } from './run';
import type { ExpectedAction, Inject, LocalizedText, Scenario, ScriptStep, Trigger } from './scenario';

/**
 * The scenario script played against the participant's actions: when each inject and each simulated
 * counterpart's move happens, which expected actions are open, done (on time or late) or missed.
 * Pure: the same scenario, actions and scenario time give the same answer, for solo mode, the
 * debrief and tests alike.
 */
export type TimelineEvent =
  | { kind: 'inject'; at: number; inject: Inject }
  | { kind: 'counterpart'; at: number; step: ScriptStep & { text: LocalizedText } };

export type ExpectedStatus = 'not-open' | 'open' | 'done' | 'late' | 'missed';

export interface ExpectedProgress {
  action: ExpectedAction;
  opensAt: number | null;
  dueAt: number | null;
  doneAt: number | null;
  /** The player action that fulfilled it. */
  by: PlayerAction | null;
  status: ExpectedStatus;
}

/** Precomputed lookups for one scenario (reused by the debrief over many participants). */
export interface ScriptIndex {
  scenario: Scenario;
  injectAt: Map<string, number>;
  steps: Map<string, ScriptStep>;
  expected: Map<string, ExpectedAction>;
}

export function indexScenario(scenario: Scenario): ScriptIndex {
  return {
    scenario,
    injectAt: new Map(scenario.injects.map((inject) => [inject.id, inject.at])),
    steps: new Map(scenario.script.map((step) => [step.id, step])),
    expected: new Map(scenario.expected.map((action) => [action.id, action])),
  };
}

/** Resolves times for one participant's actions; memoised, and a cyclic script resolves to "never". */
class Resolver {
  readonly #stepAt = new Map<string, number | null>();
  readonly #progress = new Map<string, ExpectedProgress>();
  readonly #pending = new Set<string>();
  readonly #byKind = new Map<string, PlayerAction[]>();

  constructor(
    readonly index: ScriptIndex,
    actions: readonly PlayerAction[],
    readonly now: number,
  ) {
    for (const action of actions) {
      const key = `${action.kind}/${action.to}`;
      const list = this.#byKind.get(key) ?? [];
      list.push(action);
      this.#byKind.set(key, list);
    }
  }

  triggerAt(trigger: Trigger): number | null {
    if ('start' in trigger) return 0;
    if ('inject' in trigger) return this.index.injectAt.get(trigger.inject) ?? null;
    if ('step' in trigger) return this.stepAt(trigger.step);
    return this.progress(trigger.action)?.doneAt ?? null;
  }

  stepAt(id: string): number | null {
    if (this.#stepAt.has(id)) return this.#stepAt.get(id) ?? null;
    const step = this.index.steps.get(id);
    if (!step || this.#pending.has(`s:${id}`)) return null;
    this.#pending.add(`s:${id}`);
    const base = this.triggerAt(step.after);
    this.#pending.delete(`s:${id}`);
    const at = base === null ? null : base + step.delayMinutes;
    this.#stepAt.set(id, at);
    return at;
  }

  progress(id: string): ExpectedProgress | undefined {
    const cached = this.#progress.get(id);
    if (cached) return cached;
    const action = this.index.expected.get(id);
    if (!action || this.#pending.has(`a:${id}`)) return undefined;
    this.#pending.add(`a:${id}`);
    const opened = this.triggerAt(action.opensOn);
    this.#pending.delete(`a:${id}`);
    const opensAt = opened !== null && opened <= this.now ? opened : null;
    const dueAt = opensAt === null ? null : opensAt + action.withinMinutes;
    const by =
      opensAt === null
        ? null
        : ((this.#byKind.get(`${action.kind}/${action.to ?? ''}`) ?? []).find(
            (a) => a.at >= opensAt && a.at <= this.now,
          ) ?? null);
    const doneAt = by ? by.at : null;
    let status: ExpectedStatus = 'not-open';
    if (opensAt !== null && dueAt !== null) {
      if (doneAt !== null) status = doneAt <= dueAt ? 'done' : 'late';
      else status = this.now > dueAt ? 'missed' : 'open';
    }
    const result = { action, opensAt, dueAt, doneAt, by, status };
    this.#progress.set(id, result);
    return result;
  }
}

/** Injects and counterpart moves that have happened by scenario minute `now`, in order. */
export function timelineAt(
  index: ScriptIndex,
  actions: readonly PlayerAction[],
  now: number,
): TimelineEvent[] {
  const resolver = new Resolver(index, actions, now);
  const events: TimelineEvent[] = [];
  for (const inject of index.scenario.injects)
    if (inject.at <= now) events.push({ kind: 'inject', at: inject.at, inject });
  for (const step of index.scenario.script) {
    const at = resolver.stepAt(step.id);
    // 'silent' is the script's intent, not an event: the participant only notices nothing comes.
    if (at !== null && at <= now && step.does !== 'silent' && step.text)
      events.push({ kind: 'counterpart', at, step: { ...step, text: step.text } });
  }
  return events.sort((a, b) => a.at - b.at);
}

export function expectedProgress(
  index: ScriptIndex,
  actions: readonly PlayerAction[],
  now: number,
): ExpectedProgress[] {
  const resolver = new Resolver(index, actions, now);
  return index.scenario.expected
    .map((action) => resolver.progress(action.id))
    .filter((p): p is ExpectedProgress => p !== undefined);
}

/** The scenario minute of the next inject or counterpart move after `now` (null when nothing more is due). */
export function nextEventAt(
  index: ScriptIndex,
  actions: readonly PlayerAction[],
  now: number,
): number | null {
  const resolver = new Resolver(index, actions, Number.POSITIVE_INFINITY);
  const times = [
    ...index.scenario.injects.map((inject) => inject.at),
    ...index.scenario.script.filter((s) => s.does !== 'silent').map((step) => resolver.stepAt(step.id)),
  ].filter((at): at is number => at !== null && at > now);
  return times.length ? Math.min(...times) : null;
}
