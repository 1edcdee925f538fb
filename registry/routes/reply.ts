import { gzipSync } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';

/** A JSON body prepared once, with its gzip form for clients that accept it. */
export interface PreparedJson {
  plain: Buffer;
  gzip: Buffer | null;
}

const MIN_GZIP_BYTES = 1024;

export function prepareJson(json: string): PreparedJson {
  const plain = Buffer.from(json, 'utf8');
  return { plain, gzip: plain.length >= MIN_GZIP_BYTES ? gzipSync(plain, { level: 6 }) : null };
}

export function acceptsGzip(request: FastifyRequest): boolean {
  const header = request.headers['accept-encoding'];
  return typeof header === 'string' && /\bgzip\b/.test(header);
}

/** Sends prepared JSON, compressed when the client accepts it (the feed is most of the bytes). */
export function sendPrepared(request: FastifyRequest, reply: FastifyReply, body: PreparedJson): FastifyReply {
  reply.header('content-type', 'application/json; charset=utf-8').header('vary', 'accept-encoding');
  if (body.gzip && acceptsGzip(request)) return reply.header('content-encoding', 'gzip').send(body.gzip);
  return reply.send(body.plain);
}
