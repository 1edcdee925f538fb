import { describe, expect, it } from 'vitest';
import { deriveLookupKey, lookupHash } from '../../../../shared/vault/lookupKey';

const rawKey = () => crypto.getRandomValues(new Uint8Array(32));

describe('keyed look-up hashes (issue 9 §5)', () => {
  it('are stable for one vault key, so look-ups find the same record again', async () => {
    const raw = rawKey();
    const [a, b] = [await deriveLookupKey(raw), await deriveLookupKey(new Uint8Array(raw))];
    expect(await lookupHash(a, 'poc', 'poc-deu-0001')).toBe(await lookupHash(b, 'poc', 'poc-deu-0001'));
  });

  it('differ between vaults, so nobody without the key can test them against a list of States or ids', async () => {
    const [a, b] = [await deriveLookupKey(rawKey()), await deriveLookupKey(rawKey())];
    expect(await lookupHash(a, 'state', 'DEU')).not.toBe(await lookupHash(b, 'state', 'DEU'));
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', new TextEncoder().encode('state\u0000DEU')),
    );
    expect(await lookupHash(a, 'state', 'DEU')).not.toBe(Buffer.from(digest).toString('base64url'));
  });

  it('separate kinds, and never contain the value itself', async () => {
    const key = await deriveLookupKey(rawKey());
    const asState = await lookupHash(key, 'state', 'FRA');
    expect(asState).not.toBe(await lookupHash(key, 'poc', 'FRA'));
    expect(asState).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(asState).not.toContain('FRA');
  });
});
