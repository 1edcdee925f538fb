import type * as openpgp from 'openpgp';
import type { InputLimits } from '../openpgp/limits';
import { verifyFileSignature } from '../openpgp/fileSignature';
import {
  verifyClearsigned,
  verifySignedMessage,
  detectSignedForm,
  type SignedForm,
} from '../openpgp/signedData';
import { OpenPgpError } from '../openpgp/errors';
import { decideVerdict, type DirectorySigner, type KeyPin, type Verdict } from './verdict';

/** What checking a signature needs: no own key (nothing is decrypted), the directory and the pins. */
export interface SignatureContext {
  verificationKeys: readonly openpgp.PublicKey[];
  directory: readonly DirectorySigner[];
  pins: readonly KeyPin[];
  limits?: Partial<InputLimits>;
}

export interface SignedContentResult {
  form: SignedForm;
  verdict: Verdict;
  /** The signed content as text when it is UTF-8 (a clearsigned advisory always is), else null. */
  text: string | null;
  data: Uint8Array;
  filename: string | null;
}

function utf8OrNull(data: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(data);
  } catch {
    return null;
  }
}

/**
 * Reads clearsigned text or a signed-only message and gives the verdict against the directory, the
 * same verdict an encrypted message gets (verified sender / unknown signer / bad signature / key
 * changed). Throws OpenPgpError('not-encrypted') for anything else, so callers fall back cleanly.
 */
export async function readSignedContent(
  input: string | Uint8Array,
  context: SignatureContext,
): Promise<SignedContentResult> {
  const form = await detectSignedForm(input);
  if (form === null)
    throw new OpenPgpError('not-encrypted', 'neither encrypted, clearsigned nor signed-only');
  const content =
    form === 'clearsigned'
      ? await verifyClearsigned(input, context.verificationKeys, context.limits)
      : await verifySignedMessage(input, context.verificationKeys, context.limits);
  const verdict = decideVerdict(content.signatures, context.directory, context.pins);
  return { form, verdict, text: utf8OrNull(content.data), data: content.data, filename: content.filename };
}

/** A file and its detached signature (.asc or .sig), checked together: the verdict for the file. */
export async function checkFileSignature(
  data: Uint8Array,
  signature: string | Uint8Array,
  context: SignatureContext,
): Promise<Verdict> {
  const checks = await verifyFileSignature(data, signature, context.verificationKeys, context.limits);
  return decideVerdict(checks, context.directory, context.pins);
}
