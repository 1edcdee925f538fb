import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runAdminCommand } from '../../registry/admin/commands';
import { RegistryError } from '../../shared/registry/errors';
import { ExerciseFeedSchema, type ProgressEvent } from '../../shared/registry/exercise';
import { readVerificationKey, verifyCanonical } from '../../shared/registry/signing';
import { RegistryClient } from '../../shared/sync/registryClient';
import { computeDebrief } from '../../shared/training/debrief';
import {
  progressByParticipant,
  progressStatement,
  runsFromProgress,
  verifyExerciseFeed,
} from '../../shared/training/groupExercise';
import { TrainingError } from '../../shared/training/errors';
import {
  enrolPoc,
  movableClock,
  rewritingFetch,
  startRegistry,
  type RunningRegistry,
  type TestPoc,
} from '../support/registry-harness';

/**
 * Issue 12, group mode through the registry: the manager starts an exercise with the command line;
 * injects reach the participants as exercise items in a feed signed by the registry key; progress
 * comes back signed by each participant, with ids and parties only; a facilitator reads it.
 */
const ROOT = resolve(import.meta.dirname, '../..');
const SCENARIO = join(ROOT, 'resources/scenarios/ransomware-port.json');

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['--import', 'tsx', 'registry/cli.ts', 'admin', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 60_000,
  });

async function registryKey(poc: TestPoc) {
  const state = poc.store.snapshot.state!;
  return { key: await readVerificationKey(state.registryPublicKey), fingerprint: state.registryFingerprint };
}

let idempotency = 0;
async function post(poc: TestPoc, exerciseId: string, event: ProgressEvent) {
  const state = poc.store.snapshot.state!;
  const statement = progressStatement({
    registry: state.registryFingerprint,
    exerciseId,
    event,
    idempotencyKey: `test-progress-${String(++idempotency).padStart(6, '0')}`,
    now: new Date(),
  });
  const signature = await poc.sign(statement);
  return poc.engine.withSession((token) => poc.client.postProgress({ statement, signature }, token));
}

async function refusal(promise: Promise<unknown>): Promise<RegistryError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(RegistryError);
  return error as RegistryError;
}

describe('group exercises through the registry', () => {
  const clock = movableClock(Date.now());
  let registry: RunningRegistry;
  let exerciseId: string;
  let fraTech: TestPoc;
  let deuTech: TestPoc;
  let fraDipl: TestPoc;
  let facilitator: TestPoc;
  let outsider: TestPoc;

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now });
    fraTech = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    deuTech = await enrolPoc(registry.url, registry.issueCode('DEU', 'technical'), { now: clock.now });
    fraDipl = await enrolPoc(registry.url, registry.issueCode('FRA', 'diplomatic'), { now: clock.now });
    outsider = await enrolPoc(registry.url, registry.issueCode('ITA', 'technical'), { now: clock.now });
    // The facilitator right comes with the enrolment code (`issue-code --facilitator`).
    const issued = cli(
      ...['issue-code', '--data', registry.dataDir, '--state', 'CHE', '--role', 'diplomatic'],
      ...['--facilitator', '--code', 'TEST-CHE-FACI-0001', '--days', '30'],
    );
    expect(issued.stdout).toContain('Enrolment code for CHE diplomatic, facilitator');
    await fetch(`${registry.url}/v1/health`).catch(() => undefined);
    facilitator = await enrolPoc(registry.url, 'TEST-CHE-FACI-0001');

    // The manager's command line, in its own process, next to the running server (WAL).
    const created = cli(
      'exercise',
      'create',
      '--data',
      registry.dataDir,
      '--scenario',
      SCENARIO,
      '--participants',
      'FRA:technical,DEU:technical,FRA:diplomatic',
      '--speed',
      '60',
    );
    expect(created.stderr).toBe('');
    expect(created.status).toBe(0);
    const match = /^Exercise ([A-Za-z0-9_-]+) started: scenario ransomware-port at 60x/.exec(created.stdout);
    expect(match).not.toBeNull();
    exerciseId = match![1]!;
    // The command line dated the start by the real clock: the server's clock catches up with it.
    clock.advance(Date.now() - clock.now());
    expect(created.stdout).toContain('FRA technical  plays xaa-tech');
    expect(created.stdout).toContain('DEU technical  plays xbb-tech');
    expect(created.stdout).toContain('FRA diplomatic plays xaa-dipl');
    const listed = cli('exercise', 'list', '--data', registry.dataDir);
    expect(listed.stdout).toContain(`${exerciseId}\transomware-port\t60x`);
    expect(listed.stdout).toContain('running');
    // The command line took longer than the server's keep-alive: a pooled socket may have been closed
    // under the client; one tolerated request drops it before the tests proper.
    await fetch(`${registry.url}/v1/health`).catch(() => undefined);
  }, 120_000);
  afterAll(() => registry.stop());

  it('publishes the exercise routes in the OpenAPI document', async () => {
    const openapi = (await (await fetch(`${registry.url}/v1/openapi.json`)).json()) as { paths: object };
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining(['/v1/exercises', '/v1/exercises/{id}/feed', '/v1/exercises/{id}/progress']),
    );
  });

  it('lists the exercise to its participants, with the party each plays', async () => {
    const list = await deuTech.engine.withSession((token) => deuTech.client.exercises(token));
    expect(list.facilitator).toBe(false);
    expect(list.exercises).toEqual([
      expect.objectContaining({ id: exerciseId, as: 'participant', party: 'xbb-tech' }),
    ]);
    const none = await outsider.engine.withSession((token) => outsider.client.exercises(token));
    expect(none.exercises).toEqual([]);
    const watched = await facilitator.engine.withSession((token) => facilitator.client.exercises(token));
    expect(watched.facilitator).toBe(true);
    expect(watched.exercises).toEqual([expect.objectContaining({ id: exerciseId, as: 'facilitator' })]);
  });

  it('releases injects on the timeline in a feed signed by the registry key', async () => {
    const read = () => fraTech.engine.withSession((token) => fraTech.client.exerciseFeed(exerciseId, token));
    const first = await verifyExerciseFeed(await read(), await registryKey(fraTech), exerciseId);
    expect(first.items.map((i) => i.id)).toEqual(['i-encrypted']);
    expect(first.items.every((i) => i.exercise)).toBe(true);
    // Each participant's enrolled key is listed: the only keys exercise messages may go to.
    const fingerprintOf = (poc: TestPoc) => poc.store.snapshot.state!.ownFingerprint;
    expect(first.participants).toEqual([
      { state: 'FRA', role: 'technical', party: 'xaa-tech', fingerprints: [fingerprintOf(fraTech)] },
      { state: 'DEU', role: 'technical', party: 'xbb-tech', fingerprints: [fingerprintOf(deuTech)] },
      { state: 'FRA', role: 'diplomatic', party: 'xaa-dipl', fingerprints: [fingerprintOf(fraDipl)] },
    ]);

    // T+10 at 60x is 10 real seconds later: the indicators inject is released.
    clock.advance(11_000);
    const text = await read();
    const second = await verifyExerciseFeed(text, await registryKey(fraTech), exerciseId);
    expect(second.items.map((i) => i.id)).toEqual(['i-encrypted', 'i-indicators']);
    expect(second.items[1]!.indicators).toContain('198.51.100.23');

    // The signature is an ordinary OpenPGP detached signature by the registry key over the feed.
    const signed = JSON.parse(text) as { feed: unknown; signature: string };
    const { key, fingerprint } = await registryKey(fraTech);
    expect(fingerprint).toBe(registry.server.context.signingKey.fingerprint);
    expect(await verifyCanonical(signed.feed, signed.signature, key, fingerprint)).toBe(true);
    expect(ExerciseFeedSchema.parse(signed.feed).registry).toBe(fingerprint);
  });

  it('refuses a tampered inject on the client: nothing of it is shown', async () => {
    const tampering = new RegistryClient({
      baseUrl: registry.url,
      fetch: rewritingFetch((text, url) =>
        url.includes('/feed') ? text.replace('198.51.100.23', '198.51.100.99') : text,
      ),
    });
    const text = await fraTech.engine.withSession((token) => tampering.exerciseFeed(exerciseId, token));
    expect(text).toContain('198.51.100.99');
    const error: unknown = await verifyExerciseFeed(text, await registryKey(fraTech), exerciseId).then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(TrainingError);
    expect(error).toMatchObject({ code: 'exercise-feed-invalid' });
    // An item added by a mirror is refused just the same.
    const signed = JSON.parse(
      await fraTech.engine.withSession((token) => fraTech.client.exerciseFeed(exerciseId, token)),
    ) as { feed: { items: unknown[] }; signature: string };
    signed.feed.items.push({ ...(signed.feed.items[0] as object), id: 'i-forged' });
    await expect(
      verifyExerciseFeed(JSON.stringify(signed), await registryKey(fraTech), exerciseId),
    ).rejects.toMatchObject({ code: 'exercise-feed-invalid' });
  });

  it('refuses a participant outside the exercise (403 not-participant)', async () => {
    const feed = await refusal(
      outsider.engine.withSession((token) => outsider.client.exerciseFeed(exerciseId, token)),
    );
    expect([feed.status, feed.code]).toEqual([403, 'not-participant']);
    const progress = await refusal(
      post(outsider, exerciseId, { kind: 'inject-acknowledged', injectId: 'i-encrypted' }),
    );
    expect([progress.status, progress.code]).toEqual([403, 'not-participant']);
  });

  it('takes signed progress with ids only: a body or any text member is refused by the schema', async () => {
    const state = deuTech.store.snapshot.state!;
    const base = progressStatement({
      registry: state.registryFingerprint,
      exerciseId,
      event: { kind: 'message-sent', messageId: 'a1b2c3d4e5f60718', to: 'xaa-tech', action: 'answer' },
      idempotencyKey: 'test-progress-body-000001',
      now: new Date(),
    });
    for (const statement of [
      { ...base, event: { ...base.event, body: 'Fictional contents that must never reach the registry' } },
      { ...base, body: 'Fictional contents' },
    ]) {
      const signature = await deuTech.sign(statement);
      const error = await refusal(
        deuTech.engine.withSession((token) => deuTech.client.postProgress({ statement, signature }, token)),
      );
      expect([error.status, error.code]).toEqual([400, 'unknown-member']);
    }
    const forged = await refusal(
      deuTech.engine.withSession((token) =>
        deuTech.client.postProgress({ statement: base, signature: 'AAAA' }, token),
      ),
    );
    expect(forged.code).toBe('signature-invalid');
  });

  it('lets only a facilitator read progress: who acknowledged what, when — never contents', async () => {
    const denied = await refusal(
      fraTech.engine.withSession((token) => fraTech.client.exerciseProgress(exerciseId, token)),
    );
    expect([denied.status, denied.code]).toEqual([403, 'not-facilitator']);

    const receipt = await post(deuTech, exerciseId, {
      kind: 'inject-acknowledged',
      injectId: 'i-indicators',
    });
    expect(receipt.minute).toBeGreaterThanOrEqual(10);
    await post(fraTech, exerciseId, {
      kind: 'message-sent',
      messageId: 'f00dfeedcafe0001',
      to: 'xbb-tech',
      action: 'inquiry',
      roleDecision: 'same-role',
    });
    await post(deuTech, exerciseId, {
      kind: 'message-received',
      messageId: 'f00dfeedcafe0001',
      from: 'xaa-tech',
    });

    const progress = await facilitator.engine.withSession((token) =>
      facilitator.client.exerciseProgress(exerciseId, token),
    );
    const rows = progressByParticipant(progress);
    expect(rows.find((r) => r.party === 'xbb-tech')?.acknowledged.get('i-indicators')).toEqual({
      receivedAt: receipt.receivedAt,
      minute: receipt.minute,
    });
    expect(rows.find((r) => r.party === 'xaa-tech')).toMatchObject({ sent: 1, received: 0 });
    expect(rows.find((r) => r.party === 'xbb-tech')).toMatchObject({ sent: 0, received: 1 });
    // The events hold no member that could carry text.
    for (const record of progress.events) expect(Object.keys(record.event).sort()).not.toContain('body');

    const { scenario, runs } = runsFromProgress(progress);
    const debrief = computeDebrief(scenario, runs, 30);
    const inquiry = debrief.participants
      .find((p) => p.participant === 'xaa-tech')
      ?.lines.find((l) => l.expectedId === 'e-inquiry');
    expect(inquiry?.status).toBe('done');
    expect(debrief.participants.find((p) => p.participant === 'xaa-tech')?.roleDecisions).toHaveLength(1);
  });

  it('stops the exercise from the command line; a stopped exercise takes no more progress', async () => {
    expect(cli('exercise', 'stop', '--data', registry.dataDir, '--exercise', exerciseId).stdout).toContain(
      `Exercise ${exerciseId} stopped.`,
    );
    const error = await refusal(
      post(fraDipl, exerciseId, { kind: 'inject-acknowledged', injectId: 'i-encrypted' }),
    );
    expect([error.status, error.code]).toEqual([409, 'exercise-stopped']);
  });

  it('takes the facilitator right back with `admin facilitator --revoke`', async () => {
    const accountId = facilitator.store.snapshot.state!.accountId;
    expect(runAdminCommand('facilitator', { data: registry.dataDir, account: accountId, revoke: true })).toBe(
      `Account ${accountId} no longer holds the facilitator right.`,
    );
    const denied = await refusal(
      facilitator.engine.withSession((token) => facilitator.client.exerciseProgress(exerciseId, token)),
    );
    expect(denied.code).toBe('not-facilitator');
    expect(runAdminCommand('facilitator', { data: registry.dataDir, account: accountId })).toContain(
      'now holds the facilitator right',
    );
    const list = await facilitator.engine.withSession((token) => facilitator.client.exercises(token));
    expect(list.facilitator).toBe(true);
  });

  it('refuses a scenario whose items carry confidential markings or real addresses', () => {
    const scenario = JSON.parse(readFileSync(SCENARIO, 'utf8')) as {
      injects: { text: Record<string, string>; indicators?: string[] }[];
    };
    const marked = structuredClone(scenario);
    marked.injects[0]!.text.en = 'CONFIDENTIAL — fictional port report';
    const real = structuredClone(scenario);
    real.injects[1]!.indicators = ['8.8.8.8'];
    for (const [name, value, code] of [
      ['marked.json', marked, 'classification-marking'],
      ['real.json', real, 'real-address'],
    ] as const) {
      const file = join(registry.dataDir, name);
      writeFileSync(file, JSON.stringify(value));
      const result = cli(
        'exercise',
        'create',
        '--data',
        registry.dataDir,
        '--scenario',
        file,
        '--participants',
        'FRA:technical',
      );
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`(${code})`);
      expect(result.stderr).toContain('no exercise was created');
    }
    expect(cli('exercise', 'list', '--data', registry.dataDir).stdout.trim().split('\n')).toHaveLength(1);
  });
});
