import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sirv from 'sirv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runFeedCommand } from '../../registry/admin/feedCommands';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import { queueEntryUpdate, queueEntryWithdraw } from '../../shared/sync/outbox';
import { exportOutboxFile } from '../../shared/sync/syncByFile';
import { enrolPoc, movableClock, startRegistry, type RunningRegistry } from '../support/registry-harness';

/** A plain static file server (sirv, from npm) over a folder: the untrusted mirror. */
async function serveStatic(dir: string): Promise<{ url: string; close: () => Promise<void> }> {
  const handler = sirv(dir, { dev: true, gzip: true, etag: true });
  const server: Server = createServer((request, response) =>
    handler(request, response, () => {
      response.statusCode = 404;
      response.end();
    }),
  );
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (typeof address !== 'object' || !address) throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

describe('the feed served from anywhere: static mirror, bundle file, outbox file (issue 14)', () => {
  const clock = movableClock(Date.now());
  let registry: RunningRegistry;
  let work: string;
  const entries = fictionalDirectory({ size: 1300 });
  const live = () => new Map(registry.server.context.directory.listLive().map((e) => [e.id, e]));

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now });
    registry.server.context.directory.importEntries(entries);
    work = mkdtempSync(join(tmpdir(), 'poc-static-'));
  });
  afterAll(async () => {
    await registry.stop();
    rmSync(work, { recursive: true, force: true });
  });

  it('a static mirror served by sirv syncs the app to the registry state; a tampered chunk there is refused', async () => {
    const out = join(work, 'mirror');
    const printed = await runFeedCommand('publish-static', { data: registry.dataDir, out }, clock.now);
    expect(printed).toMatch(/sequence 1300 \(3 chunks/);
    const mirror = await serveStatic(out);
    try {
      const poc = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
      await poc.store.saveState({ ...poc.store.snapshot.state!, mirrorUrl: mirror.url });
      const pulled = await poc.engine.pull();
      expect(pulled).toMatchObject({ pages: 3, applied: 1300, lastSeq: 1300 });
      expect(poc.store.snapshot.entries).toEqual(live());

      // The registry moves on; the mirror is published again; one chunk file is altered on the mirror.
      registry.server.context.directory.importEntries([
        { ...entries[5]!, revision: 7, text: { ...entries[5]!.text, entity: 'Changed' } },
      ]);
      await runFeedCommand('publish-static', { data: registry.dataDir, out }, clock.now);
      const chunkDir = join(out, 'v1', 'feed', 'chunks');
      const partial = readdirSync(chunkDir).find(
        (name) => name.startsWith('1000-1301') && name.endsWith('.json'),
      )!;
      const genuine = readFileSync(join(chunkDir, partial), 'utf8');
      writeFileSync(join(chunkDir, partial), genuine.replace('Changed', 'Chang3d'));
      rmSync(join(chunkDir, `${partial}.gz`));
      await expect(poc.engine.pull()).rejects.toMatchObject({ code: 'tampered' });
      expect(poc.store.snapshot.state?.lastSeq).toBe(1300);
      expect(poc.store.snapshot.entries.get(entries[5]!.id)?.revision).toBe(entries[5]!.revision);

      writeFileSync(join(chunkDir, partial), genuine);
      await expect(poc.engine.pull()).resolves.toMatchObject({ lastSeq: 1301, applied: 1 });
      expect(poc.store.snapshot.entries).toEqual(live());
    } finally {
      await mirror.close();
    }
  });

  it('a bundle file updates an empty store and one synced mid-way, verified as online; an older bundle is a rollback', async () => {
    const full = join(work, 'full.bundle');
    await runFeedCommand('export-bundle', { data: registry.dataDir, out: full }, clock.now);
    const empty = await enrolPoc(registry.url, registry.issueCode('DEU', 'technical'), { now: clock.now });
    const seq = registry.server.context.directory.head();
    await expect(empty.engine.importBundle(readFileSync(full, 'utf8'))).resolves.toMatchObject({
      lastSeq: seq,
    });
    expect(empty.store.snapshot.entries).toEqual(live());

    // Mid-way: the registry changes; a bundle of what came after the desk's sequence brings it level.
    registry.server.context.directory.importEntries(
      entries.slice(0, 40).map((e) => ({ ...e, revision: e.revision + 3 })),
    );
    const delta = join(work, 'delta.bundle');
    await runFeedCommand(
      'export-bundle',
      { data: registry.dataDir, since: String(seq), out: delta },
      clock.now,
    );
    const result = await empty.engine.importBundle(readFileSync(delta, 'utf8'));
    expect(result).toMatchObject({ lastSeq: seq + 40, applied: 40, pages: 1 });
    expect(empty.store.snapshot.entries).toEqual(live());
    const bundleHead = (JSON.parse(readFileSync(delta, 'utf8')) as { head: string }).head;
    expect(empty.store.snapshot.state?.lastIssuedAt).toBe(
      (JSON.parse(bundleHead) as { head: { issuedAt: string } }).head.issuedAt,
    );

    await expect(empty.engine.importBundle(readFileSync(full, 'utf8'))).rejects.toMatchObject({
      code: 'rollback',
    });
    const tampered = readFileSync(delta, 'utf8').replace('Fictional', 'Fictionaj');
    const other = await enrolPoc(registry.url, registry.issueCode('ITA', 'technical'), { now: clock.now });
    await expect(other.engine.importBundle(tampered)).rejects.toMatchObject({
      code: expect.stringMatching(/tampered|bad-file/) as string,
    });
    await expect(other.engine.importBundle('not a bundle')).rejects.toMatchObject({ code: 'bad-file' });
    expect(other.store.snapshot.entries.size).toBe(0);
  });

  it('an outbox file is applied once by admin import-outbox; applied again it changes nothing', async () => {
    const poc = await enrolPoc(registry.url, registry.issueCode('ESP', 'technical'), { now: clock.now });
    const entry = registry.server.context.directory
      .listLive()
      .find((e) => e.state === 'ESP' && e.role === 'technical')!;
    await queueEntryUpdate(
      { store: poc.store, sign: poc.sign, now: clock.now },
      { ...entry, text: { ...entry.text, entity: 'Carried by USB stick' } },
      entry.revision,
    );
    const { text, count } = await exportOutboxFile(poc.store, clock.now);
    expect(count).toBe(1);
    const file = join(work, 'outbox.json');
    writeFileSync(file, text);

    const first = await runFeedCommand('import-outbox', { data: registry.dataDir, file }, clock.now);
    expect(first).toMatch(/1 applied, 0 refused/);
    const head = registry.server.context.directory.head();
    expect(registry.server.context.directory.get(entry.id)).toMatchObject({
      revision: entry.revision + 1,
      text: { entity: 'Carried by USB stick' },
    });

    const again = await runFeedCommand('import-outbox', { data: registry.dataDir, file }, clock.now);
    expect(again).toMatch(/applied/);
    expect(registry.server.context.directory.head()).toBe(head);
    expect(registry.server.context.directory.get(entry.id)?.revision).toBe(entry.revision + 1);

    // A withdrawal travels the same way: applied once, then the entry is gone from the feed.
    const own = registry.server.context.directory.get(entry.id)!;
    await queueEntryWithdraw(
      { store: poc.store, sign: poc.sign, now: clock.now },
      poc.store.snapshot.state!,
      own,
    );
    const withdrawal = await exportOutboxFile(poc.store, clock.now);
    const withdrawFile = join(work, 'withdraw.json');
    writeFileSync(withdrawFile, withdrawal.text);
    const kinds = (JSON.parse(withdrawal.text) as { items: { kind: string }[] }).items.map((i) => i.kind);
    expect(kinds).toContain('entry-withdraw');
    expect(
      await runFeedCommand('import-outbox', { data: registry.dataDir, file: withdrawFile }, clock.now),
    ).toMatch(/entry \S+ withdrawn/);
    expect(registry.server.context.directory.get(entry.id)).toBeUndefined();

    // A forged item (signature by another key) is refused and reported, never applied.
    const forged = JSON.parse(text) as { items: { request: { signature: string } }[] };
    const other = await enrolPoc(registry.url, registry.issueCode('ESP', 'diplomatic'), { now: clock.now });
    forged.items[0]!.request.signature = await other.sign({ any: 'thing' });
    writeFileSync(file, JSON.stringify(forged));
    expect(await runFeedCommand('import-outbox', { data: registry.dataDir, file }, clock.now)).toMatch(
      /0 applied, 1 refused[\s\S]*signature-invalid/,
    );
  });
});
