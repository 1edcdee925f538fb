import { z } from 'zod';
import { EntryIdSchema, FingerprintSchema, PocRoleSchema, StateCodeSchema } from '../directory/model';

/**
 * Withdrawing one of the own State's entries (A §7 d: « les États peuvent progressivement mettre à
 * jour les informations figurant dans le répertoire »; an entry that no longer designates anyone is
 * taken out). Only a POC of the same State AND the same role as the entry may ask; the request is
 * signed when queued, like every outgoing statement, and the registry publishes a deletion in its
 * signed feed. The statement names the State, role and revision the user saw, so a replay or a
 * request about an entry that has changed since is refused.
 */
const Base64Schema = z
  .string()
  .max(16 * 1024)
  .regex(/^[A-Za-z0-9+/]*={0,2}$/);
const IdempotencyKeySchema = z.string().regex(/^[A-Za-z0-9_-]{16,64}$/);

export const ENTRY_WITHDRAW_ROUTE = '/v1/entries/:id/withdraw';

export const EntryWithdrawStatementSchema = z.object({
  purpose: z.literal('entry-withdraw'),
  /** The registry the request is meant for (a signed request cannot be replayed to another one). */
  registry: FingerprintSchema,
  /** When it was signed: the registry refuses it much later (no replay of an old withdrawal). */
  signedAt: z.iso.datetime().optional(),
  entryId: EntryIdSchema,
  state: StateCodeSchema,
  role: PocRoleSchema,
  /** The revision the user saw: a withdrawal of an entry changed since then is a conflict. */
  baseRevision: z.number().int().positive(),
  reason: z.string().trim().max(500).optional(),
  idempotencyKey: IdempotencyKeySchema,
});
export type EntryWithdrawStatement = z.infer<typeof EntryWithdrawStatementSchema>;
export const EntryWithdrawRequestSchema = z.object({
  statement: EntryWithdrawStatementSchema,
  signature: Base64Schema,
});
export type EntryWithdrawRequest = z.infer<typeof EntryWithdrawRequestSchema>;
export const EntryWithdrawResponseSchema = z.object({ id: EntryIdSchema, seq: z.number().int().positive() });
