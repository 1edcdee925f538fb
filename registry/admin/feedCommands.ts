import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { FEED_PATHS, OutboxFileSchema, type Bundle } from '../../shared/registry/feed';
import { RegistryError } from '../../shared/registry/errors';
import { CliUsageError, integerOption } from '../cliArgs';
import type { RegistryContext } from '../context';
import { FeedPublisher } from '../feed/feedPublisher';
import { applyEntryUpdate } from '../services/entryUpdates';
import { applyEntryWithdraw } from '../services/entryWithdraw';
import { applyPingAck } from '../services/pingAcks';
import { loadOrCreateSigningKey } from '../signingKey';
import { AccountRepository } from '../store/accountRepository';
import { openRegistryDatabase } from '../store/database';
import { DirectoryRepository } from '../store/directoryRepository';
import { PingRepository } from '../store/pingRepository';

export const FEED_COMMANDS = ['publish-static', 'export-bundle', 'import-outbox'] as const;
export type FeedCommand = (typeof FEED_COMMANDS)[number];

type Args = Record<string, string | boolean | undefined>;
const str = (args: Args, name: string) => (typeof args[name] === 'string' ? args[name] : undefined);
function required(args: Args, name: string): string {
  const value = str(args, name);
  if (!value) throw new CliUsageError(`--${name} is required`);
  return value;
}

/** A registry context over the data folder, without an HTTP server (the CLI runs next to a live one). */
async function openContext(dataDir: string, now: () => number): Promise<RegistryContext> {
  const db = openRegistryDatabase(dataDir);
  const directory = new DirectoryRepository(db);
  const signingKey = await loadOrCreateSigningKey(dataDir, 'POC Directory registry (reference server)');
  const feed = new FeedPublisher({ db, directory, signingKey, now });
  return {
    name: 'admin',
    db,
    directory,
    accounts: new AccountRepository(db),
    pings: new PingRepository(db),
    signingKey,
    feed,
    headResignMs: 5 * 60_000,
    now,
    sessionTtlMs: 0,
    challengeTtlMs: 0,
    accountKeys: new Map(),
  };
}

/** Writes through a temporary name, so a web server never serves half a file. */
function writeAtomic(path: string, data: string | Buffer): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/**
 * Issue 14, the read path as plain files and sync without a network:
 * - publish-static: the signed head and chunks under OUT/v1/feed/, for any web server or CDN (chunks
 *   first, the head last, so a mirror never lists a chunk it does not have yet; .gz beside each file);
 * - export-bundle: the head and the chunks after --since in one file for "Update from a file";
 * - import-outbox: an app's outbox file, applied with the same checks and idempotency as online.
 */
export async function runFeedCommand(
  command: FeedCommand,
  args: Args,
  now: () => number = Date.now,
): Promise<string> {
  const context = await openContext(required(args, 'data'), now);
  try {
    switch (command) {
      case 'publish-static': {
        const out = required(args, 'out');
        await context.feed.refresh({ resign: true });
        const chunks = context.feed.listedChunks();
        for (const { ref, file } of chunks) {
          const path = join(out, FEED_PATHS.chunk(ref));
          writeAtomic(path, file.plain);
          writeAtomic(`${path}.gz`, file.gzip);
        }
        const head = context.feed.head;
        if (!head) throw new Error('the feed has no head');
        writeAtomic(join(out, FEED_PATHS.head), head.file.plain);
        writeAtomic(join(out, `${FEED_PATHS.head}.gz`), head.file.gzip);
        return `Published the feed at sequence ${head.seq} (${chunks.length} chunks, signed ${head.head.issuedAt}) under ${out}.\nServe that folder as the mirror address; publish again at least daily so apps see it as fresh.`;
      }
      case 'export-bundle': {
        const out = required(args, 'out');
        const since = integerOption('since', str(args, 'since'), 0, Number.MAX_SAFE_INTEGER) ?? 0;
        await context.feed.refresh({ resign: true });
        const head = context.feed.head;
        if (!head) throw new Error('the feed has no head');
        const chunks = context.feed.listedChunks().filter(({ ref }) => ref.until > since);
        const bundle: Bundle = {
          format: 'poc-registry-bundle',
          version: 1,
          head: head.file.text,
          chunks: chunks.map(({ file }) => file.text),
        };
        writeAtomic(out, JSON.stringify(bundle));
        return `Wrote ${out}: the feed at sequence ${head.seq} signed ${head.head.issuedAt}, ${chunks.length} chunk(s) after sequence ${since}.`;
      }
      case 'import-outbox':
        return await importOutbox(context, required(args, 'file'));
    }
  } finally {
    context.db.close();
  }
}

async function importOutbox(context: RegistryContext, path: string): Promise<string> {
  let parsed;
  try {
    parsed = OutboxFileSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch (error) {
    throw new Error(
      `${path} is not a readable JSON file (${error instanceof Error ? error.message : String(error)})`,
      { cause: error },
    );
  }
  if (!parsed.success)
    throw new Error(
      `${path} is not an outbox file: ${parsed.error.issues[0]?.message ?? 'invalid'}; nothing was applied`,
    );
  const file = parsed.data;
  if (file.registry !== context.signingKey.fingerprint)
    throw new Error(`${path} was made for another registry (${file.registry}); nothing was applied`);
  const account = context.accounts.get(file.accountId);
  if (!account) throw new Error(`no account ${file.accountId} on this registry; nothing was applied`);
  if (account.revokedAt) throw new Error(`account ${file.accountId} was revoked; nothing was applied`);
  const lines: string[] = [];
  let applied = 0;
  let refused = 0;
  for (const item of file.items) {
    try {
      if (item.kind === 'entry-update') {
        const { entry, seq } = await applyEntryUpdate(context, account, item.request);
        lines.push(`applied  ${item.id}  entry ${entry.id} revision ${entry.revision} (sequence ${seq})`);
      } else if (item.kind === 'entry-withdraw') {
        const { id, seq } = await applyEntryWithdraw(context, account, item.request);
        lines.push(`applied  ${item.id}  entry ${id} withdrawn (sequence ${seq})`);
      } else {
        const ping = await applyPingAck(context, account, item.request);
        lines.push(
          `applied  ${item.id}  ping ${ping.id} answered ${ping.answeredAt ?? ''}${ping.late ? ' (late)' : ''}`,
        );
      }
      applied++;
    } catch (error) {
      refused++;
      const code = error instanceof RegistryError ? error.code : 'bad-request';
      lines.push(`refused  ${item.id}  ${code}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return [
    `Outbox of account ${account.id} (${account.state} ${account.role}): ${applied} applied, ${refused} refused.`,
    ...lines,
  ].join('\n');
}
