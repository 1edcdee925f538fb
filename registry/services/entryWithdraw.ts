import { RegistryError } from '../../shared/registry/errors';
import { EntryWithdrawRequestSchema, EntryWithdrawResponseSchema } from '../../shared/registry/withdraw';
import { verifyCanonical } from '../../shared/registry/signing';
import { accountKey, ConflictError, parseOr400, rawStatement, type RegistryContext } from '../context';
import type { Account } from '../store/accountRepository';
import { checkStatementBinding } from './statementChecks';

export interface EntryWithdrawn {
  id: string;
  seq: number;
}

/**
 * One signed withdrawal of an own entry (shared/registry/withdraw.ts), with every check, for the
 * online route and `admin import-outbox` alike: for this registry and signed recently (no replay
 * elsewhere or later), by the enrolled key, of an entry of the account's own State AND role as
 * stored (not as the request says), based on the current revision; a repeated idempotency key
 * returns the first answer.
 */
export async function applyEntryWithdraw(
  context: RegistryContext,
  account: Account,
  body: unknown,
  entryId?: string,
): Promise<EntryWithdrawn> {
  const { statement, signature } = parseOr400(EntryWithdrawRequestSchema, body);
  if (entryId !== undefined && statement.entryId !== entryId)
    throw new RegistryError('bad-request', 'The entry id does not match the address.');
  // Withdrawals queued before signing times were added carry none: they are refused as expired, so
  // the app signs them again rather than a statement of unknown age being honoured.
  checkStatementBinding(context, { registry: statement.registry, signedAt: statement.signedAt ?? '' });
  const key = await accountKey(context, account);
  if (!(await verifyCanonical(rawStatement(body), signature, key, account.fingerprint))) {
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
}
