import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { casesOf } from '../../../../renderer/cases/store';
import { PocDatabase } from '../../../../renderer/db/database';
import { recordInExchangeLog } from '../../../../renderer/messages/exchangeLog';
import { getMessage, storeMessage, storedVerdict } from '../../../../renderer/messaging/messageStore';
import { caseOfReceivedMessage } from '../../../../renderer/messages/receivedCase';
import { syncControllerFor } from '../../../../renderer/sync/syncController';
import { createVault } from '../../../../renderer/vault/vault';
import type { VaultSession } from '../../../../renderer/vault/session';
import type { ReadMessageResult } from '../../../../shared/messages/read';
import type { DirectorySigner, Verdict } from '../../../../shared/messages/verdict';
import type { SyncState } from '../../../../shared/sync/model';

const FAST = { memoryKiB: 19 * 1024, iterations: 1, parallelism: 1 };
const PASS = 'fictional vault passphrase for exchange log tests';
const OWN_FINGERPRINT = '11'.repeat(20);
const PEER_FINGERPRINT = '22'.repeat(20);
const dbs: PocDatabase[] = [];
let counter = 0;
afterEach(async () => {
  for (const db of dbs.splice(0)) await db.delete();
});

const peer: DirectorySigner = {
  pocId: 'poc-xbb-tech',
  state: 'XBB',
  role: 'technical',
  name: 'CERT-B (fictional)',
  fingerprint: PEER_FINGERPRINT,
};
const ownSigner: DirectorySigner = {
  pocId: 'poc-xaa-tech',
  state: 'XAA',
  role: 'technical',
  name: 'CERT-A (fictional)',
  fingerprint: OWN_FINGERPRINT,
};

function enrolment(): SyncState {
  return {
    registryUrl: 'http://127.0.0.1:9/',
    registryFingerprint: 'CD'.repeat(20),
    registryPublicKey: 'fictional registry key',
    accountId: 'account-fictional',
    state: 'XAA',
    role: 'technical',
    ownFingerprint: OWN_FINGERPRINT,
    enrolledAt: '2026-11-01T09:00:00.000Z',
    lastSeq: 0,
    knownHead: 0,
    failures: 0,
  };
}

async function vault(enrolled = true): Promise<VaultSession> {
  const db = new PocDatabase(`exchange-log-test-${counter++}`);
  dbs.push(db);
  const session = await createVault(db, PASS, FAST);
  if (enrolled) await syncControllerFor(session).store.saveState(enrolment());
  return session;
}

function verified(signer: DirectorySigner = peer): Verdict {
  return { kind: 'verified', signer, fingerprintVerified: false, signedAt: '2026-11-02T08:00:00.000Z' };
}

function read(
  verdict: Verdict,
  text = 'Suspected phishing wave against ministries (fictional)\nIndicators follow.',
): ReadMessageResult {
  return { form: 'armored', verdict, text, subject: undefined, payload: null };
}

const RECEIVED = { id: 'msg-fictional-0001', receivedAt: '2026-11-02T08:05:00.000Z' };

async function caseCount(session: VaultSession): Promise<number> {
  return (await casesOf(session).list()).items.length;
}

describe('exchange log: what a received message records', () => {
  it("a verified sender's message opens a case between the enrolled side and the sender", async () => {
    const session = await vault();
    const caseId = await recordInExchangeLog(session, read(verified()), RECEIVED, 'en');
    expect(caseId).toEqual(expect.any(String));
    const record = await casesOf(session).get(caseId ?? '');
    const [opened, message] = record?.events.map((e) => e.body) ?? [];
    expect(opened).toMatchObject({
      kind: 'opened',
      origin: 'incoming',
      subject: 'Suspected phishing wave against ministries (fictional)',
      self: { state: 'XAA', role: 'technical' },
      counterpart: { state: 'XBB', role: 'technical', pocId: 'poc-xbb-tech', label: 'CERT-B (fictional)' },
    });
    expect(message).toMatchObject({
      kind: 'message',
      direction: 'in',
      messageId: RECEIVED.id,
      at: RECEIVED.receivedAt,
      from: { pocId: 'poc-xbb-tech' },
    });
  });

  it('a message whose sender is not verified never enters the log', async () => {
    const session = await vault();
    const unverified: Verdict[] = [
      { kind: 'unsigned' },
      { kind: 'unknown-key', keyId: '0123456789ABCDEF', fingerprint: '33'.repeat(20) },
      { kind: 'bad-signature', reason: 'bad-signature' },
      {
        kind: 'key-changed',
        signer: peer,
        signerFingerprint: '44'.repeat(20),
        pinnedFingerprint: PEER_FINGERPRINT,
      },
    ];
    for (const verdict of unverified) {
      expect(await recordInExchangeLog(session, read(verdict), RECEIVED, 'en')).toBeNull();
      expect(await caseOfReceivedMessage(session, read(verdict), RECEIVED, undefined, 'en')).toBeUndefined();
    }
    expect(await caseCount(session)).toBe(0);
  });

  it('without enrolment there is no own side, so no case', async () => {
    const session = await vault(false);
    expect(await recordInExchangeLog(session, read(verified()), RECEIVED, 'en')).toBeNull();
    expect(await caseCount(session)).toBe(0);
  });

  it('the own sent copy (signed with the own enrolled key) is skipped', async () => {
    const session = await vault();
    expect(await recordInExchangeLog(session, read(verified(ownSigner)), RECEIVED, 'en')).toBeNull();
    expect(await caseCount(session)).toBe(0);
  });
});

describe('reading the same message twice', () => {
  /** What the receive panel does: look up the earlier copy, find its case, store the message. */
  async function receive(session: VaultSession, id: string): Promise<string | undefined> {
    const result = read(verified());
    const earlier = await getMessage(session, id);
    const receivedAt = new Date().toISOString();
    const caseId = await caseOfReceivedMessage(session, result, { id, receivedAt }, earlier, 'en');
    await storeMessage(
      session,
      {
        id,
        direction: 'in',
        conversationIds: [],
        at: earlier?.at ?? receivedAt,
        text: result.text,
        verdict: storedVerdict(result.verdict),
        ...(caseId ? { caseId } : {}),
      },
      [{ pocId: peer.pocId, state: peer.state, role: peer.role }],
    );
    return caseId;
  }

  it('does not open a second case, nor add the message to the case twice', async () => {
    const session = await vault();
    const first = await receive(session, RECEIVED.id);
    const second = await receive(session, RECEIVED.id);
    expect(first).toEqual(expect.any(String));
    expect(second).toBe(first);
    expect(await caseCount(session)).toBe(1);
    const messages =
      (await casesOf(session).get(first ?? ''))?.events.filter((e) => e.body.kind === 'message') ?? [];
    expect(messages).toHaveLength(1);
  });

  it('a different message does open its own case', async () => {
    const session = await vault();
    const first = await receive(session, 'msg-fictional-0001');
    const other = await receive(session, 'msg-fictional-0002');
    expect(other).not.toBe(first);
    expect(await caseCount(session)).toBe(2);
  });
});
