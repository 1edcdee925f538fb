import { z } from 'zod';
import type { BatchOp, VaultSession } from './session';

/**
 * Vaults written before issue 9 named conversation and key-pin records after the counterpart's POC
 * id in clear ('conv-<pocId>', 'pin-<pocId>') and indexed conversations by clear State and role.
 * After unlocking, such records are rewritten under their keyed-hash ids, in one batch per
 * collection (the old record is deleted in the same transaction, so nothing is lost or doubled).
 */
const WithPocId = z.looseObject({ pocId: z.string().min(1).max(64) });
const ConversationLike = z.looseObject({
  pocId: z.string().min(1).max(64),
  state: z.string().max(3),
  role: z.string().max(20),
  updatedAt: z.string().max(40),
});
const PinLike = z.looseObject({ kind: z.literal('pin'), pocId: z.string().min(1).max(64) });

export async function migrateClearLookupIds(session: VaultSession): Promise<number> {
  const ops: BatchOp[] = [];
  const conversations = await session.collection('conversations', ConversationLike).list();
  for (const { id, value } of conversations.items) {
    const hashed = `conv-${await session.lookupId('poc', value.pocId)}`;
    if (id === hashed) continue;
    const index = {
      state: await session.lookupId('state', value.state),
      role: await session.lookupId('role', value.role),
      updatedAt: value.updatedAt,
    };
    ops.push(
      { collection: 'conversations', id: hashed, value: { ...value, id: hashed }, index },
      { collection: 'conversations', id, delete: true },
    );
  }
  const peers = await session
    .collection('peerKeys', z.union([PinLike, z.looseObject({ kind: z.literal('key') })]))
    .list();
  for (const { id, value } of peers.items) {
    const pin = WithPocId.safeParse(value);
    if (value.kind !== 'pin' || !pin.success) continue;
    const hashed = `pin-${await session.lookupId('poc', pin.data.pocId)}`;
    if (id === hashed) continue;
    const updatedAt =
      typeof value.verifiedAt === 'string'
        ? value.verifiedAt
        : typeof value.pinnedAt === 'string'
          ? value.pinnedAt
          : undefined;
    ops.push(
      { collection: 'peerKeys', id: hashed, value, ...(updatedAt ? { index: { updatedAt } } : {}) },
      { collection: 'peerKeys', id, delete: true },
    );
  }
  if (ops.length) await session.writeBatch(ops);
  return ops.length / 2;
}
