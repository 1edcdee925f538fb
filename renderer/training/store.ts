import { z } from 'zod';
import { appendEvents, CaseRecordSchema, type CaseEventBody, type CaseRecord } from '../../shared/cases';
import { newTemplateId, renderTemplateText, type InquiryTemplate } from '../../shared/templates';
import type { UnLanguage } from '../../shared/i18n/languages';
import {
  assertExerciseRecipient,
  assertExerciseTemplate,
  exercisePocId,
  RunStateSchema,
  ScenarioSchema,
  type ExerciseParty,
  type RunState,
  type Scenario,
} from '../../shared/training';
import { CourseProgressSchema, type CourseProgress } from '../../shared/training';
import { deleteMessagesOps, listMessages, type StoredMessage } from '../messaging/messageStore';
import type { BatchOp, VaultSession } from '../vault/session';
import type { CollectionName } from '../vault/collections';

/**
 * The exercise workspace in the vault. Exercise runs, cases and drafts live in their own collections
 * (exerciseRuns, exerciseCases, exerciseDrafts), never in 'cases' or 'drafts', so real work never
 * lists them and one action deletes them all. Course progress, imported scenarios and pinned scenario
 * authors live in 'training'.
 */
const EXERCISE_COLLECTIONS: readonly CollectionName[] = ['exerciseRuns', 'exerciseCases', 'exerciseDrafts'];

type Listener = () => void;
const listeners = new Set<Listener>();
export function subscribeTraining(listener: Listener): () => void {
  listeners.add(listener);
  return () => void listeners.delete(listener);
}
const notify = () => listeners.forEach((listener) => listener());

export const runsOf = (session: VaultSession) => session.collection('exerciseRuns', RunStateSchema);
const exerciseCasesOf = (session: VaultSession) => session.collection('exerciseCases', CaseRecordSchema);
const DraftSchema = z.object({ text: z.string().max(20_000) });
export const exerciseDraftsOf = (session: VaultSession) => session.collection('exerciseDrafts', DraftSchema);

/**
 * Runs whose clock was started or resumed in this app session. A run read back that is not in here
 * was running when the app closed: it comes back paused (shared/training/run.ts restoreRun).
 */
const liveRuns = new Set<string>();
export const isLiveRun = (id: string) => liveRuns.has(id);

export async function saveRun(session: VaultSession, run: RunState): Promise<void> {
  if (run.resumedAt !== null) liveRuns.add(run.id);
  else liveRuns.delete(run.id);
  await runsOf(session).put(run.id, run, { updatedAt: new Date(run.savedAt).toISOString() });
  notify();
}

export async function listRuns(session: VaultSession): Promise<RunState[]> {
  const { items } = await runsOf(session).list();
  return items.map((item) => item.value).sort((a, b) => b.savedAt - a.savedAt);
}

export async function exerciseCase(
  session: VaultSession,
  caseId: string | undefined,
): Promise<CaseRecord | undefined> {
  return caseId ? exerciseCasesOf(session).get(caseId) : undefined;
}

/**
 * Records one exercise message in the run's exercise case: checked against the workspace rule first
 * (a party of this exercise, a template marked as an exercise), rendered with its EXERCISE marks.
 */
export async function recordExerciseMessage(
  session: VaultSession,
  scenario: Scenario,
  run: RunState,
  to: ExerciseParty,
  template: InquiryTemplate,
  language: UnLanguage,
  extra: CaseEventBody[] = [],
): Promise<{ run: RunState; text: string }> {
  assertExerciseRecipient(scenario, {
    pocId: exercisePocId(scenario.id, to.id),
    state: to.state,
    role: to.role,
  });
  assertExerciseTemplate(template);
  const self = scenario.parties.find((p) => p.id === run.participant);
  const text = renderTemplateText(template, language);
  const at = new Date().toISOString();
  const message: CaseEventBody = {
    kind: 'message',
    at,
    direction: 'out',
    messageId: template.id,
    nature: template.nature,
    structured: template,
    text,
    textLanguage: language,
    from: { state: template.sender.state, role: template.sender.role },
  };
  const existing = await exerciseCase(session, run.caseId);
  const record = existing
    ? await appendEvents(existing, [message, ...extra])
    : await appendEvents({ id: `xcase-${newTemplateId()}`, events: [], head: null }, [
        {
          kind: 'opened',
          at,
          subject: scenario.title[language],
          origin: 'outgoing',
          self: {
            state: self?.state ?? to.state,
            role: self?.role ?? to.role,
            pocId: exercisePocId(scenario.id, run.participant),
          },
          counterpart: { state: to.state, role: to.role, pocId: exercisePocId(scenario.id, to.id) },
          exercise: true,
        },
        message,
        ...extra,
      ]);
  const next = { ...run, caseId: record.id };
  const ops: BatchOp[] = [
    { collection: 'exerciseCases', id: record.id, value: record, index: { updatedAt: at } },
    { collection: 'exerciseRuns', id: next.id, value: next, index: { updatedAt: at } },
  ];
  await session.writeBatch(ops);
  notify();
  return { run: next, text };
}

/**
 * Group exercises also leave records outside the exercise collections: the exercise's own record in
 * 'training' (`group-<id>`: feed, progress) and the exercise messages sealed through the outgoing
 * pipeline (payload kind 'exercise'), which sit in 'messages' with their conversations.
 */
const isGroupRecord = (id: string) => id.startsWith('group-');
const isExerciseMessage = (message: StoredMessage) =>
  (message.payload as { kind?: unknown } | undefined)?.kind === 'exercise';

async function groupExerciseOps(session: VaultSession): Promise<BatchOp[]> {
  const ids = await session.db.records.where('collection').equals('training').primaryKeys();
  const ops: BatchOp[] = ids
    .filter(([, id]) => isGroupRecord(id))
    .map(([, id]) => ({ collection: 'training', id, delete: true }));
  const messages = (await listMessages(session)).filter(isExerciseMessage);
  return [...ops, ...(await deleteMessagesOps(session, messages))];
}

/**
 * Deletes every exercise item in one transaction: runs, exercise cases and drafts, and the records
 * and messages of group exercises. Course progress and real messages are kept.
 */
export async function deleteExerciseWorkspace(session: VaultSession): Promise<number> {
  const ops: BatchOp[] = [];
  for (const collection of EXERCISE_COLLECTIONS) {
    const ids = await session.db.records.where('collection').equals(collection).primaryKeys();
    for (const [, id] of ids) ops.push({ collection, id, delete: true });
  }
  const group = await groupExerciseOps(session);
  const items = ops.length + group.filter((op) => op.collection !== 'conversations').length;
  if (ops.length + group.length) await session.writeBatch([...ops, ...group]);
  notify();
  return items;
}

export async function countExerciseItems(session: VaultSession): Promise<number> {
  let total = 0;
  for (const collection of EXERCISE_COLLECTIONS)
    total += await session.db.records.where('collection').equals(collection).count();
  const ids = await session.db.records.where('collection').equals('training').primaryKeys();
  total += ids.filter(([, id]) => isGroupRecord(id)).length;
  return total + (await listMessages(session)).filter(isExerciseMessage).length;
}

// ---- 'training': imported scenarios, pinned authors, course progress -------------------------------

export const ImportedScenarioSchema = z.object({
  scenario: ScenarioSchema,
  author: z.string().nullable(),
  signature: z.enum(['verified', 'unverified', 'unsigned']),
  fingerprint: z.string().optional(),
  importedAt: z.string(),
});
export type ImportedScenario = z.infer<typeof ImportedScenarioSchema>;
const ImportedListSchema = z.object({ items: z.array(ImportedScenarioSchema) });

export const PinnedAuthorsSchema = z.object({
  keys: z.array(z.object({ fingerprint: z.string(), publicKeyArmored: z.string(), name: z.string() })),
});
export type PinnedAuthors = z.infer<typeof PinnedAuthorsSchema>;

export async function importedScenarios(session: VaultSession): Promise<ImportedScenario[]> {
  return (await session.collection('training', ImportedListSchema).get('imported-scenarios'))?.items ?? [];
}

export async function saveImportedScenarios(session: VaultSession, items: ImportedScenario[]): Promise<void> {
  await session.collection('training', ImportedListSchema).put('imported-scenarios', { items });
  notify();
}

export async function pinnedAuthors(session: VaultSession): Promise<PinnedAuthors> {
  return (await session.collection('training', PinnedAuthorsSchema).get('pinned-authors')) ?? { keys: [] };
}

export async function savePinnedAuthors(session: VaultSession, value: PinnedAuthors): Promise<void> {
  await session.collection('training', PinnedAuthorsSchema).put('pinned-authors', value);
  notify();
}

export async function courseProgress(session: VaultSession): Promise<CourseProgress> {
  return (
    (await session.collection('training', CourseProgressSchema).get('course-progress')) ?? { modules: {} }
  );
}

export async function saveCourseProgress(session: VaultSession, value: CourseProgress): Promise<void> {
  await session.collection('training', CourseProgressSchema).put('course-progress', value);
  notify();
}
