import * as openpgp from 'openpgp';
import { z } from 'zod';
import { FingerprintSchema } from '../model';

/**
 * A small pool of real-format OpenPGP public keys for the fictional demo directory. Generating
 * hundreds of keys is slow, so tests/bench/support/makeDemoKeys.ts makes this pool once into
 * resources/demo/keys.json and the demo generator reuses it. The private halves are thrown away:
 * nobody can read what is encrypted to these keys, which is right for fictional entries.
 */
export const DemoKeySchema = z.object({
  fingerprint: FingerprintSchema,
  publicKey: z.string().startsWith('-----BEGIN PGP PUBLIC KEY BLOCK-----'),
});
export type DemoKey = z.infer<typeof DemoKeySchema>;
export const DemoKeyPoolSchema = z.object({
  fictional: z.literal(true),
  note: z.string(),
  keys: z.array(DemoKeySchema).min(1),
});
export type DemoKeyPool = z.infer<typeof DemoKeyPoolSchema>;

export async function generateDemoKeyPool(
  count: number,
  date = new Date('2025-01-01T00:00:00Z'),
): Promise<DemoKeyPool> {
  const keys: DemoKey[] = [];
  for (let i = 1; i <= count; i++) {
    const n = String(i).padStart(2, '0');
    const { publicKey } = await openpgp.generateKey({
      type: 'ecc',
      curve: 'curve25519Legacy',
      userIDs: [{ name: `Fictional demo key ${n}`, email: `demo-key-${n}@keys.example` }],
      keyExpirationTime: 0,
      date,
      format: 'object',
    });
    keys.push({ fingerprint: publicKey.getFingerprint().toUpperCase(), publicKey: publicKey.armor() });
  }
  return {
    fictional: true,
    note: 'FICTIONAL demo keys for the demo directory; private keys were discarded. Regenerate: npx tsx tests/bench/support/makeDemoKeys.ts',
    keys,
  };
}
