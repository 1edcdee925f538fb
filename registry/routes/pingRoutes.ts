import type { FastifyInstance } from 'fastify';
import { RegistryError } from '../../shared/registry/errors';
import { PingAckRequestSchema, ROUTES, type Ping } from '../../shared/registry/protocol';
import { verifyCanonical } from '../../shared/registry/signing';
import { accountKey, parseOr400, rawStatement, requireAccount, type RegistryContext } from '../context';

/** Ping tests (A §8): the caller's pings, and signed acknowledgements of receipt. */
export function registerPingRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.get(ROUTES.pings, (request): { pings: Ping[] } => {
    const account = requireAccount(context, request);
    return { pings: context.pings.forAccount(account.id) };
  });

  app.post<{ Params: { id: string } }>(ROUTES.pingAck, async (request): Promise<{ ping: Ping }> => {
    const account = requireAccount(context, request);
    const body = parseOr400(PingAckRequestSchema, request.body);
    const { statement } = body;
    if (statement.pingId !== request.params.id) throw new RegistryError('bad-request', 'The ping id does not match the address.');
    if (statement.registry !== context.signingKey.fingerprint) {
      throw new RegistryError('signature-invalid', 'This acknowledgement was signed for another registry.');
    }
    const key = await accountKey(context, account);
    if (!(await verifyCanonical(rawStatement(request.body), body.signature, key, account.fingerprint))) {
      throw new RegistryError('signature-invalid', 'The acknowledgement signature does not verify with the enrolled key.');
    }
    // The first acknowledgement wins and a repeat returns it, so retries are idempotent by nature.
    // A §8: an answer within the 48 hours confirms the POC's own entries in the signed feed, in
    // the same commit as the answer (a kill -9 cannot leave one without the other).
    const run = context.db.transaction((): Ping => {
      const { ping, firstAnswer } = context.pings.acknowledge({
        pingId: statement.pingId,
        accountId: account.id,
        acknowledgedAt: statement.acknowledgedAt,
        signature: body.signature,
        now: new Date(context.now()),
      });
      if (firstAnswer && ping.answeredAt && ping.late === false) context.directory.confirmPing(account.state, account.role, ping.answeredAt);
      return ping;
    });
    return { ping: run() };
  });
}
