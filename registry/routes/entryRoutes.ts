import type { FastifyInstance } from 'fastify';
import { RegistryError } from '../../shared/registry/errors';
import { EntryUpdateRequestSchema, EntryUpdateResponseSchema, ROUTES } from '../../shared/registry/protocol';
import type { PointOfContact } from '../../shared/directory/model';
import { verifyCanonical } from '../../shared/registry/signing';
import { accountKey, ConflictError, parseOr400, rawStatement, requireAccount, type RegistryContext } from '../context';

interface EntryUpdated {
  entry: PointOfContact;
  seq: number;
}

/**
 * PUT /v1/entries/:id — A §7 d: « les États peuvent progressivement mettre à jour les informations
 * figurant dans le répertoire si celles qu'ils ont communiquées venaient à connaître des modifications. »
 * Only the caller's own State, signed by the enrolled key, based on the current revision; a
 * repeated idempotency key returns the first answer instead of applying twice.
 */
export function registerEntryRoutes(app: FastifyInstance, context: RegistryContext): void {
  app.put<{ Params: { id: string } }>(ROUTES.entry, async (request): Promise<EntryUpdated> => {
    const account = requireAccount(context, request);
    const body = parseOr400(EntryUpdateRequestSchema, request.body);
    const { statement } = body;
    if (statement.entry.id !== request.params.id) throw new RegistryError('bad-request', 'The entry id does not match the address.');
    const key = await accountKey(context, account);
    if (!(await verifyCanonical(rawStatement(request.body), body.signature, key, account.fingerprint))) {
      throw new RegistryError('signature-invalid', 'The update signature does not verify with the enrolled key.');
    }
    const run = context.db.transaction((): EntryUpdated => {
      const earlier = context.accounts.storedResponse(account.id, statement.idempotencyKey);
      if (earlier) return EntryUpdateResponseSchema.parse(earlier);
      const current = context.directory.get(statement.entry.id);
      if (statement.entry.state !== account.state || (current && current.state !== account.state)) {
        throw new RegistryError('forbidden-state', "A point of contact may change only its own State's entries.");
      }
      const currentRevision = current?.revision ?? 0;
      if (statement.baseRevision !== currentRevision) {
        if (current) throw new ConflictError(current);
        throw new RegistryError('not-found', 'This entry no longer exists on the registry.');
      }
      const entry: PointOfContact = {
        ...statement.entry,
        revision: currentRevision + 1,
        updatedAt: new Date(context.now()).toISOString(),
        // Set by the registry from ping answers, never by an edit.
        lastPingConfirmedAt: current?.lastPingConfirmedAt,
      };
      const seq = context.directory.put(entry);
      context.db
        .prepare('INSERT INTO entry_updates (seq, entry_id, account_id, revision, statement, signature, received_at) VALUES (?, ?, ?, ?, ?, ?, ?)')
        .run(seq, entry.id, account.id, entry.revision, JSON.stringify(statement), body.signature, entry.updatedAt);
      const result = { entry, seq };
      context.accounts.storeResponse(account.id, statement.idempotencyKey, result);
      return result;
    });
    return run();
  });
}
