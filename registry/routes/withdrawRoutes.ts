import type { FastifyInstance } from 'fastify';
import { RegistryError } from '../../shared/registry/errors';
import {
  ENTRY_WITHDRAW_ROUTE,
  EntryWithdrawRequestSchema,
  EntryWithdrawResponseSchema,
} from '../../shared/registry/withdraw';
import { verifyCanonical } from '../../shared/registry/signing';
import {
  accountKey,
  ConflictError,
  parseOr400,
  rawStatement,
  requireAccount,
  type RegistryContext,
} from '../context';

interface EntryWithdrawn {
  id: string;
  seq: number;
}

/**
 * POST /v1/entries/:id/withdraw — a POC withdraws an entry of its own State and its own role
 * (shared/registry/withdraw.ts). Signed by the enrolled key, for this registry, based on the
 * current revision; a repeated idempotency key returns the first answer.
 */
export function registerWithdrawRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.post<{ Params: { id: string } }>(ENTRY_WITHDRAW_ROUTE, async (request): Promise<EntryWithdrawn> => {
    const account = requireAccount(context, request);
    const { statement, signature } = parseOr400(EntryWithdrawRequestSchema, request.body);
    if (statement.entryId !== request.params.id)
      throw new RegistryError('bad-request', 'The entry id does not match the address.');
    if (statement.registry !== context.signingKey.fingerprint) {
      throw new RegistryError('bad-request', 'This request was signed for another registry.');
    }
    const key = await accountKey(context, account);
    if (!(await verifyCanonical(rawStatement(request.body), signature, key, account.fingerprint))) {
      throw new RegistryError(
        'signature-invalid',
        'The withdrawal signature does not verify with the enrolled key.',
      );
    }
    const run = context.db.transaction((): EntryWithdrawn => {
      const earlier = context.accounts.storedResponse(account.id, statement.idempotencyKey);
      if (earlier) return EntryWithdrawResponseSchema.parse(earlier);
      const current = context.directory.get(statement.entryId);
      if (!current) throw new RegistryError('not-found', 'This entry no longer exists on the registry.');
      // Same State AND same role, of the account and of the entry as stored (not as the request says).
      if (current.state !== account.state || statement.state !== account.state) {
        throw new RegistryError(
          'forbidden-state',
          "A point of contact may withdraw only its own State's entries.",
        );
      }
      if (current.role !== account.role || statement.role !== account.role) {
        throw new RegistryError(
          'forbidden-role',
          'A point of contact may withdraw only entries of its own role.',
        );
      }
      if (statement.baseRevision !== current.revision) throw new ConflictError(current);
      const seq = context.directory.delete(current.id);
      if (seq === undefined)
        throw new RegistryError('not-found', 'This entry no longer exists on the registry.');
      const result = { id: current.id, seq };
      context.accounts.storeResponse(account.id, statement.idempotencyKey, result);
      return result;
    });
    return run();
  });
}
