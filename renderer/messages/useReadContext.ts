import type * as openpgp from 'openpgp';
import type { PointOfContact } from '../../shared/directory/model';
import type { ReadMessageContext } from '../../shared/messages/read';
import { listPeerRecords, toKeyPins } from '../identity/peerKeys';
import { loadOwnSigningKey } from '../messaging/ownIdentity';
import type { VaultSession } from '../vault/session';
import { MessageError } from '../../shared/messages/errors';
import { directoryKeys, parseKeyCached } from '../messaging/keyring';
import { directoryKeysLoaded } from '../directory/store';

/** Everything readMessage needs, from the vault: own key, directory keys, imported keys, pins. */
export async function buildReadContext(
  session: VaultSession,
  entries: readonly PointOfContact[],
): Promise<ReadMessageContext> {
  const ownKey = await loadOwnSigningKey(session);
  if (!ownKey) throw new MessageError('no-identity');
  await directoryKeysLoaded(session); // the entries' keys follow a fresh load of the directory
  const { keys, signers } = await directoryKeys(entries);
  const peers = await listPeerRecords(session);
  const imported: openpgp.PublicKey[] = [];
  for (const record of peers.keys) {
    const key = await parseKeyCached(record.publicKey);
    if (key) imported.push(key);
  }
  return {
    ownKey,
    verificationKeys: [...keys, ...imported, ownKey.toPublic()],
    directory: signers,
    pins: toKeyPins(peers.pins),
  };
}
