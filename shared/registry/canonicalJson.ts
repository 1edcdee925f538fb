/** Canonical JSON lives in shared/encoding (one definition for signatures and the case hash chain). */
export { canonicalBytes, canonicalJson } from '../encoding/canonicalJson';
