import { describe, expect, it } from 'vitest';
import {
  CHECK_KIND,
  CHECK_REPLY_KIND,
  buildCheckReplyBody,
  buildCheckTemplate,
  campaignCsv,
  campaignReport,
  channelVerifiedAt,
  checkStatus,
  matchReply,
  recogniseCheck,
  roundTrip,
  withReply,
  type Campaign,
  type CheckRecord,
  type CsvLabels,
} from '../../../../shared/commcheck';
import type { PocMessagePayload } from '../../../../shared/messages/payload';
import type { Verdict } from '../../../../shared/messages/verdict';
import type { Delivery } from '../../../../shared/outgoing/delivery';

/** Fictional keys and POCs (no real person). */
const KEY_B = 'B'.repeat(40);
const KEY_C = 'C'.repeat(40);
const KEY_A = 'A'.repeat(40);
const SEALED = '2026-11-02T08:00:00.000Z';
const HANDED = '2026-11-02T08:10:00.000Z';

function check(id: string, pocId = 'deu-tech-b', fingerprint = KEY_B): CheckRecord {
  return {
    id,
    pocId,
    state: 'DEU',
    role: 'technical',
    label: 'CERT-B (fictional)',
    fingerprint,
    sealedAt: SEALED,
  };
}

function campaign(...checks: CheckRecord[]): Campaign {
  return { id: 'campaign-fictional01', createdAt: SEALED, scope: { kind: 'list' }, checks, skipped: [] };
}

function verified(
  pocId: string,
  fingerprint: string,
  signedAt: string | null = '2026-11-02T08:13:30.000Z',
): Verdict {
  return {
    kind: 'verified',
    signer: { pocId, state: 'DEU', role: 'technical', name: 'CERT-B (fictional)', fingerprint },
    fingerprintVerified: false,
    signedAt,
  };
}

function reply(checkId: string, options: { inReplyTo?: string; id?: string } = {}): PocMessagePayload {
  return {
    schema: 'poc-message',
    version: 1,
    id: options.id ?? 'reply000fictional01',
    createdAt: '2026-11-02T08:13:30.000Z',
    language: 'en',
    kind: CHECK_REPLY_KIND,
    sender: { fingerprint: KEY_B },
    recipients: [{ fingerprint: KEY_A }],
    inReplyTo: options.inReplyTo ?? checkId,
    body: buildCheckReplyBody(checkId, '2026-11-02T08:12:00.000Z'),
  };
}

const RECEIVED = '2026-11-02T08:15:00.000Z';
const delivered = (at: string): Delivery => ({ handovers: [{ method: 'eml', at }] });

describe('communication check recognition', () => {
  it('recognises a check template and offers the answer only for a verified sender', () => {
    const template = buildCheckTemplate(
      'check000fictional01',
      { name: 'A (fictional)', affiliation: 'CERT-A (fictional)', role: 'technical', state: 'FRA' },
      'en',
      {},
      new Date(SEALED),
    );
    const payload: PocMessagePayload = { ...reply('x'), kind: CHECK_KIND, id: template.id, body: template };
    delete payload.inReplyTo;
    expect(recogniseCheck({ payload, verdict: verified('fra-tech-a', KEY_A) })).toEqual({
      checkId: template.id,
      sender: { pocId: 'fra-tech-a', fingerprint: KEY_A },
    });
    expect(recogniseCheck({ payload, verdict: { kind: 'unknown-key', keyId: 'abcd' } })).toEqual({
      checkId: template.id,
    });
    // A plain note, or the kind without a check template, is not a check.
    expect(
      recogniseCheck({ payload: { ...payload, kind: 'note' }, verdict: verified('x', KEY_A) }),
    ).toBeNull();
    expect(recogniseCheck({ payload: { ...payload, body: null }, verdict: verified('x', KEY_A) })).toBeNull();
  });
});

describe('matching a reply to its check', () => {
  const campaigns = [
    campaign(check('check000fictional01'), check('check000fictional02', 'pol-tech-c', KEY_C)),
  ];

  it('records a reply signed by the very key the check was sealed to', () => {
    const outcome = matchReply(
      campaigns,
      { payload: reply('check000fictional01'), verdict: verified('deu-tech-b', KEY_B) },
      RECEIVED,
    );
    expect(outcome).toMatchObject({
      outcome: 'verified',
      check: { id: 'check000fictional01' },
      reply: {
        messageId: 'reply000fictional01',
        signedAt: '2026-11-02T08:13:30.000Z',
        signerFingerprint: KEY_B,
      },
    });
  });

  it('never verifies a reply signed by another POC’s key (wrong key)', () => {
    // C holds a verified directory key, but the check went to B.
    const outcome = matchReply(
      campaigns,
      { payload: reply('check000fictional01'), verdict: verified('pol-tech-c', KEY_C) },
      RECEIVED,
    );
    expect(outcome.outcome).toBe('wrong-signer');
    // Same POC id but a different key than the one sealed to (the entry's key changed since).
    expect(
      matchReply(
        campaigns,
        { payload: reply('check000fictional01'), verdict: verified('deu-tech-b', KEY_C) },
        RECEIVED,
      ).outcome,
    ).toBe('wrong-signer');
  });

  it('never verifies an unsigned, tampered (bad signature), key-changed or unknown-key reply', () => {
    const payload = reply('check000fictional01');
    const verdicts: Verdict[] = [
      { kind: 'unsigned' },
      { kind: 'bad-signature', reason: 'bad-signature' },
      { kind: 'unknown-key', keyId: '0123456789ABCDEF', fingerprint: 'D'.repeat(40) },
      {
        kind: 'key-changed',
        signer: {
          pocId: 'deu-tech-b',
          state: 'DEU',
          role: 'technical',
          name: 'CERT-B (fictional)',
          fingerprint: KEY_B,
        },
        signerFingerprint: 'D'.repeat(40),
        pinnedFingerprint: KEY_B,
      },
    ];
    for (const verdict of verdicts) {
      expect(matchReply(campaigns, { payload, verdict }, RECEIVED).outcome).toBe('unverified');
    }
  });

  it('refuses a reply whose signed check id and inReplyTo disagree, or that names an unknown check', () => {
    const mixed = reply('check000fictional01', { inReplyTo: 'check000fictional02' });
    expect(
      matchReply(campaigns, { payload: mixed, verdict: verified('deu-tech-b', KEY_B) }, RECEIVED).outcome,
    ).toBe('malformed');
    expect(
      matchReply(
        campaigns,
        { payload: reply('check000unknown0001'), verdict: verified('deu-tech-b', KEY_B) },
        RECEIVED,
      ),
    ).toEqual({ outcome: 'unknown-check', checkId: 'check000unknown0001' });
  });

  it('a genuine reply replayed later changes nothing: it names its own (answered) check, not the new one', () => {
    const first = matchReply(
      campaigns,
      { payload: reply('check000fictional01'), verdict: verified('deu-tech-b', KEY_B) },
      RECEIVED,
    );
    if (first.outcome !== 'verified') throw new Error('expected verified');
    const answered = [withReply(campaigns[0] as Campaign, first.check.id, first.reply)];
    // A new check to B is pending; the old reply (for check 01) is replayed.
    const next = [...answered, { ...campaign(check('check000fictional03')), id: 'campaign-fictional02' }];
    const replayed = matchReply(
      next,
      { payload: reply('check000fictional01'), verdict: verified('deu-tech-b', KEY_B) },
      '2026-11-20T08:00:00.000Z',
    );
    expect(replayed).toMatchObject({ outcome: 'already-answered', same: true });
    expect(next[1]?.checks[0]?.reply).toBeUndefined();
  });
});

describe('round-trip time and follow-up', () => {
  const answered: CheckRecord = {
    ...check('check000fictional01'),
    reply: {
      messageId: 'reply000fictional01',
      signedAt: '2026-11-02T08:13:30.000Z',
      receivedAt: RECEIVED,
      signerFingerprint: KEY_B,
    },
  };

  it('runs from the first hand-over to the reply’s signature time, and says so', () => {
    expect(roundTrip(answered, HANDED)).toEqual({
      startAt: HANDED,
      startBasis: 'handed-over',
      endAt: '2026-11-02T08:13:30.000Z',
      endBasis: 'signed',
      ms: 210_000,
    });
  });

  it('falls back to the sealing time and the reception time, and invents no figure under clock skew', () => {
    const unsigned = { ...answered, reply: { ...answered.reply!, signedAt: null } };
    expect(roundTrip(unsigned, undefined)).toMatchObject({
      startBasis: 'sealed',
      endBasis: 'received',
      ms: 900_000,
    });
    const early = { ...answered, reply: { ...answered.reply!, signedAt: '2026-11-02T07:00:00.000Z' } };
    expect(roundTrip(early, HANDED)?.ms).toBeNull();
    expect(roundTrip(check('x0000000fictional'), HANDED)).toBeNull();
  });

  it('reads a reply signed within the second of the hand-over as under a second, not as clock skew', () => {
    // OpenPGP signature times are whole seconds: handed over at .700, signed at .900 of that second.
    const handed = '2026-11-02T08:10:00.700Z';
    const sameSecond = { ...answered, reply: { ...answered.reply!, signedAt: '2026-11-02T08:10:00.000Z' } };
    expect(roundTrip(sameSecond, handed)?.ms).toBe(0);
    const secondBefore = { ...answered, reply: { ...answered.reply!, signedAt: '2026-11-02T08:09:59.000Z' } };
    expect(roundTrip(secondBefore, handed)?.ms).toBeNull();
  });

  it('flags an unanswered check 48 hours after its hand-over, not before, and never one not handed over', () => {
    const open = check('check000fictional02');
    const just = new Date(Date.parse(HANDED) + 48 * 3_600_000 - 1);
    const after = new Date(Date.parse(HANDED) + 48 * 3_600_000);
    expect(checkStatus(open, HANDED, just)).toBe('awaiting');
    expect(checkStatus(open, HANDED, after)).toBe('follow-up');
    expect(checkStatus(open, undefined, new Date('2027-01-01T00:00:00Z'))).toBe('prepared');
    expect(checkStatus(answered, HANDED, after)).toBe('answered');
  });
});

describe('channel verified', () => {
  const answered = (receivedAt: string, fingerprint = KEY_B): CheckRecord => ({
    ...check(`check${receivedAt.slice(8, 10)}fictional0`, 'deu-tech-b', fingerprint),
    reply: { messageId: 'reply000fictional01', signedAt: null, receivedAt, signerFingerprint: fingerprint },
  });

  it('is the latest verified reply made with the key the entry holds now', () => {
    const campaigns = [campaign(answered('2026-11-02T08:15:00.000Z'), answered('2026-11-05T08:15:00.000Z'))];
    expect(channelVerifiedAt(campaigns, 'deu-tech-b', KEY_B)).toBe('2026-11-05T08:15:00.000Z');
    expect(channelVerifiedAt(campaigns, 'pol-tech-c', KEY_C)).toBeNull();
  });

  it('says nothing once the entry’s key changed, nor for an unanswered check', () => {
    const campaigns = [campaign(answered('2026-11-02T08:15:00.000Z'), check('check000fictional09'))];
    expect(channelVerifiedAt(campaigns, 'deu-tech-b', KEY_C)).toBeNull();
    expect(channelVerifiedAt(campaigns, 'deu-tech-b', undefined)).toBeNull();
    expect(channelVerifiedAt([campaign(check('check000fictional09'))], 'deu-tech-b', KEY_B)).toBeNull();
  });
});

describe('campaign report CSV', () => {
  const labels: CsvLabels = {
    headers: {
      reference: 'Check reference',
      state: 'State',
      role: 'Role',
      poc: 'Point of contact',
      status: 'Status',
      handedOverAt: 'Handed over (UTC)',
      replySignedAt: 'Answer signed (UTC)',
      roundTripSeconds: 'Round trip (seconds)',
    },
    status: {
      answered: 'Answered',
      'follow-up': 'Follow up',
      awaiting: 'Awaiting',
      prepared: 'Prepared',
      skipped: 'Not sent',
    },
    role: (r) => r,
    state: (c) => ({ DEU: 'Germany', POL: 'Poland', FRA: 'France' })[c] ?? c,
    skipReason: (code) => `reason ${code}`,
  };

  it('lists who answered and how fast, who did not, and who was skipped, with formulas defused', () => {
    const answered: CheckRecord = {
      ...check('check000fictional01'),
      label: 'CERT-B, "Ops" (fictional)',
      reply: {
        messageId: 'reply000fictional01',
        signedAt: '2026-11-02T08:13:30.000Z',
        receivedAt: RECEIVED,
        signerFingerprint: KEY_B,
      },
    };
    const silent: CheckRecord = {
      ...check('check000fictional02', 'pol-tech-c', KEY_C),
      state: 'POL',
      label: '=HYPERLINK("x")',
    };
    const c: Campaign = {
      ...campaign(answered, silent),
      skipped: [
        {
          pocId: 'fra-tech-d',
          state: 'FRA',
          role: 'technical',
          label: 'CERT-D (fictional)',
          code: 'recipient-key-changed',
        },
      ],
    };
    const report = campaignReport(
      c,
      new Map([
        ['check000fictional01', delivered(HANDED)],
        ['check000fictional02', delivered(HANDED)],
      ]),
      new Date('2026-11-05T00:00:00.000Z'),
    );
    expect(report.counts).toEqual({ answered: 1, 'follow-up': 1, awaiting: 0, prepared: 0 });
    expect(report.medianMs).toBe(210_000);
    const csv = campaignCsv(report, labels);
    expect(csv.split('\r\n')).toEqual([
      'Check reference,State,Role,Point of contact,Status,Handed over (UTC),Answer signed (UTC),Round trip (seconds)',
      `check000fictional01,Germany (DEU),technical,"CERT-B, ""Ops"" (fictional)",Answered,${HANDED},2026-11-02T08:13:30.000Z,210`,
      `check000fictional02,Poland (POL),technical,"'=HYPERLINK(""x"")",Follow up,${HANDED},,`,
      ',France (FRA),technical,CERT-D (fictional),Not sent: reason recipient-key-changed,,,',
      '',
    ]);
  });
});
