import { describe, expect, it } from 'vitest';
import { decideVerdict, type DirectorySigner } from '../../../../shared/messages/verdict';

const A = 'A'.repeat(40);
const OLD = 'B'.repeat(40);
const dir: DirectorySigner[] = [
  { pocId: 'poc-aaaaaaaa', state: 'FRA', role: 'technical', name: 'CERT Alpha', fingerprint: A },
];

describe('decideVerdict', () => {
  it('gives unsigned with no signatures', () => {
    expect(decideVerdict([], dir, []).kind).toBe('unsigned');
  });
  it('lets one invalid signature spoil a valid one', () => {
    const v = decideVerdict(
      [
        { status: 'valid', keyId: '1', signerFingerprint: A, signedAt: null },
        { status: 'invalid', keyId: '2', signerFingerprint: A, reason: 'bad-signature' },
      ],
      dir,
      [],
    );
    expect(v.kind).toBe('bad-signature');
  });
  it('marks a verified fingerprint only when a verification is recorded for that key', () => {
    const check = [{ status: 'valid' as const, keyId: '1', signerFingerprint: A, signedAt: null }];
    const plain = decideVerdict(check, dir, []);
    const checked = decideVerdict(check, dir, [
      { pocId: 'poc-aaaaaaaa', fingerprint: A, verifiedAt: '2025-01-01T00:00:00.000Z' },
    ]);
    expect(plain.kind === 'verified' && plain.fingerprintVerified).toBe(false);
    expect(checked.kind === 'verified' && checked.fingerprintVerified).toBe(true);
  });
  it('reports key-changed for a message signed with the old pinned key after the directory changed', () => {
    const v = decideVerdict([{ status: 'valid', keyId: '1', signerFingerprint: OLD, signedAt: null }], dir, [
      { pocId: 'poc-aaaaaaaa', fingerprint: OLD },
    ]);
    expect(v.kind).toBe('key-changed');
  });
  it('reports unknown-key for a valid signature by a key outside the directory', () => {
    expect(
      decideVerdict([{ status: 'valid', keyId: '1', signerFingerprint: OLD, signedAt: null }], dir, []).kind,
    ).toBe('unknown-key');
    expect(decideVerdict([{ status: 'unknown-key', keyId: '1' }], dir, []).kind).toBe('unknown-key');
  });

  describe('a key claimed by more than one point of contact (issue 9 §4)', () => {
    const valid = [{ status: 'valid' as const, keyId: '1', signerFingerprint: A, signedAt: null }];
    const twin: DirectorySigner = {
      pocId: 'poc-bbbbbbbb',
      state: 'DEU',
      role: 'diplomatic',
      name: 'Mission Beta',
      fingerprint: A,
    };

    it('is ambiguous-key, never verified, when two directory entries carry the fingerprint, and names both', () => {
      const v = decideVerdict(valid, [...dir, twin], []);
      expect(v.kind).toBe('ambiguous-key');
      if (v.kind !== 'ambiguous-key') return;
      expect(v.entries.map((e) => e.pocId)).toEqual(['poc-aaaaaaaa', 'poc-bbbbbbbb']);
      expect(v.signerFingerprint).toBe(A);
    });

    it('stays ambiguous even when the user verified the key for one of the two entries', () => {
      const pins = [{ pocId: 'poc-aaaaaaaa', fingerprint: A, verifiedAt: '2025-01-01T00:00:00.000Z' }];
      expect(decideVerdict(valid, [...dir, twin], pins).kind).toBe('ambiguous-key');
    });

    it('is ambiguous-key when the directory gives the key to one POC and the user pinned it for another', () => {
      const other: DirectorySigner = { ...twin, fingerprint: OLD };
      const v = decideVerdict(valid, [...dir, other], [{ pocId: other.pocId, fingerprint: A }]);
      expect(v.kind).toBe('ambiguous-key');
      if (v.kind !== 'ambiguous-key') return;
      expect(v.entries.map((e) => e.pocId)).toEqual(['poc-aaaaaaaa', 'poc-bbbbbbbb']);
      expect(v.pinnedPocIds).toEqual(['poc-bbbbbbbb']);
    });

    it('outranks a verified signature by another key on the same message', () => {
      const unique: DirectorySigner = {
        pocId: 'poc-cccccccc',
        state: 'ESP',
        role: 'technical',
        name: 'CERT Gamma',
        fingerprint: OLD,
      };
      const both = [
        ...valid,
        { status: 'valid' as const, keyId: '2', signerFingerprint: OLD, signedAt: null },
      ];
      expect(decideVerdict(both, [...dir, twin, unique], []).kind).toBe('ambiguous-key');
    });

    it('leaves one entry with a matching pin verified', () => {
      expect(decideVerdict(valid, dir, [{ pocId: 'poc-aaaaaaaa', fingerprint: A }]).kind).toBe('verified');
    });
  });
});
