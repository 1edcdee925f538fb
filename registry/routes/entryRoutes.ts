import type { FastifyInstance } from 'fastify';
import { ROUTES } from '../../shared/registry/protocol';
import { requireAccount, type RegistryContext } from '../context';
import { applyEntryUpdate, type EntryUpdated } from '../services/entryUpdates';

/** PUT /v1/entries/:id — a signed own-entry update; every check is in services/entryUpdates.ts. */
export function registerEntryRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.put<{ Params: { id: string } }>(ROUTES.entry, async (request): Promise<EntryUpdated> => {
    const account = requireAccount(context, request);
    return applyEntryUpdate(context, account, request.body, request.params.id);
  });
}
