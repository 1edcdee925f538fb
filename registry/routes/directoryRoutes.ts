import type { FastifyInstance } from 'fastify';
import { canonicalJson } from '../../shared/encoding/canonicalJson';
import { RegistryError } from '../../shared/registry/errors';
import { ChangesQuerySchema, PROTOCOL, ROUTES, type DirectoryPage } from '../../shared/registry/protocol';
import { signCanonical } from '../../shared/registry/signing';
import { parseOr400, requireAccount, type RegistryContext } from '../context';
import { prepareJson, sendPrepared, type PreparedJson } from './reply';

/** How long one signed "nothing new since head" page is served before it is signed afresh. */
const NOTHING_NEW_TTL_MS = 30_000;

/**
 * GET /v1/directory/changes?since=SEQ: a signed page of entries and tombstones after SEQ.
 * The "nothing new" answer (since = head) is the same for every client at head, so it is signed
 * once per head and per 30 s and served from memory: that is the request a fleet of idle apps makes.
 */
export function registerDirectoryRoutes(app: FastifyInstance, context: RegistryContext): void {
  let nothingNew: { head: number; signedAt: number; body: PreparedJson } | null = null;

  async function signedPage(page: DirectoryPage): Promise<PreparedJson> {
    const canonical = canonicalJson(page);
    const signature = await signCanonical(page, context.signingKey.key);
    return prepareJson(`{"page":${canonical},"signature":"${signature}"}`);
  }

  app.get(ROUTES.changes, async (request, reply) => {
    requireAccount(context, request);
    const { since, limit } = parseOr400(ChangesQuerySchema, request.query);
    const head = context.directory.head();
    if (since > head) {
      throw new RegistryError('ahead-of-registry', `This registry is at sequence ${head}, behind the requested ${since}.`);
    }
    const now = context.now();
    if (since === head) {
      if (!nothingNew || nothingNew.head !== head || now - nothingNew.signedAt > NOTHING_NEW_TTL_MS) {
        const page = basePage(context, since, since, head, now);
        nothingNew = { head, signedAt: now, body: await signedPage({ ...page, changes: [] }) };
      }
      return sendPrepared(request, reply, nothingNew.body);
    }
    const changes = context.directory.changesSince(since, limit);
    const until = changes.at(-1)?.seq ?? since;
    const page: DirectoryPage = { ...basePage(context, since, until, Math.max(head, until), now), changes };
    return sendPrepared(request, reply, await signedPage(page));
  });
}

function basePage(context: RegistryContext, since: number, until: number, head: number, now: number) {
  return {
    protocol: PROTOCOL,
    registry: context.signingKey.fingerprint,
    since,
    until,
    head,
    issuedAt: new Date(now).toISOString(),
  };
}
