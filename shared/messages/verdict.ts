import type { PocRole } from '../directory/model';
import type { OpenPgpErrorCode } from '../openpgp/errors';
import type { SignatureCheck } from '../openpgp/messageCrypto';

/** A directory entry as the verdict needs it: who, and which key the directory gives them. */
export interface DirectorySigner {
  pocId: string;
  state: string;
  role: PocRole;
  name: string;
  fingerprint: string;
}

/**
 * The fingerprint the user last relied on for a POC: pinned when first used and when verified
 * (compared aloud or by QR code). A directory key that differs from the pin is a key change.
 */
export interface KeyPin {
  pocId: string;
  fingerprint: string;
  verifiedAt?: string | undefined;
  verifiedBy?: string | undefined;
}

/** Exactly one of these is shown for a received message. Only 'verified' may be presented as such. */
export type Verdict =
  | { kind: 'verified'; signer: DirectorySigner; fingerprintVerified: boolean; signedAt: string | null }
  | { kind: 'unknown-key'; keyId: string; fingerprint?: string }
  | { kind: 'bad-signature'; reason: OpenPgpErrorCode; fingerprint?: string }
  | { kind: 'unsigned' }
  | { kind: 'key-changed'; signer: DirectorySigner; signerFingerprint: string; pinnedFingerprint: string };

export type VerdictKind = Verdict['kind'];
export const VERDICT_KINDS: readonly VerdictKind[] = ['verified', 'unknown-key', 'bad-signature', 'unsigned', 'key-changed'];

/**
 * Decides the verdict from the signature checks. Strict order: any invalid signature makes the
 * whole message 'bad-signature'; no signature is 'unsigned'; a valid signature is 'verified' only
 * when its key is the directory's key for that POC and no different key was pinned for them.
 */
export function decideVerdict(
  signatures: readonly SignatureCheck[],
  directory: readonly DirectorySigner[],
  pins: readonly KeyPin[],
): Verdict {
  if (signatures.length === 0) return { kind: 'unsigned' };
  const invalid = signatures.find((s) => s.status === 'invalid');
  if (invalid && invalid.status === 'invalid') return { kind: 'bad-signature', reason: invalid.reason, fingerprint: invalid.signerFingerprint };

  const candidates: Verdict[] = [];
  for (const check of signatures) {
    if (check.status !== 'valid') {
      candidates.push({ kind: 'unknown-key', keyId: check.keyId });
      continue;
    }
    const entry = directory.find((d) => d.fingerprint === check.signerFingerprint);
    if (entry) {
      const pin = pins.find((p) => p.pocId === entry.pocId);
      if (pin && pin.fingerprint !== entry.fingerprint) {
        candidates.push({ kind: 'key-changed', signer: entry, signerFingerprint: check.signerFingerprint, pinnedFingerprint: pin.fingerprint });
      } else {
        candidates.push({ kind: 'verified', signer: entry, fingerprintVerified: Boolean(pin?.verifiedAt), signedAt: check.signedAt });
      }
      continue;
    }
    // Signed by a key we once pinned for a POC whose directory key is now another one.
    const oldPin = pins.find((p) => p.fingerprint === check.signerFingerprint);
    const current = oldPin ? directory.find((d) => d.pocId === oldPin.pocId) : undefined;
    if (oldPin && current) {
      candidates.push({ kind: 'key-changed', signer: current, signerFingerprint: check.signerFingerprint, pinnedFingerprint: oldPin.fingerprint });
      continue;
    }
    candidates.push({ kind: 'unknown-key', keyId: check.keyId, fingerprint: check.signerFingerprint });
  }
  const rank: Record<VerdictKind, number> = { 'key-changed': 0, verified: 1, 'unknown-key': 2, unsigned: 3, 'bad-signature': 4 };
  // A key change outranks a verified signature: the user must look at it.
  candidates.sort((a, b) => rank[a.kind] - rank[b.kind]);
  return candidates[0] ?? { kind: 'unsigned' };
}
