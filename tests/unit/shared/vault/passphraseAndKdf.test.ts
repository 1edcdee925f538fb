import { describe, expect, it } from 'vitest';
import { KDF_TARGET_MS, tuneKdfCost } from '../../../../shared/vault/kdfTuning';
import {
  estimatePassphraseStrength,
  isPassphraseAcceptable,
} from '../../../../shared/vault/passphraseStrength';

describe('passphrase strength', () => {
  it('refuses short, common, repeated and sequential passphrases', () => {
    for (const weak of [
      '',
      'short',
      'password1234',
      'aaaaaaaaaaaaaaaa',
      'abcdefghijklmnop',
      'qwertyuiop123',
    ]) {
      expect(isPassphraseAcceptable(weak), weak).toBe(false);
    }
    expect(estimatePassphraseStrength('password1234').hints).toContain('common');
    expect(estimatePassphraseStrength('short').hints).toContain('tooShort');
  });

  it('accepts several unrelated words in any script', () => {
    for (const strong of [
      'correct horse battery staple',
      'корова летит над морем',
      'قطة زرقاء تقرأ الجريدة',
      '长城外面的蓝色月亮很安静',
    ]) {
      expect(estimatePassphraseStrength(strong).score, strong).toBeGreaterThanOrEqual(3);
    }
  });

  it('grows with length', () => {
    expect(estimatePassphraseStrength('river lamp').bits).toBeLessThan(
      estimatePassphraseStrength('river lamp orbit sugar').bits,
    );
  });
});

describe('Argon2id tuning', () => {
  it('keeps 64 MiB and scales passes to reach the target time', async () => {
    const fast = await tuneKdfCost(() => Promise.resolve(60)); // 20 ms per pass at t=3
    expect(fast.memoryKiB).toBe(64 * 1024);
    expect(fast.iterations).toBe(Math.round(KDF_TARGET_MS / 20));
    const slow = await tuneKdfCost(() => Promise.resolve(3000));
    expect(slow).toMatchObject({ memoryKiB: 64 * 1024, iterations: 1 });
  });
});
