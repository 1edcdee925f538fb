import type * as openpgp from 'openpgp';
import { decryptAndVerify } from '../openpgp/messageCrypto';
import type { InputLimits } from '../openpgp/limits';
import { resolveLimits } from '../openpgp/limits';
import { OpenPgpError } from '../openpgp/errors';
import { looksLikeEml, parsePgpMimeEml } from './eml';
import { MessageError } from './errors';
import { parseInnerEntity } from './mime';
import { PayloadEnvelopeSchema, PocMessagePayloadSchema, type PocMessagePayload } from './payload';
import { decideVerdict, type DirectorySigner, type KeyPin, type Verdict } from './verdict';

export type IncomingForm = 'armored' | 'binary' | 'eml';

export interface ReadMessageContext {
  ownKey: openpgp.PrivateKey;
  /** Every key to check signatures with: directory keys, imported peer keys, the own key. */
  verificationKeys: readonly openpgp.PublicKey[];
  directory: readonly DirectorySigner[];
  pins: readonly KeyPin[];
  limits?: Partial<InputLimits>;
}

export interface ReadMessageResult {
  form: IncomingForm;
  verdict: Verdict;
  text: string;
  subject: string | undefined;
  /** The structured payload when it is a poc-message this app understands. */
  payload: PocMessagePayload | null;
  /** Set when the JSON part is a poc-message of a newer version: show the text only. */
  unsupportedVersion?: number;
}

/**
 * Reads what a user pasted, dropped or opened: armoured text (also inside surrounding text), a
 * binary .gpg, or a PGP/MIME .eml. Throws OpenPgpError or MessageError (typed, translated).
 */
export async function readMessage(
  input: string | Uint8Array,
  context: ReadMessageContext,
): Promise<ReadMessageResult> {
  const limits = resolveLimits(context.limits);
  const size = typeof input === 'string' ? input.length : input.byteLength;
  if (size > limits.maxInputBytes) throw new OpenPgpError('too-large', `input of ${size} bytes`);
  const head =
    typeof input === 'string'
      ? input
      : new TextDecoder('utf-8', { fatal: false }).decode(input.subarray(0, 65536));
  let form: IncomingForm;
  let encrypted: string | Uint8Array;
  if (looksLikeEml(head)) {
    form = 'eml';
    encrypted = (await parsePgpMimeEml(input)).encrypted;
  } else {
    const text =
      typeof input === 'string'
        ? input
        : head.includes('-----BEGIN PGP')
          ? new TextDecoder().decode(input)
          : undefined;
    const block =
      text === undefined
        ? undefined
        : /-----BEGIN PGP MESSAGE-----[\s\S]*?(-----END PGP MESSAGE-----|$)/.exec(text)?.[0];
    if (text !== undefined) {
      form = 'armored';
      encrypted = block ?? text;
    } else {
      form = 'binary';
      encrypted = input;
    }
  }

  const decrypted = await decryptAndVerify({
    input: encrypted,
    decryptionKey: context.ownKey,
    verificationKeys: context.verificationKeys,
    limits,
  });
  const inner = await parseInnerEntity(decrypted.data);
  const verdict = decideVerdict(decrypted.signatures, context.directory, context.pins);

  let payload: PocMessagePayload | null = null;
  let unsupportedVersion: number | undefined;
  if (inner.json !== undefined) {
    let json: unknown;
    try {
      json = JSON.parse(inner.json);
    } catch {
      json = undefined;
    }
    const parsed = PocMessagePayloadSchema.safeParse(json);
    if (parsed.success) payload = parsed.data;
    else {
      const envelope = PayloadEnvelopeSchema.safeParse(json);
      if (envelope.success) unsupportedVersion = envelope.data.version;
    }
  }
  if (payload && (verdict.kind === 'verified' || verdict.kind === 'key-changed')) {
    const claimed = payload.sender;
    const signer = verdict.kind === 'verified' ? verdict.signer.fingerprint : verdict.signerFingerprint;
    if (
      claimed.fingerprint !== signer ||
      (claimed.pocId !== undefined && claimed.pocId !== verdict.signer.pocId)
    ) {
      throw new MessageError('signer-mismatch');
    }
  }
  return {
    form,
    verdict,
    text: inner.text,
    subject: inner.subject ?? payload?.subject,
    payload,
    ...(unsupportedVersion !== undefined ? { unsupportedVersion } : {}),
  };
}
