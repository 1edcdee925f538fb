import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RegistryError } from '../../shared/registry/errors';
import { FEED_PATHS } from '../../shared/registry/feed';
import { requireAccount, type RegistryContext } from '../context';
import type { FeedFile } from '../feed/feedPublisher';
import { acceptsGzip } from './reply';

/**
 * The feed (issue 14): GET the signed head, then GET each immutable chunk it lists. Both are
 * prepared bytes served from memory: nothing is signed or compressed on the request path. The head
 * is re-signed by the publisher when the directory moves (a write here waits for that one signature
 * only if it asks in the instant between the write and the new head) and periodically for freshness.
 * Answers need a session like every directory read; a static mirror serves the same files to anyone
 * its operator lets in.
 */
export function registerDirectoryRoutes(app: FastifyInstance, context: RegistryContext): void {
  const { feed } = context;

  app.get(FEED_PATHS.head, async (request, reply) => {
    requireAccount(context, request);
    // Normally the publisher's timer keeps the head current and fresh; after a write in this very
    // instant, or a clock jump the timer has not seen yet, this request waits for that one signature.
    const stale = !feed.head || context.now() - feed.head.issuedAtMs > context.headResignMs;
    if (stale || feed.head?.seq !== context.directory.head()) await feed.refresh({ resign: stale });
    const head = feed.head;
    if (!head) throw new RegistryError('internal', 'The feed is not ready yet.');
    return sendFile(request, reply, head.file, 'no-cache');
  });

  app.get<{ Params: { name: string } }>(FEED_PATHS.chunkRoute, (request, reply) => {
    requireAccount(context, request);
    const file = feed.chunkFile(request.params.name);
    if (!file) throw new RegistryError('not-found', 'No such chunk: fetch the head again.');
    return sendFile(request, reply, file, 'private, max-age=31536000, immutable');
  });
}

/** Strong ETag (the SHA-256 of the exact bytes), 304 when the client has them, gzip when accepted. */
function sendFile(
  request: FastifyRequest,
  reply: FastifyReply,
  file: FeedFile,
  cacheControl: string,
): FastifyReply {
  reply.header('etag', file.etag).header('cache-control', cacheControl).header('vary', 'accept-encoding');
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  reply.header('content-type', 'application/json; charset=utf-8');
  if (acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.plain);
}
