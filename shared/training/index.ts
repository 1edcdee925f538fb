/**
 * Training (issue 12): the tabletop scenario format and packs, the solo-mode engine (injected clock,
 * time compression, pause/resume across restarts), the exercise workspace's recipient rule, the
 * debrief, and the POC 101 course's structure.
 */
export * from './errors';
export * from './scenario';
export * from './pack';
export * from './run';
export * from './script';
export * from './workspace';
export * from './debrief';
export * from './builtin';
export * from './course';
export * from './group';
export * from './groupExercise';
export * from './itemPolicy';
