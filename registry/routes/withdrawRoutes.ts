import type { FastifyInstance } from 'fastify';
import { ENTRY_WITHDRAW_ROUTE } from '../../shared/registry/withdraw';
import { requireAccount, type RegistryContext } from '../context';
import { applyEntryWithdraw, type EntryWithdrawn } from '../services/entryWithdraw';

/**
 * POST /v1/entries/:id/withdraw — a POC withdraws an entry of its own State and its own role; every
 * check lives in registry/services/entryWithdraw.ts, shared with `admin import-outbox`.
 */
export function registerWithdrawRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.post<{ Params: { id: string } }>(ENTRY_WITHDRAW_ROUTE, async (request): Promise<EntryWithdrawn> =>
    applyEntryWithdraw(context, requireAccount(context, request), request.body, request.params.id),
  );
}
