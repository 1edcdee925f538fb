import type * as openpgp from 'openpgp';
import { readPublicKey } from '../openpgp/keys';
import { detectSignedForm, verifyClearsigned } from '../openpgp/signedData';
import { verifyFileSignature } from '../openpgp/fileSignature';
import type { SignatureCheck } from '../openpgp/messageCrypto';
import { RegionalError } from './errors';
import type { PinnedManagerKey } from './model';

/**
 * A regional directory file may be signed by the directory's manager: clearsigned (the CSV or JSON
 * inside the signature block) or with a detached signature beside it. The key is pinned at the first
 * signed import (the user compares its fingerprint with the manager's); from then on only that key is
 * accepted, and an unsigned file is refused (no silent downgrade).
 */
export type FileTrust =
  | { kind: 'unsigned' }
  | { kind: 'verified'; fingerprint: string; signedAt: string | null; firstUse: boolean; publicKey: string };

export interface SignedFileInput {
  /** The file as read (bytes or text). */
  content: Uint8Array | string;
  /** A detached signature (.asc / .sig) picked with it, if any. */
  signature?: Uint8Array | string | undefined;
  /** The key pinned at an earlier import of this directory, if any. */
  pinned?: PinnedManagerKey | undefined;
  /** The manager's public key, armoured, offered by the user at first import. */
  offeredKey?: string | undefined;
}

function toText(content: Uint8Array | string): string {
  return typeof content === 'string'
    ? content
    : new TextDecoder('utf-8').decode(content).replace(/^\uFEFF/, '');
}

async function managerKey(
  input: SignedFileInput,
): Promise<{ key: openpgp.PublicKey; armored: string; firstUse: boolean }> {
  if (input.pinned)
    return {
      key: await readPublicKey(input.pinned.publicKey),
      armored: input.pinned.publicKey,
      firstUse: false,
    };
  if (!input.offeredKey?.trim()) throw new RegionalError('manager-key-needed');
  try {
    return { key: await readPublicKey(input.offeredKey), armored: input.offeredKey.trim(), firstUse: true };
  } catch {
    throw new RegionalError('not-a-key');
  }
}

function judge(checks: readonly SignatureCheck[]): SignatureCheck & { status: 'valid' } {
  const invalid = checks.find((c) => c.status === 'invalid');
  if (invalid) throw new RegionalError('bad-signature');
  const valid = checks.find((c): c is SignatureCheck & { status: 'valid' } => c.status === 'valid');
  if (!valid) throw new RegionalError('unpinned-key');
  return valid;
}

/** Returns the file's text (what the signature covers) and how far it can be trusted. Throws RegionalError. */
export async function openRegionalFile(input: SignedFileInput): Promise<{ text: string; trust: FileTrust }> {
  const clearsigned = (await detectSignedForm(input.content)) === 'clearsigned';
  if (!clearsigned && input.signature === undefined) {
    if (input.pinned) throw new RegionalError('signature-required');
    return { text: toText(input.content), trust: { kind: 'unsigned' } };
  }
  const { key, armored, firstUse } = await managerKey(input);
  let text: string;
  let checks: SignatureCheck[];
  try {
    if (clearsigned) {
      const verified = await verifyClearsigned(input.content, [key]);
      text = new TextDecoder().decode(verified.data);
      checks = verified.signatures;
    } else {
      const bytes =
        typeof input.content === 'string' ? new TextEncoder().encode(input.content) : input.content;
      checks = await verifyFileSignature(bytes, input.signature ?? '', [key]);
      text = toText(input.content);
    }
  } catch (error) {
    if (error instanceof RegionalError) throw error;
    throw new RegionalError('bad-signature', error instanceof Error ? error.message : '');
  }
  const valid = judge(checks);
  return {
    text,
    trust: {
      kind: 'verified',
      fingerprint: valid.signerFingerprint,
      signedAt: valid.signedAt,
      firstUse,
      publicKey: armored,
    },
  };
}
