import { describe, expect, it } from 'vitest';
import {
  advanceModule,
  COURSE_MODULES,
  emptyModuleProgress,
  passMark,
  scoreCheck,
  type CourseModule,
} from '../../../../shared/training';

const module = COURSE_MODULES.find((m) => m.id === 'acknowledgement') as CourseModule;
const now = new Date('2026-01-05T09:00:00Z');

describe('POC 101 progress', () => {
  it('has the eight modules of the issue, each with 3–5 questions of three options', () => {
    expect(COURSE_MODULES.map((m) => m.id)).toEqual([
      'directory',
      'roles',
      'procedures',
      'acknowledgement',
      'confidentiality',
      'pings',
      'channels',
      'regional',
    ]);
    for (const m of COURSE_MODULES) {
      expect(m.answers.length).toBeGreaterThanOrEqual(3);
      expect(m.answers.length).toBeLessThanOrEqual(5);
      expect(m.answers.every((a) => a >= 0 && a < 3)).toBe(true);
    }
  });

  it('completes a module only once its screens, practice task and check are all done', () => {
    let progress = emptyModuleProgress();
    progress = advanceModule(module, progress, { pageSeen: 2 }, now);
    progress = advanceModule(module, progress, { score: scoreCheck(module, module.answers) }, now);
    expect(progress.completedAt).toBeUndefined();
    progress = advanceModule(module, progress, { taskDone: true }, now);
    expect(progress.completedAt).toBe(now.toISOString());
  });

  it('needs two thirds of the answers right, and keeps the best score', () => {
    expect(passMark(module)).toBe(2);
    const wrong = module.answers.map((a) => (a + 1) % 3);
    let progress = advanceModule(
      module,
      { ...emptyModuleProgress(), pagesSeen: 2, taskDone: true },
      { score: scoreCheck(module, wrong) },
      now,
    );
    expect(progress).toMatchObject({ bestScore: 0 });
    expect(progress.completedAt).toBeUndefined();
    progress = advanceModule(
      module,
      progress,
      { score: scoreCheck(module, [module.answers[0], module.answers[1], wrong[2]]) },
      now,
    );
    expect(progress.bestScore).toBe(2);
    expect(progress.completedAt).toBe(now.toISOString());
  });
});
