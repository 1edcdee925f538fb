import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { openCase, casesOf, listCaseSummaries } from '../../../../renderer/cases/store';
import { PocDatabase } from '../../../../renderer/db/database';
import { exerciseTemplate } from '../../../../renderer/training/exerciseMessage';
import {
  countExerciseItems,
  courseProgress,
  deleteExerciseWorkspace,
  exerciseCase,
  exerciseDraftsOf,
  listRuns,
  recordExerciseMessage,
  saveCourseProgress,
  saveRun,
} from '../../../../renderer/training/store';
import {
  ConversationSchema,
  conversationId,
  listMessages,
  storeMessage,
} from '../../../../renderer/messaging/messageStore';
import { createVault } from '../../../../renderer/vault/vault';
import type { VaultSession } from '../../../../renderer/vault/session';
import { buildTemplate } from '../../../../shared/templates';
import {
  builtinScenario,
  partyOf,
  startRun,
  type ExerciseParty,
  type Scenario,
} from '../../../../shared/training';

/**
 * The exercise workspace over the real encrypted vault (fake IndexedDB): exercise messages land in
 * their own collections, never in the real exchange log; nothing leaves for a party outside the
 * exercise or unmarked; one action deletes every exercise item and nothing else.
 */
const GroupRecordSchema = z.object({ feed: z.string() });
const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const dbs: PocDatabase[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function vault(): Promise<VaultSession> {
  const db = new PocDatabase(`training-test-${++counter}`);
  dbs.push(db);
  return createVault(db, 'fictional passphrase for training tests', FAST);
}

const scenario = builtinScenario('ransomware-port') as Scenario;
const self = partyOf(scenario, 'xaa-tech') as ExerciseParty;
const partner = partyOf(scenario, 'xbb-tech') as ExerciseParty;

describe('the exercise workspace in the vault', () => {
  it('keeps exercise messages apart from real cases, marked EXERCISE', async () => {
    const session = await vault();
    const run = startRun(scenario, { id: 'run-test0001', compression: 60, now: Date.now() });
    await saveRun(session, run);
    const { run: next, text } = await recordExerciseMessage(
      session,
      scenario,
      run,
      partner,
      exerciseTemplate('inquiry', self, 'Fictional question', 'en'),
      'en',
    );
    expect(text.startsWith('*** EXERCISE')).toBe(true);
    const record = await exerciseCase(session, next.caseId);
    expect(record?.events.map((e) => e.body.kind)).toEqual(['opened', 'message']);
    expect(record?.events[0]?.body).toMatchObject({
      exercise: true,
      counterpart: { pocId: 'exercise:ransomware-port/xbb-tech' },
    });
    expect((await listCaseSummaries(session)).summaries).toEqual([]);
    expect(await casesOf(session).count()).toBe(0);
  });

  it('refuses to record a message for a party outside the exercise, or one not marked as an exercise', async () => {
    const session = await vault();
    const run = startRun(scenario, { id: 'run-test0002', compression: 60, now: Date.now() });
    const outsider: ExerciseParty = { ...partner, id: 'real-poc' };
    await expect(
      recordExerciseMessage(
        session,
        scenario,
        run,
        outsider,
        exerciseTemplate('inquiry', self, 'x', 'en'),
        'en',
      ),
    ).rejects.toMatchObject({ code: 'recipient-outside-exercise' });
    const real = buildTemplate({
      language: 'en',
      nature: 'request-information',
      sender: { name: self.name, affiliation: self.name, role: self.role, state: self.state },
    });
    await expect(recordExerciseMessage(session, scenario, run, partner, real, 'en')).rejects.toMatchObject({
      code: 'not-an-exercise-item',
    });
    expect(await countExerciseItems(session)).toBe(0);
  });

  it('deletes every run, exercise case and draft in one action, and leaves real cases and course progress alone', async () => {
    const session = await vault();
    const run = startRun(scenario, { id: 'run-test0003', compression: 60, now: Date.now() });
    await saveRun(session, run);
    await recordExerciseMessage(
      session,
      scenario,
      run,
      partner,
      exerciseTemplate('answer', self, 'Fictional answer', 'en'),
      'en',
    );
    await exerciseDraftsOf(session).put('run-test0003-draft', { text: 'draft' });
    await saveCourseProgress(session, {
      modules: {
        roles: { pagesSeen: 2, taskDone: true, bestScore: 3, completedAt: '2026-01-05T09:00:00.000Z' },
      },
    });
    const real = await openCase(session, [
      {
        kind: 'opened',
        at: '2026-01-05T09:00:00.000Z',
        subject: 'Real case (fictional data)',
        origin: 'outgoing',
        self: { state: 'XAA', role: 'technical' },
        counterpart: { state: 'XBB', role: 'technical' },
        exercise: false,
      },
    ]);
    // A group exercise: its record in 'training', and an exercise message sealed through the
    // outgoing pipeline next to a real message in the same conversation.
    await session.collection('training', GroupRecordSchema).put('group-exo-test01', { feed: 'fictional' });
    const peer = { pocId: 'DEMO-XBB-TECH-0001', state: 'XBB', role: 'technical' };
    const message = (id: string, kind: string) => ({
      id,
      direction: 'out' as const,
      conversationIds: [],
      at: '2026-01-05T09:00:00.000Z',
      text: `${kind} (fictional)`,
      payload: { kind, body: {} },
    });
    await storeMessage(session, message('msg-exercise-0001', 'exercise'), [peer]);
    await storeMessage(session, message('msg-real-00000001', 'note'), [peer]);
    expect(await countExerciseItems(session)).toBe(5);
    expect(await deleteExerciseWorkspace(session)).toBe(5);
    expect(await countExerciseItems(session)).toBe(0);
    expect(await listRuns(session)).toEqual([]);
    expect((await listMessages(session)).map((m) => m.id)).toEqual(['msg-real-00000001']);
    const conversation = await session
      .collection('conversations', ConversationSchema)
      .get(await conversationId(session, peer.pocId));
    expect(conversation?.messageIds).toEqual(['msg-real-00000001']);
    expect(await session.collection('training', GroupRecordSchema).get('group-exo-test01')).toBeUndefined();
    expect(await casesOf(session).get(real.id)).toBeDefined();
    expect((await courseProgress(session)).modules.roles?.completedAt).toBe('2026-01-05T09:00:00.000Z');
  });
});
