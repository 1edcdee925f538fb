import type * as openpgp from 'openpgp';
import type { QueryClient } from '@tanstack/react-query';
import type { SignatureContext } from '../../shared/messages/readSigned';
import { listPeerRecords, toKeyPins } from '../identity/peerKeys';
import { loadOwnSigningKey } from '../messaging/ownIdentity';
import type { VaultSession } from '../vault/session';
import { DIRECTORY_QUERY_KEY, loadDirectory } from '../directory/useDirectory';
import { directoryKeys, parseKeyCached } from '../messaging/keyring';
import { directoryKeysLoaded } from '../directory/store';

/**
 * What checking a signature needs, from the vault: directory keys, imported keys, pins, and the own
 * public key when there is one. Unlike reading an encrypted message, no own key is required.
 */
export async function buildSignatureContext(
  session: VaultSession,
  client: QueryClient,
): Promise<SignatureContext> {
  // The directory as the vault holds it now (a cached copy can predate the last sync).
  const current = await client.fetchQuery({
    queryKey: DIRECTORY_QUERY_KEY,
    queryFn: () => loadDirectory(session),
    staleTime: 0,
  });
  await directoryKeysLoaded(session); // the entries' keys follow a fresh load of the directory
  const { keys, signers } = await directoryKeys(current.entries);
  const peers = await listPeerRecords(session);
  const imported: openpgp.PublicKey[] = [];
  for (const record of peers.keys) {
    const key = await parseKeyCached(record.publicKey);
    if (key) imported.push(key);
  }
  const own = await loadOwnSigningKey(session);
  return {
    verificationKeys: [...keys, ...imported, ...(own ? [own.toPublic()] : [])],
    directory: signers,
    pins: toKeyPins(peers.pins),
  };
}
