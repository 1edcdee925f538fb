import Fastify, { type FastifyError, type FastifyInstance } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import {
  isRegistryErrorCode,
  RegistryError,
  REGISTRY_ERROR_STATUS,
  type RegistryErrorCode,
} from '../shared/registry/errors';
import { ConflictError, type RegistryContext } from './context';
import { registerAccessRoutes } from './routes/accessRoutes';
import { registerDirectoryRoutes } from './routes/directoryRoutes';
import { registerEntryRoutes } from './routes/entryRoutes';
import { registerExerciseRoutes } from './routes/exerciseRoutes';
import { registerMetaRoutes } from './routes/metaRoutes';
import { registerPingRoutes } from './routes/pingRoutes';
import { registerWithdrawRoutes } from './routes/withdrawRoutes';
import {
  DEFAULT_PING_INTERVAL_DAYS,
  schedulePingCampaigns,
  type PingScheduler,
  type StartedCampaign,
} from './pingScheduler';
import { loadOrCreateSigningKey } from './signingKey';
import { FeedPublisher } from './feed/feedPublisher';

const HEAD_RESIGN_MS = 5 * 60_000;
import { AccountRepository } from './store/accountRepository';
import { openRegistryDatabase } from './store/database';
import { DirectoryRepository } from './store/directoryRepository';
import { PingRepository } from './store/pingRepository';

export interface RegistryServerOptions {
  dataDir: string;
  name?: string;
  /** Milliseconds since the epoch; tests inject a movable clock. */
  now?: () => number;
  /** Requests per minute per client address, for all routes (enrolment and sessions are stricter). */
  rateLimitPerMinute?: number;
  sessionTtlMs?: number;
  challengeTtlMs?: number;
  bodyLimitBytes?: number;
  /** A §8: start a ping campaign when the last is older than this (default 182 days; 0 = never by itself). */
  pingIntervalDays?: number;
  /** How often the server checks whether a campaign is due (default hourly). */
  pingCheckEveryMs?: number;
  /** How often the feed head is re-signed even when nothing changed (issue 9 §3; default 5 minutes). */
  headResignMs?: number;
  /** Issue 14: changes per feed chunk (default 500; tests use smaller chunks). */
  chunkSize?: number;
  /** Told when the server started a campaign by itself (the CLI prints it). */
  onCampaignStarted?: (campaign: StartedCampaign) => void;
}

export interface RegistryServer {
  app: FastifyInstance;
  context: RegistryContext;
  /** The six-monthly ping campaigns; `check()` runs a check now. */
  pingScheduler: PingScheduler;
  /** Listens on 127.0.0.1 (port 0 picks a free one); returns the base URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

export async function createRegistryServer(options: RegistryServerOptions): Promise<RegistryServer> {
  const db = openRegistryDatabase(options.dataDir);
  const name = options.name ?? 'POC Directory registry (reference server)';
  const directory = new DirectoryRepository(db);
  const signingKey = await loadOrCreateSigningKey(options.dataDir, name);
  const now = options.now ?? Date.now;
  const feed = new FeedPublisher({
    db,
    directory,
    signingKey,
    now,
    ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
  });
  const context: RegistryContext = {
    name,
    db,
    directory,
    accounts: new AccountRepository(db),
    pings: new PingRepository(db),
    signingKey,
    feed,
    headResignMs: options.headResignMs ?? HEAD_RESIGN_MS,
    onDirectoryChanged: () => void feed.refresh().catch(() => undefined),
    now,
    sessionTtlMs: options.sessionTtlMs ?? 15 * 60_000,
    challengeTtlMs: options.challengeTtlMs ?? 2 * 60_000,
    accountKeys: new Map(),
  };

  const app = Fastify({
    logger: false,
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    connectionTimeout: 30_000,
    requestTimeout: 15_000,
    keepAliveTimeout: 10_000,
    return503OnClosing: true,
    // Issue 9 §2: errors of the framework itself answer in the protocol's format, never echoing
    // the request (Fastify's own answer to a bad URL quotes it).
    frameworkErrors: (error, _request, reply) => {
      const { code, message } = describeError(error);
      const body = JSON.stringify({ error: { code, message } });
      void reply.raw
        .writeHead(REGISTRY_ERROR_STATUS[code], { 'content-type': 'application/json; charset=utf-8' })
        .end(body);
    },
    // Below the router (request line or headers too long, malformed HTTP): Node's parser refused it.
    clientErrorHandler: (error: Error & { code?: string }, socket) => {
      if (!socket.writable) {
        socket.destroy();
        return;
      }
      const tooLong = error.code === 'HPE_HEADER_OVERFLOW';
      const code: RegistryErrorCode = tooLong ? 'uri-too-long' : 'bad-request';
      const body = JSON.stringify({
        error: {
          code,
          message: tooLong ? 'The request line or headers are too long.' : 'The request could not be read.',
        },
      });
      const status = REGISTRY_ERROR_STATUS[code];
      socket.end(
        `HTTP/1.1 ${status} ${tooLong ? 'URI Too Long' : 'Bad Request'}\r\ncontent-type: application/json; charset=utf-8\r\n` +
          `content-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
    },
  });

  // The protocol speaks JSON only: any other body is 415 unsupported-media-type, never parsed.
  app.removeContentTypeParser('text/plain');

  app.setErrorHandler((error: FastifyError | RegistryError, _request, reply) => {
    const { code, message } = describeError(error);
    const body: Record<string, unknown> = {
      error: {
        code,
        message,
        ...(error instanceof RegistryError && error.detail ? { detail: error.detail } : {}),
      },
    };
    if (error instanceof ConflictError) body.current = error.current;
    return reply.code(REGISTRY_ERROR_STATUS[code]).send(body);
  });
  app.setNotFoundHandler((_request, reply) =>
    reply.code(404).send({ error: { code: 'not-found', message: 'No such route in this protocol.' } }),
  );

  // The app's pages (app:// in Electron, http://127.0.0.1 in the web build) call from another origin.
  // Tokens travel in the Authorization header, never in cookies, so any origin may read answers.
  app.addHook('onRequest', async (request, reply) => {
    reply.header('access-control-allow-origin', '*');
    if (request.method === 'OPTIONS') {
      reply
        .header('access-control-allow-methods', 'GET, POST, PUT')
        .header('access-control-allow-headers', 'authorization, content-type')
        .header('access-control-max-age', '600');
      return reply.code(204).send();
    }
    return undefined;
  });

  await app.register(rateLimit, {
    global: true,
    max: options.rateLimitPerMinute ?? 600,
    timeWindow: '1 minute',
    errorResponseBuilder: (_request, limit) =>
      new RegistryError('rate-limited', `Too many requests; try again in ${Math.ceil(limit.ttl / 1000)} s.`),
  });

  registerMetaRoutes(app, context);
  registerAccessRoutes(app, context);
  registerDirectoryRoutes(app, context);
  registerEntryRoutes(app, context);
  registerPingRoutes(app, context);
  registerWithdrawRoutes(app, context);
  registerExerciseRoutes(app, context);

  // Chunks and head are signed before the first request; then the head follows the directory
  // (writes by this server at once, the admin CLI's within a second) and is re-signed for freshness.
  await feed.refresh();
  const feedTimer = setInterval(() => {
    const due = (feed.head?.issuedAtMs ?? 0) + context.headResignMs <= now();
    if (due || feed.head?.seq !== directory.head()) void feed.refresh({ resign: due }).catch(() => undefined);
  }, 1000);
  feedTimer.unref();

  const pingScheduler = schedulePingCampaigns({
    pings: context.pings,
    now: context.now,
    intervalDays: options.pingIntervalDays ?? DEFAULT_PING_INTERVAL_DAYS,
    ...(options.pingCheckEveryMs ? { checkEveryMs: options.pingCheckEveryMs } : {}),
    ...(options.onCampaignStarted ? { onStarted: options.onCampaignStarted } : {}),
  });

  return {
    app,
    context,
    pingScheduler,
    async listen(port, host = '127.0.0.1') {
      const address = await app.listen({ port, host });
      return address.replace('[::1]', '127.0.0.1');
    },
    async close() {
      clearInterval(feedTimer);
      pingScheduler.stop();
      await app.close();
      db.close();
    },
  };
}

function describeError(error: (FastifyError | RegistryError) & { statusCode?: number }): {
  code: RegistryErrorCode;
  message: string;
} {
  if (error instanceof RegistryError) return { code: error.code, message: error.message };
  const status = error.statusCode ?? 500;
  if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { code: 'payload-too-large', message: 'The request body is too large.' };
  if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE' || status === 415) {
    return { code: 'unsupported-media-type', message: 'Send application/json.' };
  }
  if (error.code === 'FST_ERR_BAD_URL')
    return { code: 'bad-request', message: 'The address is not validly encoded.' };
  if (status === 414) return { code: 'uri-too-long', message: 'The address is too long.' };
  if (status === 429) return { code: 'rate-limited', message: 'Too many requests; try again later.' };
  if (status === 408) return { code: 'timeout', message: 'The request took too long.' };
  if (status >= 400 && status < 500)
    return { code: 'bad-request', message: 'The request could not be read.' };
  const code = isRegistryErrorCode(error.code) ? error.code : 'internal';
  return { code, message: 'The registry failed to answer; try again later.' };
}
