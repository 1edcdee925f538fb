import { canonicalBytes } from '../../shared/encoding/canonicalJson';
import type { PointOfContact } from '../../shared/directory/model';
import { RegistryError } from '../../shared/registry/errors';
import { EntryUpdateRequestSchema, EntryUpdateResponseSchema } from '../../shared/registry/protocol';
import {
  fingerprintOf,
  readVerificationKey,
  verifyDetached,
  type VerificationKey,
} from '../../shared/registry/signing';
import {
  accountKey,
  ConflictError,
  mergeRenewedAccountKey,
  parseOr400,
  rawStatement,
  rememberAccountKey,
  type RegistryContext,
} from '../context';
import type { Account } from '../store/accountRepository';
import { checkEntryTextPolicy, checkStatementBinding } from './statementChecks';

export interface EntryUpdated {
  entry: PointOfContact;
  seq: number;
}

/**
 * A §7 d: « les États peuvent progressivement mettre à jour les informations figurant dans le
 * répertoire si celles qu'ils ont communiquées venaient à connaître des modifications. »
 * One signed own-entry update, with every check, for the online route and `admin import-outbox` alike:
 * - bound to the account (issue 9 §1): only entries of its own State AND role; creating an entry
 *   uses a right granted with the enrolment code;
 * - signed by the enrolled key, for this registry, recently (no replay elsewhere or later);
 * - a key it publishes is proven by a signature of that key over the same bytes, and is in no
 *   other entry of any State;
 * - text within the directory text policy;
 * - based on the current revision; a repeated idempotency key returns the first answer.
 * The exact bytes verified are stored with the signature, so anyone can re-verify them later.
 */
export async function applyEntryUpdate(
  context: RegistryContext,
  account: Account,
  body: unknown,
  entryId?: string,
): Promise<EntryUpdated> {
  const request = parseOr400(EntryUpdateRequestSchema, body);
  const { statement } = request;
  if (entryId !== undefined && statement.entry.id !== entryId)
    throw new RegistryError('bad-request', 'The entry id does not match the address.');
  checkStatementBinding(context, statement);
  const signedBytes = canonicalBytes(rawStatement(body));
  const key = await accountKey(context, account);
  if (!(await verifyDetached(signedBytes, request.signature, key, account.fingerprint))) {
    throw new RegistryError(
      'signature-invalid',
      'The update signature does not verify with the enrolled key.',
    );
  }
  checkEntryTextPolicy(statement.entry);
  const published = statement.entry.openpgp;
  const before = context.directory.get(statement.entry.id);
  const keyChanged =
    published &&
    (published.fingerprint !== before?.openpgp?.fingerprint ||
      published.publicKey !== before.openpgp.publicKey);
  const proven =
    published && keyChanged
      ? await proveKeyPossession(published, account, signedBytes, request.keyProof)
      : null;
  const renewedAccountKey =
    proven && published?.fingerprint === account.fingerprint
      ? await mergeRenewedAccountKey(key, proven)
      : null;

  const run = context.db.transaction((): EntryUpdated => {
    const earlier = context.accounts.storedResponse(account.id, statement.idempotencyKey);
    if (earlier) return EntryUpdateResponseSchema.parse(earlier);
    const current = context.directory.get(statement.entry.id);
    if (statement.entry.state !== account.state || (current && current.state !== account.state)) {
      throw new RegistryError(
        'forbidden-state',
        "A point of contact may change only its own State's entries.",
      );
    }
    if (statement.entry.role !== account.role || (current && current.role !== account.role)) {
      throw new RegistryError(
        'forbidden-role',
        'A point of contact may change only the entries of its own role.',
      );
    }
    const currentRevision = current?.revision ?? 0;
    if (statement.baseRevision !== currentRevision) {
      if (current) throw new ConflictError(current);
      throw new RegistryError('not-found', 'This entry no longer exists on the registry.');
    }
    if (!current && !context.accounts.useCreateRight(account.id)) {
      throw new RegistryError(
        'create-not-allowed',
        'This account may not create entries; the registry manager creates them.',
      );
    }
    if (
      published &&
      keyChanged &&
      context.directory.entryWithFingerprint(published.fingerprint, statement.entry.id)
    ) {
      throw new RegistryError(
        'fingerprint-in-use',
        'This OpenPGP key is already published in another entry.',
      );
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
      .prepare(
        `INSERT INTO entry_updates (seq, entry_id, account_id, revision, statement, signature, received_at, signed_bytes, key_proof)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        seq,
        entry.id,
        account.id,
        entry.revision,
        Buffer.from(signedBytes).toString('utf8'),
        request.signature,
        entry.updatedAt,
        Buffer.from(signedBytes),
        request.keyProof ?? null,
      );
    const result = { entry, seq };
    context.accounts.storeResponse(account.id, statement.idempotencyKey, result);
    return result;
  });
  const result = run();
  if (renewedAccountKey) rememberAccountKey(context, account, renewedAccountKey);
  context.onDirectoryChanged?.();
  return result;
}

/**
 * Proof of possession (issue 9 §1): the key an entry publishes signed the same statement bytes.
 * The account's own enrolled key already did (the statement's signature); any other key must add
 * `keyProof`. The armoured key must also be the key its fingerprint names.
 */
async function proveKeyPossession(
  published: { fingerprint: string; publicKey: string },
  account: Account,
  signedBytes: Uint8Array,
  keyProof: string | undefined,
): Promise<VerificationKey> {
  let key;
  try {
    key = await readVerificationKey(published.publicKey);
  } catch {
    throw new RegistryError('key-proof-invalid', 'The published OpenPGP key cannot be read.');
  }
  if (fingerprintOf(key) !== published.fingerprint) {
    throw new RegistryError('key-proof-invalid', 'The published key is not the key its fingerprint names.');
  }
  if (published.fingerprint === account.fingerprint) return key;
  if (!keyProof || !(await verifyDetached(signedBytes, keyProof, key, published.fingerprint))) {
    throw new RegistryError(
      'key-proof-invalid',
      'Publishing this key needs a signature by it over the same update.',
    );
  }
  return key;
}
