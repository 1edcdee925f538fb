import * as openpgp from 'openpgp';

/** Bounds on what the importer accepts. Both are configurable per call; these are the defaults. */
export interface InputLimits {
  /** Largest armoured or binary input accepted, in bytes (default 20 MB). */
  maxInputBytes: number;
  /** Largest decompressed plaintext accepted, in bytes (default 20 MB): stops compression bombs. */
  maxDecompressedBytes: number;
}

export const DEFAULT_LIMITS: InputLimits = {
  maxInputBytes: 20 * 1024 * 1024,
  maxDecompressedBytes: 20 * 1024 * 1024,
};

export function resolveLimits(limits?: Partial<InputLimits>): InputLimits {
  return { ...DEFAULT_LIMITS, ...limits };
}

/**
 * The openpgp.js configuration every call uses. OpenPGP v4 keys and SEIPDv1 messages (no AEAD)
 * are what GnuPG 2.2 and 2.4 both read, so v6 keys and AEAD stay off; messages are not compressed
 * (nothing to gain for short texts, and it keeps decompression bounds simple on the other side).
 */
export function pgpConfig(limits?: Partial<InputLimits>): openpgp.PartialConfig {
  return {
    v6Keys: false,
    aeadProtect: false,
    preferredCompressionAlgorithm: openpgp.enums.compression.uncompressed,
    maxDecompressedMessageSize: resolveLimits(limits).maxDecompressedBytes,
    minRSABits: 2047,
    showVersion: false,
    showComment: false,
  };
}

/** The same, as a complete Config for the methods of Key/Message that want one. */
export function fullConfig(limits?: Partial<InputLimits>): openpgp.Config {
  return { ...openpgp.config, ...pgpConfig(limits) };
}
