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
  | { kind: 'key-changed'; signer: DirectorySigner; signerFingerprint: string; pinnedFingerprint: string }
  /**
   * The signing key is claimed by more than one POC: several directory entries carry it, or the
   * directory gives it to one POC while the user pinned it for another. Nobody can say which of
   * them signed, so the message is never "verified" (issue 9 §4; ARCHITECTURE.md "Verified sender").
   * `entries` holds every directory entry involved; `pinnedPocIds` the POCs the user pinned it for.
   */
  | { kind: 'ambiguous-key'; signerFingerprint: string; entries: DirectorySigner[]; pinnedPocIds: string[] };

export type VerdictKind = Verdict['kind'];
export const VERDICT_KINDS: readonly VerdictKind[] = [
  'verified',
  'unknown-key',
  'bad-signature',
  'unsigned',
  'key-changed',
  'ambiguous-key',
];

/**
 * Who else claims this fingerprint: every directory entry carrying it, plus the directory entries
 * of POCs the user pinned it for when those are not among them. Null when exactly one POC holds it.
 */
function ambiguity(
  fingerprint: string,
  directory: readonly DirectorySigner[],
  pins: readonly KeyPin[],
): Extract<Verdict, { kind: 'ambiguous-key' }> | null {
  const holders = directory.filter((d) => d.fingerprint === fingerprint);
  const holderIds = new Set(holders.map((d) => d.pocId));
  const pinnedElsewhere = pins
    .filter((p) => p.fingerprint === fingerprint && !holderIds.has(p.pocId))
    .map((p) => p.pocId);
  // A pin for a POC with no current holder is the key-changed case, handled by the caller.
  if (holders.length <= 1 && (holders.length === 0 || pinnedElsewhere.length === 0)) return null;
  const others = directory.filter((d) => pinnedElsewhere.includes(d.pocId) && !holderIds.has(d.pocId));
  return {
    kind: 'ambiguous-key',
    signerFingerprint: fingerprint,
    entries: [...holders, ...others],
    pinnedPocIds: pinnedElsewhere,
  };
}

/**
 * Decides the verdict from the signature checks. Strict order: any invalid signature makes the
 * whole message 'bad-signature'; no signature is 'unsigned'; a valid signature is 'verified' only
 * when exactly one directory entry holds its key, no different key was pinned for that POC, and
 * the key is not pinned for any other POC ('ambiguous-key' otherwise).
 */
export function decideVerdict(
  signatures: readonly SignatureCheck[],
  directory: readonly DirectorySigner[],
  pins: readonly KeyPin[],
): Verdict {
  if (signatures.length === 0) return { kind: 'unsigned' };
  const invalid = signatures.find((s) => s.status === 'invalid');
  if (invalid && invalid.status === 'invalid')
    return { kind: 'bad-signature', reason: invalid.reason, fingerprint: invalid.signerFingerprint };

  const candidates: Verdict[] = [];
  for (const check of signatures) {
    if (check.status !== 'valid') {
      candidates.push({ kind: 'unknown-key', keyId: check.keyId });
      continue;
    }
    const ambiguous = ambiguity(check.signerFingerprint, directory, pins);
    if (ambiguous) {
      candidates.push(ambiguous);
      continue;
    }
    const entry = directory.find((d) => d.fingerprint === check.signerFingerprint);
    if (entry) {
      const pin = pins.find((p) => p.pocId === entry.pocId);
      if (pin && pin.fingerprint !== entry.fingerprint) {
        candidates.push({
          kind: 'key-changed',
          signer: entry,
          signerFingerprint: check.signerFingerprint,
          pinnedFingerprint: pin.fingerprint,
        });
      } else {
        candidates.push({
          kind: 'verified',
          signer: entry,
          fingerprintVerified: Boolean(pin?.verifiedAt),
          signedAt: check.signedAt,
        });
      }
      continue;
    }
    // Signed by a key we once pinned for a POC whose directory key is now another one.
    const oldPin = pins.find((p) => p.fingerprint === check.signerFingerprint);
    const current = oldPin ? directory.find((d) => d.pocId === oldPin.pocId) : undefined;
    if (oldPin && current) {
      candidates.push({
        kind: 'key-changed',
        signer: current,
        signerFingerprint: check.signerFingerprint,
        pinnedFingerprint: oldPin.fingerprint,
      });
      continue;
    }
    candidates.push({ kind: 'unknown-key', keyId: check.keyId, fingerprint: check.signerFingerprint });
  }
  const rank: Record<VerdictKind, number> = {
    'ambiguous-key': 0,
    'key-changed': 1,
    verified: 2,
    'unknown-key': 3,
    unsigned: 4,
    'bad-signature': 5,
  };
  // An ambiguous key or a key change outranks a verified signature: the user must look at it.
  candidates.sort((a, b) => rank[a.kind] - rank[b.kind]);
  return candidates[0] ?? { kind: 'unsigned' };
}
