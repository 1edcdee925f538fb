import 'fake-indexeddb/auto';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import { saveOwnIdentity } from '../../../../renderer/messaging/ownIdentity';
import { getMessage } from '../../../../renderer/messaging/messageStore';
import {
  cancelOutgoing,
  handOver,
  markAcknowledged,
  sealOutgoing,
} from '../../../../renderer/outgoing/pipeline';
import { createVault, unlockVault } from '../../../../renderer/vault/vault';
import { loadDirectory, putEntries } from '../../../../renderer/directory/store';
import type { VaultSession } from '../../../../renderer/vault/session';
import type { PointOfContact } from '../../../../shared/directory/model';
import { base64ToBytes } from '../../../../shared/encoding/base64';
import type { HostClient } from '../../../../shared/host/client';
import { readMessage } from '../../../../shared/messages/read';
import { deliveryState } from '../../../../shared/outgoing/delivery';
import { generateIdentity, readPublicKey, type GeneratedIdentity } from '../../../../shared/openpgp/keys';

/**
 * The outgoing pipeline (issue 10): sealing stores a "prepared" message with the id shown before;
 * only a hand-over that happened makes it "handed over"; a cancelled save changes nothing; the
 * other side's reply makes it "acknowledged".
 */
const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const dbs: PocDatabase[] = [];
let counter = 0;
let own: GeneratedIdentity;
let peer: GeneratedIdentity;
beforeAll(async () => {
  own = await generateIdentity({ name: 'Sender POC (fictional)', email: 'a@cert-a.example' });
  peer = await generateIdentity({ name: 'Recipient POC (fictional)', email: 'b@cert-b.example' });
}, 60_000);
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

async function vault(): Promise<VaultSession> {
  const db = new PocDatabase(`outgoing-test-${counter++}`);
  dbs.push(db);
  const session = await createVault(db, 'fictional passphrase for outgoing tests', FAST);
  const at = '2026-11-01T10:00:00.000Z';
  await saveOwnIdentity(session, {
    fingerprint: own.fingerprint,
    privateKeyArmored: own.privateKeyArmored,
    publicKeyArmored: own.publicKeyArmored,
    revocationCertificate: own.revocationCertificate,
    algorithm: 'ed25519',
    userIds: ['Sender POC (fictional) <a@cert-a.example>'],
    createdAt: at,
    expiresAt: null,
    origin: 'generated',
    updatedAt: at,
  });
  return session;
}

function recipient(): PointOfContact {
  return {
    id: 'deu-tech-b',
    state: 'DEU',
    role: 'technical',
    kind: 'entity',
    language: 'en',
    text: { entity: 'CERT-B (fictional)' },
    phones: [],
    emails: ['b@cert-b.example'],
    workingLanguages: ['en'],
    regionalDirectories: [],
    revision: 1,
    updatedAt: '2026-11-01T10:00:00.000Z',
    openpgp: { fingerprint: peer.fingerprint, publicKey: peer.publicKeyArmored },
  };
}

/** The message id the recipient reads from what was sealed (signed by the sender). */
async function idReadByRecipient(armored: string): Promise<string | undefined> {
  const read = await readMessage(armored, {
    ownKey: peer.privateKey,
    verificationKeys: [await readPublicKey(own.publicKeyArmored)],
    directory: [],
    pins: [],
  });
  return read.payload?.id;
}

/** A host whose save dialog answers as told, recording what it was asked to save. */
function host(saved: boolean) {
  const files: { suggestedName: string; mimeType: string; text: string }[] = [];
  const client = {
    call: (name: string, arg: { suggestedName: string; mimeType: string; bytes: string }) => {
      if (name !== 'files.save') throw new Error(`unexpected host call ${name}`);
      if (saved)
        files.push({
          suggestedName: arg.suggestedName,
          mimeType: arg.mimeType,
          text: new TextDecoder().decode(base64ToBytes(arg.bytes)),
        });
      return Promise.resolve({ saved });
    },
  } as unknown as HostClient;
  return { client, files };
}

const MESSAGE = {
  id: 'ref0000fictional01',
  kind: 'inquiry',
  text: 'Is 192.0.2.10 known to you? (fictional)',
  structured: null,
  language: 'en' as const,
  at: '2026-11-02T08:00:00.000Z',
};

describe('outgoing pipeline', () => {
  it('seals with the id shown before sending and stores the message as prepared, logged in its case', async () => {
    const session = await vault();
    const sealed = await sealOutgoing(session, { ...MESSAGE, recipients: [recipient()] }, () =>
      Promise.resolve('case-fictional-1'),
    );
    expect(sealed.id).toBe(MESSAGE.id);
    const stored = await getMessage(session, MESSAGE.id);
    expect(deliveryState(stored?.delivery)).toBe('prepared');
    expect(stored?.caseId).toBe('case-fictional-1');
    // The recipient reads the very id the sender saw.
    expect(await idReadByRecipient(sealed.armored)).toBe(MESSAGE.id);
  });

  it('a cancelled save leaves it prepared; a saved .eml is addressed to the directory e-mail and hides the content', async () => {
    const session = await vault();
    await sealOutgoing(session, { ...MESSAGE, recipients: [recipient()] });
    expect(await handOver(session, host(false).client, MESSAGE.id, 'eml', () => Promise.resolve())).toEqual({
      outcome: 'cancelled',
    });
    expect(deliveryState((await getMessage(session, MESSAGE.id))?.delivery)).toBe('prepared');

    const saving = host(true);
    const result = await handOver(
      session,
      saving.client,
      MESSAGE.id,
      'eml',
      () => Promise.resolve(),
      () => new Date('2026-11-02T08:10:00Z'),
    );
    expect(result.outcome).toBe('handed-over');
    const stored = await getMessage(session, MESSAGE.id);
    expect(deliveryState(stored?.delivery)).toBe('handed-over');
    expect(stored?.delivery?.handovers).toEqual([{ method: 'eml', at: '2026-11-02T08:10:00.000Z' }]);
    const [eml] = saving.files;
    expect(eml?.suggestedName).toMatch(/^message-[0-9a-z]{12}\.eml$/);
    expect(eml?.text).toContain('To: <b@cert-b.example>');
    expect(eml?.text).toContain('Subject: Encrypted message');
    expect(eml?.text).toContain('multipart/encrypted; protocol="application/pgp-encrypted"');
    expect(eml?.text).not.toContain('192.0.2.10');
  });

  it('copying hands it over; the reply referencing it makes it acknowledged; a handed-over message cannot be withdrawn', async () => {
    const session = await vault();
    await sealOutgoing(session, { ...MESSAGE, recipients: [recipient()] });
    let copied = '';
    await handOver(session, host(true).client, MESSAGE.id, 'copy', (text) =>
      Promise.resolve(void (copied = text)),
    );
    expect(copied).toContain('-----BEGIN PGP MESSAGE-----');
    expect(await cancelOutgoing(session, MESSAGE.id)).toBe(false);
    expect(
      await markAcknowledged(session, [MESSAGE.id], 'ack0000fictional01', '2026-11-02T09:00:00.000Z'),
    ).toEqual([MESSAGE.id]);
    const stored = await getMessage(session, MESSAGE.id);
    expect(deliveryState(stored?.delivery)).toBe('acknowledged');
    expect(stored?.delivery?.acknowledgedBy).toBe('ack0000fictional01');
  });

  it('a message never handed over can be withdrawn', async () => {
    const session = await vault();
    await sealOutgoing(session, { ...MESSAGE, recipients: [recipient()] });
    expect(await cancelOutgoing(session, MESSAGE.id)).toBe(true);
    expect(deliveryState((await getMessage(session, MESSAGE.id))?.delivery)).toBe('cancelled');
  });

  it('seals at once after an unlock to an entry taken from the list before its key is back', async () => {
    const session = await vault();
    await putEntries(session, [recipient()]);
    const db = session.db;
    session.lock();
    // The list shows before the keys are put back (renderer/directory/chunkedDirectory.ts, after a
    // timer); here they are held back until the message is on its way to be sealed.
    vi.useFakeTimers({ toFake: ['setTimeout'] });
    let sealed: Awaited<ReturnType<typeof sealOutgoing>>;
    try {
      const opened = await unlockVault(db, 'fictional passphrase for outgoing tests');
      const listed = (await loadDirectory(opened)).byId.get('deu-tech-b');
      if (!listed) throw new Error('the recipient is not in the directory');
      expect(listed.openpgp?.publicKey).toBeUndefined();
      const sealing = sealOutgoing(opened, { ...MESSAGE, recipients: [listed] });
      await new Promise((resolve) => setImmediate(resolve));
      await vi.advanceTimersByTimeAsync(10);
      sealed = await sealing;
    } finally {
      vi.useRealTimers();
    }
    expect(await idReadByRecipient(sealed.armored)).toBe(MESSAGE.id);
  });

  it('refuses to seal for a recipient without a key, and stores nothing', async () => {
    const session = await vault();
    const { openpgp: _key, ...keyless } = recipient();
    await expect(sealOutgoing(session, { ...MESSAGE, recipients: [keyless] })).rejects.toMatchObject({
      code: 'recipient-without-key',
    });
    expect(await getMessage(session, MESSAGE.id)).toBeUndefined();
  });
});
