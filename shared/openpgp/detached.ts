import * as openpgp from 'openpgp';
import { toOpenPgpError, type OpenPgpErrorCode } from './errors';
import { readPublicKey } from './keys';
import { pgpConfig } from './limits';

/**
 * Detached signatures over UTF-8 text, armoured. Used for registry challenges and signed pages.
 * The signature covers exactly the UTF-8 bytes of `text` (binary signature, type 0x00), so
 * `gpg --verify text.sig text.txt` checks the same thing.
 *
 *   const signature = await signDetached('challenge-123', ownKey);
 *   const result = await verifyDetached('challenge-123', signature, peerPublicKeyArmored);
 *   if (result.valid) use(result.fingerprint);
 */
export async function signDetached(text: string, privateKey: openpgp.PrivateKey): Promise<string> {
  return signDetachedBytes(new TextEncoder().encode(text), privateKey);
}

/** A detached, armoured signature over exact bytes (a file, or the UTF-8 of a statement). */
export async function signDetachedBytes(data: Uint8Array, privateKey: openpgp.PrivateKey): Promise<string> {
  const message = await openpgp.createMessage({ binary: data });
  try {
    // Typed as unknown: openpgp's stream-generic overloads do not resolve for the linter.
    const signature: unknown = await openpgp.sign({
      message,
      signingKeys: privateKey,
      detached: true,
      format: 'armored',
      config: pgpConfig(),
    });
    return String(signature);
  } catch (error) {
    throw toOpenPgpError(error, 'no-signing-key');
  }
}

export type DetachedVerification =
  { valid: true; fingerprint: string; signedAt: string | null } | { valid: false; reason: OpenPgpErrorCode };

/** Never throws: a malformed signature or key is reported as `{ valid: false, reason }`. */
export async function verifyDetached(
  text: string,
  armoredSignature: string,
  publicKeyArmored: string,
): Promise<DetachedVerification> {
  try {
    const key = await readPublicKey(publicKeyArmored);
    const signature = await openpgp.readSignature({ armoredSignature, config: pgpConfig() });
    const message = await openpgp.createMessage({ binary: new TextEncoder().encode(text) });
    const result = await openpgp.verify({
      message,
      signature,
      verificationKeys: key,
      expectSigned: false,
      format: 'binary',
      config: pgpConfig(),
    });
    const [first] = result.signatures;
    if (!first) return { valid: false, reason: 'bad-signature' };
    await first.verified;
    const packet = (await first.signature).packets[0];
    return {
      valid: true,
      fingerprint: key.getFingerprint().toUpperCase(),
      signedAt: packet?.created ? packet.created.toISOString() : null,
    };
  } catch (error) {
    return { valid: false, reason: toOpenPgpError(error, 'bad-signature').code };
  }
}
