import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { PocDatabase } from '../../renderer/db/database';
import { saveOwnIdentity } from '../../renderer/messaging/ownIdentity';
import { sendCampaign } from '../../renderer/commcheck/sendCampaign';
import { createVault } from '../../renderer/vault/vault';
import { DemoKeyPoolSchema } from '../../shared/directory/demo/keyPool';
import type { PointOfContact } from '../../shared/directory/model';
import { DIRECTORY_STATES } from '../../shared/directory/states';
import { generateIdentity } from '../../shared/openpgp/keys';
import { median, type Figure } from './figure';

/**
 * commcheck.campaign.ms: preparing and sealing communication checks to 200 POCs — the real code the
 * "Sign, encrypt and prepare the checks" button runs (renderer/commcheck/sendCampaign.ts): one check
 * template per POC, rendered in the sender's language and English, signed with the own Ed25519 key
 * and encrypted (openpgp.js) to each POC's key and the own key, each stored "prepared" in the
 * encrypted vault (AES-GCM records; fake-indexeddb stands in for IndexedDB in Node), then the
 * campaign record. POC keys are the 24 fictional demo keys (resources/demo/keys.json), reused
 * round-robin. Median of 5 runs after 1 warm-up.
 */
const POCS = 200;
const FAST_KDF = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };

function pocs(): PointOfContact[] {
  const pool = DemoKeyPoolSchema.parse(
    JSON.parse(readFileSync(new URL('../../resources/demo/keys.json', import.meta.url), 'utf8')),
  );
  return Array.from({ length: POCS }, (_, i): PointOfContact => {
    const key = pool.keys[i % pool.keys.length] ?? pool.keys[0];
    if (!key) throw new Error('empty demo key pool');
    const state = DIRECTORY_STATES[i % DIRECTORY_STATES.length]?.code ?? 'FRA';
    return {
      id: `bench-poc-${String(i).padStart(4, '0')}`,
      state,
      role: 'technical',
      kind: 'entity',
      language: 'en',
      text: { entity: `Fictional CERT ${i}` },
      phones: [],
      emails: [`poc${i}@bench.example`],
      workingLanguages: ['en'],
      regionalDirectories: [],
      revision: 1,
      updatedAt: '2026-11-01T10:00:00.000Z',
      openpgp: key,
    };
  });
}

export async function run(): Promise<Figure[]> {
  const db = new PocDatabase('commcheck-bench');
  const session = await createVault(db, 'fictional passphrase for the check bench', FAST_KDF);
  const own = await generateIdentity({ name: 'Bench sender (fictional)', email: 'sender@bench.example' });
  const at = '2026-11-01T10:00:00.000Z';
  await saveOwnIdentity(session, {
    fingerprint: own.fingerprint,
    privateKeyArmored: own.privateKeyArmored,
    publicKeyArmored: own.publicKeyArmored,
    revocationCertificate: own.revocationCertificate,
    algorithm: 'ed25519',
    userIds: ['Bench sender (fictional) <sender@bench.example>'],
    createdAt: at,
    expiresAt: null,
    origin: 'generated',
    updatedAt: at,
  });
  const recipients = pocs();
  const times: number[] = [];
  let sealed = 0;
  try {
    for (let i = 0; i < 6; i++) {
      const started = performance.now();
      const campaign = await sendCampaign({
        session,
        recipients,
        scope: { kind: 'list' },
        from: {
          sender: {
            name: 'Bench sender (fictional)',
            affiliation: 'Fictional CERT',
            role: 'technical',
            state: 'FRA',
          },
        },
        language: 'fr',
      });
      const elapsed = performance.now() - started;
      sealed = campaign.checks.length;
      if (i >= 1) times.push(elapsed);
    }
  } finally {
    await db.delete();
  }
  return [
    {
      name: 'commcheck.campaign.ms',
      value: median(times),
      unit: 'ms',
      target: 2_000,
      better: 'lower',
      note: `${sealed} checks sealed (Ed25519 + X25519) and stored in the vault; median of 5 after 1 warm-up`,
    },
  ];
}
