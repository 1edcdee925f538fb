import { describe, expect, it } from 'vitest';
import {
  appendEvents,
  GENESIS_HASH,
  hashEvent,
  verifyChain,
  type CaseRecord,
} from '../../../../shared/cases';
import { canonicalBytes } from '../../../../shared/encoding/canonicalJson';
import { caseOf, opened } from './fixtures';

const clone = (record: CaseRecord): CaseRecord => structuredClone(record);

describe('the hash-chained exchange log', () => {
  it('links every event to the one before and verifies as intact', async () => {
    const record = await caseOf(6);
    expect(record.events[0]?.prevHash).toBe(GENESIS_HASH);
    for (let i = 1; i < record.events.length; i++)
      expect(record.events[i]?.prevHash).toBe(record.events[i - 1]?.hash);
    expect(record.head).toEqual({ seq: 5, hash: record.events[5]?.hash });
    expect(await verifyChain(record)).toEqual({ intact: true, count: 6, headHash: record.events[5]?.hash });
  });

  it('hashes canonically: key order does not matter, content does', async () => {
    const a = await hashEvent(0, GENESIS_HASH, { kind: 'note', at: '2024-05-01T00:00:00.000Z', text: 'x' });
    const b = await hashEvent(0, GENESIS_HASH, { text: 'x', at: '2024-05-01T00:00:00.000Z', kind: 'note' });
    const c = await hashEvent(0, GENESIS_HASH, { kind: 'note', at: '2024-05-01T00:00:00.000Z', text: 'y' });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('detects an edited event and says which', async () => {
    const record = clone(await caseOf(6));
    const event = record.events[3];
    if (event?.body.kind !== 'note') throw new Error('fixture');
    event.body.text = 'Note 3 (quietly changed)';
    expect(await verifyChain(record)).toEqual({
      intact: false,
      count: 6,
      index: 3,
      seq: 3,
      problem: 'edited',
    });
  });

  it('detects an edit even when the editor recomputed that event’s hash', async () => {
    const record = clone(await caseOf(6));
    const event = record.events[2];
    if (event?.body.kind !== 'note') throw new Error('fixture');
    event.body.text = 'rewritten';
    event.hash = await hashEvent(event.seq, event.prevHash, event.body);
    const result = await verifyChain(record);
    expect(result).toMatchObject({ intact: false, index: 3, seq: 3, problem: 'broken-link' });
  });

  it('detects a removed event in the middle and at the end', async () => {
    const middle = clone(await caseOf(6));
    middle.events.splice(2, 1);
    expect(await verifyChain(middle)).toMatchObject({ intact: false, index: 2, seq: 3 });
    const tail = clone(await caseOf(6));
    tail.events.pop();
    expect(await verifyChain(tail)).toMatchObject({ intact: false, index: 5, problem: 'truncated' });
  });

  it('detects reordered events', async () => {
    const record = clone(await caseOf(6));
    const [four, five] = [record.events[4], record.events[5]];
    if (!four || !five) throw new Error('fixture');
    record.events[4] = five;
    record.events[5] = four;
    expect(await verifyChain(record)).toMatchObject({
      intact: false,
      index: 4,
      seq: 5,
      problem: 'out-of-sequence',
    });
  });

  it('never repairs: verifying leaves a broken record as it was', async () => {
    const record = clone(await caseOf(4));
    record.events.splice(1, 1);
    const before = JSON.stringify(record);
    await verifyChain(record);
    expect(JSON.stringify(record)).toBe(before);
  });

  it('keeps appending after the head, without changing earlier events', async () => {
    const record = await caseOf(3);
    const more = await appendEvents(record, [
      { kind: 'note', at: '2024-05-02T00:00:00.000Z', text: 'later' },
    ]);
    expect(more.events.slice(0, 3)).toEqual(record.events);
    expect(more.events[3]?.seq).toBe(3);
    expect((await verifyChain(more)).intact).toBe(true);
    expect(record.events).toHaveLength(3);
  });
});

describe('event hash', () => {
  it('is the SHA-256 of the canonical JSON, as WebCrypto computes it (records written before still verify)', async () => {
    const body = opened();
    const digest = new Uint8Array(
      await crypto.subtle.digest('SHA-256', canonicalBytes({ seq: 3, prevHash: 'a'.repeat(64), body })),
    );
    const hex = Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
    expect(await hashEvent(3, 'a'.repeat(64), body)).toBe(hex);
  });
});
