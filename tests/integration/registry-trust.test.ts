import { writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fictionalDirectory } from '../../registry/demo/fictionalDirectory';
import type { PointOfContact } from '../../shared/directory/model';
import { TEXT_POLICY_CODES, type TextPolicyCode } from '../../shared/directory/textPolicy';
import { signCanonical } from '../../shared/registry/signing';
import { GpgHome, gpgAvailable } from './gpg-harness';
import {
  enrolPoc,
  movableClock,
  pocKey,
  startRegistry,
  type RunningRegistry,
  type TestPoc,
} from '../support/registry-harness';

/**
 * Issue 9 §1–§2, tried from outside as an attacker would: each test fails on the v1 registry.
 * Requests are built by hand (not through the app's outbox) so each attack is exactly what is sent.
 */
describe('what an account may publish: bound to its State, role and key (issue 9)', () => {
  const clock = movableClock();
  let registry: RunningRegistry;
  const entries = fictionalDirectory({ size: 60 });
  const fraTech = entries.find((e) => e.state === 'FRA' && e.role === 'technical')!;
  const fraDipl = entries.find((e) => e.state === 'FRA' && e.role === 'diplomatic')!;
  let tech: TestPoc;
  let session: string;

  beforeAll(async () => {
    registry = await startRegistry({ now: clock.now });
    registry.server.context.directory.importEntries(entries);
    tech = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical'), { now: clock.now });
    session = await openSession(tech);
  });
  afterAll(() => registry.stop());

  const statementFor = (poc: TestPoc, entry: PointOfContact, over: Record<string, unknown> = {}) => ({
    purpose: 'entry-update',
    registry: poc.store.snapshot.state!.registryFingerprint,
    signedAt: new Date(clock.now()).toISOString(),
    entry,
    baseRevision: registry.server.context.directory.get(entry.id)?.revision ?? 0,
    idempotencyKey: `k${Math.random().toString(36).slice(2)}${'x'.repeat(16)}`.slice(0, 32),
    ...over,
  });
  async function put(
    poc: TestPoc,
    token: string,
    statement: { entry: { id: string } },
    extra: Record<string, unknown> = {},
    url = registry.url,
  ) {
    const response = await fetch(`${url}/v1/entries/${statement.entry.id}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ statement, signature: await poc.sign(statement), ...extra }),
    });
    return {
      status: response.status,
      body: JSON.parse(await response.text()) as {
        error?: { code: string; detail?: Record<string, string> };
      },
    };
  }

  it("a technical account cannot change its State's diplomatic entry (403 forbidden-role)", async () => {
    const hijack = statementFor(tech, {
      ...fraDipl,
      text: { ...fraDipl.text, entity: 'Hijacked by the technical POC' },
    });
    expect(await put(tech, session, hijack)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden-role' } },
    });
    const retitle = statementFor(tech, { ...fraDipl, role: 'technical' });
    expect(await put(tech, session, retitle)).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden-role' } },
    });
    expect(registry.server.context.directory.get(fraDipl.id)).toEqual(fraDipl);
  });

  it('creating an entry needs the right granted with the enrolment code (default none)', async () => {
    const fresh = (id: string): PointOfContact => ({ ...fraTech, id, revision: 0, openpgp: undefined });
    expect(await put(tech, session, statementFor(tech, fresh('new-entry-0001')))).toMatchObject({
      status: 403,
      body: { error: { code: 'create-not-allowed' } },
    });
    const granted = await enrolPoc(registry.url, registry.issueCode('FRA', 'technical', 1), {
      now: clock.now,
    });
    const token = await openSession(granted);
    expect((await put(granted, token, statementFor(granted, fresh('new-entry-0002')))).status).toBe(200);
    expect(await put(granted, token, statementFor(granted, fresh('new-entry-0003')))).toMatchObject({
      status: 403,
      body: { error: { code: 'create-not-allowed' } },
    });
    const diplomatic = { ...fresh('new-entry-0004'), role: 'diplomatic' as const };
    expect(await put(granted, token, statementFor(granted, diplomatic))).toMatchObject({
      status: 403,
      body: { error: { code: 'forbidden-role' } },
    });
  });

  it('publishing a key needs proof of possession; a key in another entry is refused across States', async () => {
    const own = registry.server.context.accounts.get(tech.store.snapshot.state!.accountId)!;
    const current = () => registry.server.context.directory.get(fraTech.id)!;
    // Its own enrolled key: the statement's signature is the proof.
    const ownKey = { fingerprint: own.fingerprint, publicKey: own.publicKey };
    expect((await put(tech, session, statementFor(tech, { ...current(), openpgp: ownKey }))).status).toBe(
      200,
    );

    // Somebody else's key, without its signature: refused.
    const victim = await pocKey('Fictional victim');
    const victimKey = {
      fingerprint: victim.privateKey.getFingerprint().toUpperCase(),
      publicKey: victim.publicKey,
    };
    const stolen = statementFor(tech, { ...current(), openpgp: victimKey });
    expect(await put(tech, session, stolen)).toMatchObject({
      status: 400,
      body: { error: { code: 'key-proof-invalid' } },
    });
    // A key whose armour is not the key its fingerprint names: refused.
    const mislabelled = statementFor(tech, {
      ...current(),
      openpgp: { fingerprint: victimKey.fingerprint, publicKey: own.publicKey },
    });
    expect(await put(tech, session, mislabelled)).toMatchObject({
      status: 400,
      body: { error: { code: 'key-proof-invalid' } },
    });

    // A key the POC holds (a second key), proven by its signature over the same statement: accepted.
    const second = await pocKey('Fictional second key');
    const secondKey = {
      fingerprint: second.privateKey.getFingerprint().toUpperCase(),
      publicKey: second.publicKey,
    };
    const proven = statementFor(tech, { ...current(), openpgp: secondKey });
    expect(
      (await put(tech, session, proven, { keyProof: await signCanonical(proven, second.privateKey) })).status,
    ).toBe(200);

    // Another State's POC publishing that same key, even with a valid proof: 409 fingerprint-in-use.
    const deu = entries.find((e) => e.state === 'DEU' && e.role === 'technical')!;
    const deuPoc = await enrolPoc(registry.url, registry.issueCode('DEU', 'technical'), { now: clock.now });
    const copy = statementFor(deuPoc, { ...deu, openpgp: secondKey });
    expect(
      await put(deuPoc, await openSession(deuPoc), copy, {
        keyProof: await signCanonical(copy, second.privateKey),
      }),
    ).toMatchObject({
      status: 409,
      body: { error: { code: 'fingerprint-in-use' } },
    });
  });

  it.runIf(gpgAvailable())(
    'keeps the exact signed bytes: the stored evidence re-verifies with gpg --verify',
    async () => {
      const edit = statementFor(tech, {
        ...registry.server.context.directory.get(fraTech.id)!,
        text: { ...fraTech.text, entity: 'CERT fictif — évidence' },
      });
      expect((await put(tech, session, edit)).status).toBe(200);
      const row = registry.server.context.db
        .prepare<[string], { signed_bytes: Buffer; signature: string; account_id: string }>(
          'SELECT signed_bytes, signature, account_id FROM entry_updates WHERE entry_id = ? ORDER BY seq DESC LIMIT 1',
        )
        .get(fraTech.id)!;
      const gpg = new GpgHome();
      try {
        expect(gpg.import(registry.server.context.accounts.get(row.account_id)!.publicKey).status).toBe(0);
        const statementFile = join(gpg.dir, 'statement.json');
        const signatureFile = join(gpg.dir, 'statement.sig');
        writeFileSync(statementFile, row.signed_bytes);
        writeFileSync(signatureFile, Buffer.from(row.signature, 'base64'));
        const verified = gpg.run(['--verify', signatureFile, statementFile]);
        expect(verified.status).toBe(0);
        expect(verified.statusLines.some((line) => line.includes('GOODSIG'))).toBe(true);
        expect(row.signed_bytes.toString('utf8')).toContain('CERT fictif — évidence');
        // One changed byte of the evidence no longer verifies.
        writeFileSync(
          statementFile,
          Buffer.from(row.signed_bytes.toString('utf8').replace('évidence', 'evidence'), 'utf8'),
        );
        expect(gpg.run(['--verify', signatureFile, statementFile]).status).not.toBe(0);
      } finally {
        gpg.close();
      }
    },
  );

  it('refuses a statement with members the protocol does not know, instead of trimming them', async () => {
    const padded = statementFor(tech, {
      ...registry.server.context.directory.get(fraTech.id)!,
      hiddenInstruction: 'x',
    } as PointOfContact);
    expect(await put(tech, session, padded)).toMatchObject({
      status: 400,
      body: { error: { code: 'unknown-member' } },
    });
    const outer = statementFor(tech, registry.server.context.directory.get(fraTech.id)!, {
      note: 'unsigned extra',
    });
    expect(await put(tech, session, outer)).toMatchObject({
      status: 400,
      body: { error: { code: 'unknown-member' } },
    });
  });

  it('a statement signed for one registry is refused by another, and one signed long ago is refused', async () => {
    const other = await startRegistry({ now: clock.now });
    try {
      other.server.context.directory.importEntries(entries);
      const twin = await enrolPoc(other.url, other.issueCode('FRA', 'technical'), { now: clock.now });
      const forHere = statementFor(twin, registry.server.context.directory.get(fraTech.id)!, {
        registry: tech.store.snapshot.state!.registryFingerprint,
        baseRevision: fraTech.revision,
      });
      expect(await put(twin, await openSession(twin), forHere, {}, other.url)).toMatchObject({
        status: 403,
        body: { error: { code: 'wrong-registry' } },
      });
    } finally {
      await other.stop();
    }
    const old = statementFor(tech, registry.server.context.directory.get(fraTech.id)!, {
      signedAt: new Date(clock.now() - 31 * 86_400_000).toISOString(),
    });
    expect(await put(tech, session, old)).toMatchObject({
      status: 403,
      body: { error: { code: 'statement-expired' } },
    });
  });

  it('refuses every character class the text policy refuses, naming field and policy; keeps isolates and marks', async () => {
    const samples: Record<TextPolicyCode, string> = {
      'bidi-control': 'CERT\u202Eevil',
      'control-character': 'CERT\u0000',
      'lone-surrogate': 'CERT\uD800',
      noncharacter: 'CERT\uFDD0',
      'not-normalised': 'Cafe\u0301',
    };
    for (const code of TEXT_POLICY_CODES) {
      const entry = {
        ...registry.server.context.directory.get(fraTech.id)!,
        text: { ...fraTech.text, entity: samples[code] },
      };
      const answer = await put(tech, session, statementFor(tech, entry));
      expect(answer, code).toMatchObject({
        status: 400,
        body: { error: { code: 'text-refused', detail: { field: 'text.entity', policy: code } } },
      });
    }
    const mixed = {
      ...registry.server.context.directory.get(fraTech.id)!,
      text: { ...fraTech.text, entity: 'CERT \u2067مركز\u2069 \u200Fnational' },
    };
    expect((await put(tech, session, statementFor(tech, mixed))).status).toBe(200);
  });

  it('POST /v1/session/logout ends the session at once', async () => {
    const token = await openSession(tech);
    expect(
      (await fetch(`${registry.url}/v1/pings`, { headers: { authorization: `Bearer ${token}` } })).status,
    ).toBe(200);
    const out = await fetch(`${registry.url}/v1/session/logout`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(out.status).toBe(204);
    const after = await fetch(`${registry.url}/v1/pings`, { headers: { authorization: `Bearer ${token}` } });
    expect(after.status).toBe(401);
    // The engine's own logout: its next call opens a new session by itself.
    await tech.engine.refreshPings();
    await tech.engine.logout();
    await expect(tech.engine.refreshPings()).resolves.toBeDefined();
  });

  it('answers framework errors in the protocol format, never echoing the request (raw HTTP)', async () => {
    const marker = 'ECHO<script>MARKER';
    const cases: [string, number, string][] = [
      [`GET /v1/entries/%E0%A4%ZZ${marker} HTTP/1.1\r\nHost: x\r\n\r\n`, 400, 'bad-request'],
      [`GET /v1/${marker}${'a'.repeat(20_000)} HTTP/1.1\r\nHost: x\r\n\r\n`, 414, 'uri-too-long'],
      [
        `POST /v1/enrol HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\ncontent-length: 22\r\n\r\n{"${marker}":`.padEnd(
          0,
        ),
        400,
        'bad-request',
      ],
      [
        `POST /v1/enrol HTTP/1.1\r\nHost: x\r\ncontent-type: text/html\r\ncontent-length: 18\r\n\r\n${marker}`,
        415,
        'unsupported-media-type',
      ],
      [`GET /v1/${marker} HTTP/1.1\r\nHost: x\r\n\r\n`, 404, 'not-found'],
    ];
    for (const [request, status, code] of cases) {
      const answer = await rawHttp(registry.url, request);
      expect(answer.status, code).toBe(status);
      expect(JSON.parse(answer.body), code).toMatchObject({
        error: { code, message: expect.any(String) as string },
      });
      expect(answer.body).not.toContain('MARKER');
      expect(answer.body).not.toContain('script');
    }
  });
});

async function openSession(poc: TestPoc): Promise<string> {
  const state = poc.store.snapshot.state!;
  const challenge = await poc.client.challenge(state.accountId);
  const statement = {
    purpose: 'session' as const,
    registry: state.registryFingerprint,
    challengeId: challenge.challengeId,
    nonce: challenge.nonce,
  };
  return (await poc.client.session(statement, await poc.sign(statement))).token;
}

/** Sends bytes as they are (no client library fixes them up) and reads one answer. */
function rawHttp(url: string, request: string): Promise<{ status: number; body: string }> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () =>
      socket.end(request.replace('Host: x', `Host: ${hostname}:${port}\r\nConnection: close`)),
    );
    const parts: Buffer[] = [];
    socket.on('data', (data: Buffer) => parts.push(data));
    socket.on('error', reject);
    socket.on('close', () => {
      const text = Buffer.concat(parts).toString('utf8');
      const [head = '', ...rest] = text.split('\r\n\r\n');
      const body = rest.join('\r\n\r\n');
      const chunked = /transfer-encoding: chunked/i.test(head);
      resolve({
        status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0),
        body: chunked ? dechunk(body) : body,
      });
    });
  });
}

function dechunk(body: string): string {
  let out = '';
  let rest = body;
  for (;;) {
    const eol = rest.indexOf('\r\n');
    const size = parseInt(rest.slice(0, eol), 16);
    if (!size) return out;
    out += rest.slice(eol + 2, eol + 2 + size);
    rest = rest.slice(eol + 2 + size + 2);
  }
}
