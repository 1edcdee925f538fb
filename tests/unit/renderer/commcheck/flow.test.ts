import 'fake-indexeddb/auto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PocDatabase } from '../../../../renderer/db/database';
import { putEntries } from '../../../../renderer/directory/store';
import { saveOwnIdentity } from '../../../../renderer/messaging/ownIdentity';
import { getMessage } from '../../../../renderer/messaging/messageStore';
import { buildReadContext } from '../../../../renderer/messages/useReadContext';
import { answerCheck, fileCommCheck } from '../../../../renderer/commcheck/receive';
import { sendCampaign, type CampaignSender } from '../../../../renderer/commcheck/sendCampaign';
import { getCampaign } from '../../../../renderer/commcheck/store';
import { createVault } from '../../../../renderer/vault/vault';
import type { VaultSession } from '../../../../renderer/vault/session';
import { buildCheckReplyBody, channelVerifiedAt, CHECK_REPLY_KIND } from '../../../../shared/commcheck';
import type { PointOfContact } from '../../../../shared/directory/model';
import { composeMessage, sealMessage } from '../../../../shared/messages/compose';
import { readMessage } from '../../../../shared/messages/read';
import { generateIdentity, readPublicKey, type GeneratedIdentity } from '../../../../shared/openpgp/keys';

/**
 * A communication check end to end with real OpenPGP and two vaults: A checks B, B answers in one
 * click, A records "channel verified" and the round-trip — and a reply signed by another directory
 * key, a tampered reply, or an old reply replayed never marks a check.
 */
const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const AT = '2026-11-01T10:00:00.000Z';
const dbs: PocDatabase[] = [];
let a: GeneratedIdentity;
let b: GeneratedIdentity;
let c: GeneratedIdentity;
let entries: PointOfContact[];

function entry(id: string, state: string, key: GeneratedIdentity, entity: string): PointOfContact {
  return {
    id,
    state,
    role: 'technical',
    kind: 'entity',
    language: 'en',
    text: { entity },
    phones: [],
    emails: [`${id}@cert.example`],
    workingLanguages: ['en'],
    regionalDirectories: [],
    revision: 1,
    updatedAt: AT,
    openpgp: { fingerprint: key.fingerprint, publicKey: key.publicKeyArmored },
  };
}

async function vault(name: string, own: GeneratedIdentity): Promise<VaultSession> {
  const db = new PocDatabase(`commcheck-flow-${name}-${dbs.length}`);
  dbs.push(db);
  const session = await createVault(db, 'fictional passphrase for check tests', FAST);
  await saveOwnIdentity(session, {
    fingerprint: own.fingerprint,
    privateKeyArmored: own.privateKeyArmored,
    publicKeyArmored: own.publicKeyArmored,
    revocationCertificate: own.revocationCertificate,
    algorithm: 'ed25519',
    userIds: [`${name} (fictional)`],
    createdAt: AT,
    expiresAt: null,
    origin: 'generated',
    updatedAt: AT,
  });
  await putEntries(session, entries);
  return session;
}

const FROM_A: CampaignSender = {
  sender: { name: 'A (fictional)', affiliation: 'CERT-A (fictional)', role: 'technical', state: 'FRA' },
};

async function read(session: VaultSession, armored: string) {
  return readMessage(armored, await buildReadContext(session, entries));
}

async function sealedText(session: VaultSession, id: string): Promise<string> {
  const message = await getMessage(session, id);
  if (!message?.armored) throw new Error(`no sealed message ${id}`);
  return message.armored;
}

/** What an attacker holding C's key (a real directory entry) can send A: a reply naming A's check. */
async function forgedReply(checkId: string, signer: GeneratedIdentity): Promise<string> {
  const { mime } = composeMessage({
    id: 'forged000fictional01',
    text: 'Communication check received and answered.',
    structured: buildCheckReplyBody(checkId, AT),
    kind: CHECK_REPLY_KIND,
    language: 'en',
    inReplyTo: checkId,
    sender: { fingerprint: signer.fingerprint },
    recipients: [{ fingerprint: a.fingerprint }],
  });
  return sealMessage({
    mime,
    recipientKeys: [await readPublicKey(a.publicKeyArmored)],
    senderKey: signer.privateKey,
  });
}

beforeAll(async () => {
  [a, b, c] = await Promise.all([
    generateIdentity({ name: 'A (fictional)', email: 'a@cert-a.example' }),
    generateIdentity({ name: 'B (fictional)', email: 'b@cert-b.example' }),
    generateIdentity({ name: 'C (fictional)', email: 'c@cert-c.example' }),
  ]);
  entries = [
    entry('fra-tech-a', 'FRA', a, 'CERT-A (fictional)'),
    entry('deu-tech-b', 'DEU', b, 'CERT-B (fictional)'),
    entry('pol-tech-c', 'POL', c, 'CERT-C (fictional)'),
  ];
}, 60_000);
afterAll(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

describe('communication check between two vaults', () => {
  it('B answers in one click; A marks the channel verified with the round-trip; attacks mark nothing', async () => {
    const sessionA = await vault('a', a);
    const sessionB = await vault('b', b);
    const target = entries.find((e) => e.id === 'deu-tech-b');
    if (!target) throw new Error('fixture');
    const progress: number[] = [];
    const campaign = await sendCampaign({
      session: sessionA,
      recipients: [target],
      scope: { kind: 'list' },
      from: FROM_A,
      language: 'en',
      now: new Date('2026-11-02T08:00:00.000Z'),
      onProgress: (done) => progress.push(done),
    });
    expect(progress).toEqual([1]);
    const checkId = campaign.checks[0]?.id ?? '';
    expect(campaign.checks[0]).toMatchObject({ pocId: 'deu-tech-b', fingerprint: b.fingerprint });

    // B reads the check: recognised, answerable (verified sender), and answered in one click.
    const atB = await read(sessionB, await sealedText(sessionA, checkId));
    expect(atB.verdict.kind).toBe('verified');
    const filed = await fileCommCheck(sessionB, atB, '2026-11-02T08:11:00.000Z');
    expect(filed).toEqual({ kind: 'check', checkId, answerable: true });
    const replyId = await answerCheck(sessionB, checkId, 'en', { text: 'answered (fictional)' });
    expect(await answerCheck(sessionB, checkId, 'en', { text: 'again' })).toBe(replyId);
    const replyArmored = await sealedText(sessionB, replyId);

    // An attacker with another directory key (C) forges a reply for A's check: not verified.
    const forged = await read(sessionA, await forgedReply(checkId, c));
    expect(forged.verdict.kind).toBe('verified');
    expect(await fileCommCheck(sessionA, forged, '2026-11-02T08:12:00.000Z')).toEqual({
      kind: 'reply',
      outcome: 'wrong-signer',
    });
    // A tampered copy of B's reply never reads as verified.
    const lines = replyArmored.split('\n');
    const index = lines.findLastIndex((l) => l.length >= 60);
    const line = lines[index] ?? '';
    lines[index] = line.slice(0, 30) + (line[30] === 'A' ? 'B' : 'A') + line.slice(31);
    const tampered = await read(sessionA, lines.join('\n')).catch(() => null);
    expect(tampered === null || tampered.verdict.kind !== 'verified').toBe(true);
    expect((await getCampaign(sessionA, campaign.id))?.checks[0]?.reply).toBeUndefined();

    // B's genuine reply: channel verified, round-trip recorded, check acknowledged.
    const atA = await read(sessionA, replyArmored);
    expect(await fileCommCheck(sessionA, atA, '2026-11-02T08:15:00.000Z')).toEqual({
      kind: 'reply',
      outcome: 'verified',
    });
    const stored = await getCampaign(sessionA, campaign.id);
    expect(stored?.checks[0]?.reply).toMatchObject({ messageId: replyId, signerFingerprint: b.fingerprint });
    expect(channelVerifiedAt(stored ? [stored] : [], 'deu-tech-b', b.fingerprint)).toBe(
      '2026-11-02T08:15:00.000Z',
    );
    expect((await getMessage(sessionA, checkId))?.delivery?.acknowledgedBy).toBe(replyId);

    // A new check to B; the old reply replayed does not answer it.
    const second = await sendCampaign({
      session: sessionA,
      recipients: [target],
      scope: { kind: 'list' },
      from: FROM_A,
      language: 'en',
    });
    expect(await fileCommCheck(sessionA, atA, '2026-11-20T08:00:00.000Z')).toEqual({
      kind: 'reply',
      outcome: 'already-answered',
    });
    expect((await getCampaign(sessionA, second.id))?.checks[0]?.reply).toBeUndefined();
  }, 120_000);
});
