import type { FastifyInstance } from 'fastify';
import { ROUTES, type Ping } from '../../shared/registry/protocol';
import { requireAccount, type RegistryContext } from '../context';
import { applyPingAck } from '../services/pingAcks';

/** Ping tests (A §8): the caller's pings, and signed acknowledgements of receipt. */
export function registerPingRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.get(ROUTES.pings, (request): { pings: Ping[] } => {
    const account = requireAccount(context, request);
    return { pings: context.pings.forAccount(account.id) };
  });

  app.post<{ Params: { id: string } }>(ROUTES.pingAck, async (request): Promise<{ ping: Ping }> => {
    const account = requireAccount(context, request);
    return { ping: await applyPingAck(context, account, request.body, request.params.id) };
  });
}
