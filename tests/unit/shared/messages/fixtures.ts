import type * as openpgp from 'openpgp';
import { generateIdentity, type GeneratedIdentity } from '../../../../shared/openpgp/keys';
import type { DirectorySigner } from '../../../../shared/messages/verdict';

/** Two fictional POCs with keys and directory rows, shared by the message tests. */
export interface Poc {
  id: GeneratedIdentity;
  signer: DirectorySigner;
  pub: openpgp.PublicKey;
}

export async function makePoc(pocId: string, state: string, name: string): Promise<Poc> {
  const id = await generateIdentity({ name: `${name} (fictional)`, email: `${pocId}@example.org` });
  return {
    id,
    pub: id.privateKey.toPublic(),
    signer: { pocId, state, role: 'technical', name, fingerprint: id.fingerprint },
  };
}
