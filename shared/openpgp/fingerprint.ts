/** Fingerprints as people read them aloud or compare them on paper. */

/** Upper case, hex only (spaces, colons and "0x" removed). */
export function normalizeFingerprint(input: string): string {
  return input
    .replace(/^0x/i, '')
    .replace(/[^0-9a-fA-F]/g, '')
    .toUpperCase();
}

/**
 * Groups of four hex digits, with a wider gap in the middle, as GnuPG prints a v4 fingerprint:
 * "AB12 CD34 … 5678  9ABC …". Ten groups for v4 (40 hex), sixteen for v6 (64 hex).
 */
export function groupFingerprint(fingerprint: string): string {
  const hex = normalizeFingerprint(fingerprint);
  const groups = hex.match(/.{1,4}/g) ?? [];
  const half = Math.ceil(groups.length / 2);
  return `${groups.slice(0, half).join(' ')}  ${groups.slice(half).join(' ')}`.trim();
}

/** Group list for reading aloud one group at a time (UI shows them as separate cells). */
export function fingerprintGroups(fingerprint: string): string[] {
  return normalizeFingerprint(fingerprint).match(/.{1,4}/g) ?? [];
}

export function sameFingerprint(a: string, b: string): boolean {
  const x = normalizeFingerprint(a);
  return x.length >= 40 && x === normalizeFingerprint(b);
}

/**
 * The text a QR code carries: the OPENPGP4FPR URI scheme that OpenKeychain and other apps scan.
 */
export function fingerprintQrPayload(fingerprint: string): string {
  return `OPENPGP4FPR:${normalizeFingerprint(fingerprint)}`;
}

/** Reads a scanned QR payload (or pasted text) back into a fingerprint; undefined when none. */
export function fingerprintFromQrPayload(payload: string): string | undefined {
  const match = /^OPENPGP4FPR:([0-9A-Fa-f]{40}|[0-9A-Fa-f]{64})$/i.exec(payload.trim());
  if (match?.[1]) return match[1].toUpperCase();
  const bare = normalizeFingerprint(payload);
  return bare.length === 40 || bare.length === 64 ? bare : undefined;
}
