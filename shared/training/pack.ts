import { z } from 'zod';
import { canonicalJson } from '../encoding/canonicalJson';
import { verifyDetached } from '../openpgp/detached';
import { TrainingError } from './errors';
import { MAX_SCENARIO_BYTES, parseScenario, SCENARIO_FORMAT, type Scenario } from './scenario';

/**
 * A scenario pack: several scenarios from one author, optionally with an OpenPGP detached signature
 * over the canonical JSON of the pack without its `signature` member. The signature is checked against
 * the author keys the user pinned; anything else — no signature, a bad one, a key not pinned, a
 * changed byte — is shown as not verified. A plain scenario file is accepted as a pack of one.
 */
export const PACK_FORMAT = 'poc-desk/scenario-pack' as const;
export const PACK_VERSION = 1 as const;

const PackEnvelopeSchema = z.object({
  format: z.literal(PACK_FORMAT),
  version: z.number(),
  author: z.string().trim().min(1).max(200),
  scenarios: z.array(z.unknown()).min(1).max(100),
  signature: z.string().max(20_000).optional(),
});

export interface PinnedAuthorKey {
  fingerprint: string;
  publicKeyArmored: string;
}

export type PackSignatureStatus =
  | { status: 'verified'; fingerprint: string }
  | { status: 'unverified'; reason: 'bad-signature' | 'key-not-pinned' }
  | { status: 'unsigned' };

export interface ImportedPack {
  author: string | null;
  scenarios: Scenario[];
  signature: PackSignatureStatus;
}

/** The exact text a pack's author signs (gpg --detach-sign over these UTF-8 bytes verifies the same). */
export function packSigningText(pack: {
  format: string;
  version: number;
  author: string;
  scenarios: readonly unknown[];
}): string {
  return canonicalJson({
    format: pack.format,
    version: pack.version,
    author: pack.author,
    scenarios: pack.scenarios,
  });
}

async function checkSignature(
  text: string,
  signature: string,
  pinned: readonly PinnedAuthorKey[],
): Promise<PackSignatureStatus> {
  let sawGoodUnpinned = false;
  for (const key of pinned) {
    const result = await verifyDetached(text, signature, key.publicKeyArmored);
    if (result.valid && result.fingerprint === key.fingerprint.toUpperCase())
      return { status: 'verified', fingerprint: result.fingerprint };
    if (result.valid) sawGoodUnpinned = true;
  }
  return {
    status: 'unverified',
    reason: pinned.length === 0 || sawGoodUnpinned ? 'key-not-pinned' : 'bad-signature',
  };
}

export async function importPack(
  fileText: string,
  pinned: readonly PinnedAuthorKey[],
): Promise<ImportedPack> {
  if (fileText.length > MAX_SCENARIO_BYTES) throw new TrainingError('too-large');
  let value: unknown;
  try {
    value = JSON.parse(fileText);
  } catch {
    throw new TrainingError('not-json');
  }
  const format =
    value !== null && typeof value === 'object' ? (value as { format?: unknown }).format : undefined;
  if (format === SCENARIO_FORMAT)
    return { author: null, scenarios: [parseScenario(value)], signature: { status: 'unsigned' } };
  if (format !== PACK_FORMAT) throw new TrainingError('not-a-scenario');
  const envelope = PackEnvelopeSchema.safeParse(value);
  if (!envelope.success)
    throw new TrainingError('invalid-scenario', envelope.error.issues[0]?.path.join('.'));
  if (envelope.data.version !== PACK_VERSION)
    throw new TrainingError('unknown-version', String(envelope.data.version));
  const scenarios = envelope.data.scenarios.map(parseScenario);
  const signature = envelope.data.signature
    ? await checkSignature(packSigningText(envelope.data), envelope.data.signature, pinned)
    : ({ status: 'unsigned' } as const);
  return { author: envelope.data.author, scenarios, signature };
}
