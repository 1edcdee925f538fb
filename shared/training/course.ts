import { z } from 'zod';

/**
 * POC 101 (A/78/265 Annex A § 13 a): « un tutoriel en ligne "POC 101" sur les aspects pratiques de la
 * mise en place d'un répertoire d'interlocuteurs et de la participation à un tel mécanisme », in
 * modules (§ 13 c: « une série de modules d'apprentissage en ligne »). Each module is a few screens, a
 * practice task and a short check; its texts live in the `training` namespace (course.<id>.*) in the
 * six languages. Here: the structure, the right answers and the progress rules.
 */
export type PracticeTask =
  /** Pick the right option of three (a situation to judge). */
  | { kind: 'choice'; options: 3; correct: number }
  /** Write an exercise inquiry to the practice partner with the four steps of the appendix. */
  | { kind: 'inquiry' }
  /** Acknowledge the practice partner's inquiry before a deadline (real seconds). */
  | { kind: 'acknowledge'; deadlineSeconds: number }
  /** Answer a practice ping before a deadline (real seconds). */
  | { kind: 'ping'; deadlineSeconds: number }
  /** Compare a fingerprint read aloud with the one shown, and decide. */
  | { kind: 'fingerprint'; matches: boolean };

export interface CourseModule {
  id: string;
  /** Where the rule comes from, as cited on screen. */
  source: string;
  pages: number;
  /** Index of the right option (of three) for each check question. */
  answers: readonly number[];
  task: PracticeTask;
}

export const COURSE_MODULES: readonly CourseModule[] = [
  // A § 7 b: « Il n'hébergera pas d'informations confidentielles transmises ou échangées entre les interlocuteurs. »
  {
    id: 'directory',
    source: 'A §7 b',
    pages: 2,
    answers: [1, 2, 0],
    task: { kind: 'choice', options: 3, correct: 2 },
  },
  // A § 9: « Les interlocuteurs diplomatiques communiqueront ainsi avec d'autres interlocuteurs diplomatiques et
  // les interlocuteurs techniques avec d'autres interlocuteurs techniques. »
  {
    id: 'roles',
    source: 'A §9',
    pages: 2,
    answers: [0, 2, 1],
    task: { kind: 'choice', options: 3, correct: 1 },
  },
  // Appendix: « Procédure de demande de renseignements » (4 steps), « Procédure de réponse » (3 steps).
  { id: 'procedures', source: 'A §10 a', pages: 2, answers: [2, 0, 1], task: { kind: 'inquiry' } },
  // A § 10: « Le fait d'accuser réception d'une communication ne revient pas à approuver les informations
  // qu'elle contient … le fait d'informer un État que son territoire est utilisé pour un acte illicite
  // n'implique pas, en soi, que cet État est responsable de l'acte. »
  {
    id: 'acknowledgement',
    source: 'A §10',
    pages: 2,
    answers: [1, 0, 2],
    task: { kind: 'acknowledge', deadlineSeconds: 180 },
  },
  // A § 11: « ne doivent partager les informations en question avec des tiers qu'avec le consentement de
  // toutes les parties concernées ».
  {
    id: 'confidentiality',
    source: 'A §11',
    pages: 2,
    answers: [2, 1, 0],
    task: { kind: 'choice', options: 3, correct: 0 },
  },
  // A § 8: « … qui devront répondre dans un délai de 48 heures et confirmer par message qu'ils ont bien reçu
  // la demande du gestionnaire ».
  { id: 'pings', source: 'A §8', pages: 2, answers: [0, 1, 2], task: { kind: 'ping', deadlineSeconds: 180 } },
  // A § 7 b: « des canaux convenus d'un commun accord, notamment des canaux sécurisés le cas échéant ».
  {
    id: 'channels',
    source: 'A §7 b',
    pages: 2,
    answers: [1, 2, 0],
    task: { kind: 'fingerprint', matches: false },
  },
  // A § 12 a: « ils peuvent établir la communication en utilisant soit le répertoire mondial
  // d'interlocuteurs, soit le répertoire d'interlocuteurs de l'organisation régionale concernée ».
  {
    id: 'regional',
    source: 'A §12',
    pages: 2,
    answers: [2, 0, 1],
    task: { kind: 'choice', options: 3, correct: 1 },
  },
];

export const ModuleProgressSchema = z.object({
  pagesSeen: z.number().int().min(0),
  taskDone: z.boolean(),
  /** Best check score so far (right answers). */
  bestScore: z.number().int().min(0),
  completedAt: z.string().optional(),
});
export type ModuleProgress = z.infer<typeof ModuleProgressSchema>;

export const CourseProgressSchema = z.object({ modules: z.record(z.string(), ModuleProgressSchema) });
export type CourseProgress = z.infer<typeof CourseProgressSchema>;

export const emptyModuleProgress = (): ModuleProgress => ({ pagesSeen: 0, taskDone: false, bestScore: 0 });

/** A check is passed with at least two thirds of the answers right. */
export function passMark(module: CourseModule): number {
  return Math.ceil((module.answers.length * 2) / 3);
}

export function scoreCheck(module: CourseModule, chosen: readonly (number | undefined)[]): number {
  return module.answers.reduce((score, right, i) => score + (chosen[i] === right ? 1 : 0), 0);
}

/** Applies one step of progress; a module completes once its screens, task and check are all done. */
export function advanceModule(
  module: CourseModule,
  current: ModuleProgress,
  step: { pageSeen: number } | { taskDone: true } | { score: number },
  now: Date,
): ModuleProgress {
  const next = { ...current };
  if ('pageSeen' in step) next.pagesSeen = Math.max(next.pagesSeen, Math.min(module.pages, step.pageSeen));
  if ('taskDone' in step) next.taskDone = true;
  if ('score' in step) next.bestScore = Math.max(next.bestScore, step.score);
  if (
    !next.completedAt &&
    next.pagesSeen >= module.pages &&
    next.taskDone &&
    next.bestScore >= passMark(module)
  ) {
    next.completedAt = now.toISOString();
  }
  return next;
}

export function isPracticeAnswerRight(task: PracticeTask, chosen: number | boolean): boolean {
  if (task.kind === 'choice') return chosen === task.correct;
  if (task.kind === 'fingerprint') return chosen === task.matches;
  return true;
}
