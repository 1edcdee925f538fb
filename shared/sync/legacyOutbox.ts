import { z } from 'zod';
import { PointOfContactSchema, type PointOfContact } from '../directory/model';
import { canonicalJson } from '../encoding/canonicalJson';
import { Base64Schema, EntryUpdateStatementSchema } from '../registry/protocol';
import { SyncError } from './errors';
import { OutboxItemSchema, type OutboxItem } from './model';
import { normaliseEntryForSigning, type OutboxDeps } from './outbox';

/**
 * Outbox items signed under protocol v1, before the registry moved to v2 (issue 9 §1).
 *
 * A v1 own-entry edit signed `{ purpose, entry, baseRevision, idempotencyKey }`: it named neither the
 * registry it was for nor when it was signed. A v2 registry refuses such a statement (it could be
 * replayed to another registry, or years later), and this app cannot add the two members itself:
 * the signature covers the exact bytes, so a changed statement needs a new signature, and a signature
 * is the user's act. Such items are therefore never sent as they are. They are shown where the
 * outbox is, and only on the user's confirmation, after they saw what the item says, are they signed
 * again in the v2 form with the user's own key.
 *
 * What makes that safe:
 * - the v1 signature is checked first against the user's enrolled key, so what is shown and re-signed
 *   is what the user signed then, not something put in the outbox since (a tampered item is refused);
 * - the statement must read exactly under the v1 form: nothing is dropped or rewritten on the way,
 *   except the NFC normalisation the registry requires, which is applied before showing it;
 * - the new statement names this registry and the time of the confirmation, as any v2 edit;
 * - the idempotency key is kept: if the v1 request reached the registry and only its answer was lost,
 *   the registry (which keeps its answers per account across its upgrade) returns that first answer
 *   instead of applying the edit twice; the base revision is kept too, so an entry changed since is
 *   a conflict for the user to settle, never a silent overwrite.
 * Ping answers and withdrawals have no v1 form to convert: v1 ping answers already had the v2 shape,
 * and withdrawals came with v2.
 */
export const LEGACY_PROTOCOL = 'poc-registry/v1' as const;

/** The v1 own-entry statement, exactly (strict: an unknown member means it cannot be carried over). */
export const EntryUpdateStatementV1Schema = z.strictObject({
  purpose: z.literal('entry-update'),
  entry: PointOfContactSchema,
  baseRevision: z.number().int().nonnegative(),
  idempotencyKey: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});
export type EntryUpdateStatementV1 = z.infer<typeof EntryUpdateStatementV1Schema>;

/**
 * A v1 item as it lies in the outbox. The statement is kept raw: its signature covers its canonical
 * JSON as it was signed, which a parse could alter. Recognised by what v1 lacked: registry, signedAt.
 */
export const LegacyOutboxItemSchema = z
  .object({
    id: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
    kind: z.literal('entry-update'),
    createdAt: z.iso.datetime(),
    request: z.object({
      statement: z.record(z.string(), z.unknown()),
      signature: Base64Schema,
    }),
  })
  .refine(
    ({ request: { statement } }) =>
      statement.purpose === 'entry-update' && !('registry' in statement) && !('signedAt' in statement),
    'not a protocol v1 statement',
  );
export type LegacyOutboxItem = z.infer<typeof LegacyOutboxItemSchema>;

/** Checks a signature over the canonical JSON of a statement with the user's enrolled key. */
export type StatementVerifier = (statement: unknown, signature: string) => Promise<boolean>;

export type LegacyReview =
  | {
      ok: true;
      statement: EntryUpdateStatementV1;
      /** The entry as it will be signed again (NFC, as the registry requires): what the user confirms. */
      entry: PointOfContact;
    }
  /**
   * signature-invalid: the item is not what the user's enrolled key signed (altered since, or signed
   * with another key); unreadable: it does not read exactly as a v1 edit, so it cannot be carried over.
   */
  | { ok: false; reason: 'signature-invalid' | 'unreadable' };

/** What a v1 item says, once its signature and form are checked; nothing is signed or stored here. */
export async function reviewLegacyItem(
  item: LegacyOutboxItem,
  verify: StatementVerifier,
): Promise<LegacyReview> {
  const { statement: raw, signature } = item.request;
  if (!(await verify(raw, signature))) return { ok: false, reason: 'signature-invalid' };
  const parsed = EntryUpdateStatementV1Schema.safeParse(raw);
  // Equal canonical forms: the parse neither dropped nor rewrote anything that was signed.
  if (!parsed.success || canonicalJson(parsed.data) !== canonicalJson(raw))
    return { ok: false, reason: 'unreadable' };
  return { ok: true, statement: parsed.data, entry: normaliseEntryForSigning(parsed.data.entry) };
}

/**
 * After the user saw the item and confirmed: signs it again in the current form with the user's own
 * key and puts it in the outbox in place of the v1 item (same outbox id, same idempotency key, same
 * base revision). The checks of reviewLegacyItem run again here: nothing is signed on an earlier look.
 */
export async function resignLegacyItem(
  deps: OutboxDeps & { verify: StatementVerifier },
  item: LegacyOutboxItem,
  consent: { confirmed: true },
): Promise<{ ok: true; item: OutboxItem } | Extract<LegacyReview, { ok: false }>> {
  // Also checked at run time: a caller in plain JavaScript, or a cast, must not skip the user.
  if ((consent as { confirmed: unknown }).confirmed !== true)
    throw new TypeError('a v1 item is signed again only on the user’s confirmation');
  const review = await reviewLegacyItem(item, deps.verify);
  if (!review.ok) return review;
  const state = await deps.store.loadState();
  if (!state) throw new SyncError('not-enrolled', 'enrol with the registry first');
  const now = new Date((deps.now ?? Date.now)()).toISOString();
  const statement = EntryUpdateStatementSchema.parse({
    purpose: 'entry-update',
    registry: state.registryFingerprint,
    signedAt: now,
    entry: review.entry,
    baseRevision: review.statement.baseRevision,
    idempotencyKey: review.statement.idempotencyKey,
  });
  const converted = OutboxItemSchema.parse({
    id: item.id,
    kind: 'entry-update',
    createdAt: item.createdAt,
    attempts: 0,
    nextAttemptAt: now,
    status: 'waiting',
    request: { statement, signature: await deps.sign(statement) },
  });
  await deps.store.putOutbox(converted);
  return { ok: true, item: converted };
}
