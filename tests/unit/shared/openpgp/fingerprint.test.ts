import { describe, expect, it } from 'vitest';
import {
  fingerprintFromQrPayload,
  fingerprintGroups,
  fingerprintQrPayload,
  groupFingerprint,
  normalizeFingerprint,
  sameFingerprint,
} from '../../../../shared/openpgp/fingerprint';

const FPR = 'AB12CD34EF5678901234ABCDEF567890ABCD1234';

describe('fingerprint grouping', () => {
  it('groups a v4 fingerprint in ten groups of four, with a wider gap in the middle', () => {
    expect(groupFingerprint(FPR)).toBe('AB12 CD34 EF56 7890 1234  ABCD EF56 7890 ABCD 1234');
    expect(fingerprintGroups(FPR)).toHaveLength(10);
  });

  it('normalizes what people paste (spaces, lower case, 0x)', () => {
    expect(normalizeFingerprint('0xab12 cd34:ef56 7890 1234 abcd ef56 7890 abcd 1234')).toBe(FPR);
    expect(sameFingerprint('ab12 cd34 ef56 7890 1234  abcd ef56 7890 abcd 1234', FPR)).toBe(true);
    expect(sameFingerprint(FPR.slice(0, 39) + '5', FPR)).toBe(false);
    expect(sameFingerprint('', '')).toBe(false);
  });

  it('round-trips the OPENPGP4FPR QR payload and rejects other text', () => {
    expect(fingerprintQrPayload(FPR)).toBe(`OPENPGP4FPR:${FPR}`);
    expect(fingerprintFromQrPayload(`openpgp4fpr:${FPR.toLowerCase()}`)).toBe(FPR);
    expect(fingerprintFromQrPayload('https://example.org/')).toBeUndefined();
  });
});
