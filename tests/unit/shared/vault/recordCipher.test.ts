import { describe, expect, it } from 'vitest';
import {
  decryptBytes,
  decryptRecord,
  decryptRecordParts,
  encryptBytes,
  encryptRecord,
  importDataKey,
} from '../../../../shared/vault/recordCipher';

async function key() {
  return importDataKey(crypto.getRandomValues(new Uint8Array(32)));
}

const encoder = new TextEncoder();
const aad = (collection: string, id: string) => encoder.encode(`poc-record-v1\u0000${collection}\u0000${id}`);

async function inflate(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array> {
  return new Uint8Array(
    await new Response(
      new Blob([bytes]).stream().pipeThrough(new DecompressionStream('deflate-raw')),
    ).arrayBuffer(),
  );
}

/** Text in the six UN languages and beyond the Basic Multilingual Plane (fictional). */
const VALUE = {
  entries: [
    { entity: 'إدارة الشؤون السيبرانية (عرض وهمي)', person: '李明 (虚构)', note: 'Министерство — «пример»' },
    {
      entity: 'Ministère des affaires étrangères',
      hours: 'lun–ven 08:00–17:00',
      emoji: '🔐 ok',
      quote: 'a "b" \\ c\n',
    },
  ],
  written: 3,
};

describe('record cipher', () => {
  it('round-trips a compressed record in every script, stored as pure ASCII JSON under the encryption', async () => {
    const k = await key();
    const blob = await encryptRecord(k, 'directoryChunks', 'c1', VALUE, { compress: true });
    expect(await decryptRecord(k, 'directoryChunks', 'c1', blob)).toEqual(VALUE);
    const plain = await decryptBytes(k, blob, aad('directoryChunks', 'c1'));
    expect(plain[0]).toBe(0); // the deflated marker
    const json = await inflate(plain.subarray(1));
    expect(json.every((byte) => byte < 0x80)).toBe(true);
    expect(JSON.parse(new TextDecoder().decode(json))).toEqual(VALUE);
  });

  it('round-trips an uncompressed record as UTF-8 JSON', async () => {
    const k = await key();
    const blob = await encryptRecord(k, 'messages', 'm1', VALUE);
    expect(await decryptRecord(k, 'messages', 'm1', blob)).toEqual(VALUE);
    const plain = await decryptBytes(k, blob, aad('messages', 'm1'));
    expect(new TextDecoder().decode(plain)).toContain('إدارة');
  });

  it('refuses a record moved to another id, and one whose compressed body is not deflate data', async () => {
    const k = await key();
    const blob = await encryptRecord(k, 'directoryChunks', 'c1', VALUE, { compress: true });
    await expect(decryptRecord(k, 'directoryChunks', 'c2', blob)).rejects.toThrow();
    // Authentic but not deflate: a record of another writer that starts with the deflated marker.
    const bogus = await encryptBytes(
      k,
      new Uint8Array([0, 0xff, 0xfe, 0xfd, 0xfc]),
      aad('directoryChunks', 'c3'),
    );
    await expect(decryptRecord(k, 'directoryChunks', 'c3', bogus)).rejects.toThrow();
  });

  it('a record in two parts gives its first part at once and its second when asked, both under one tag', async () => {
    const k = await key();
    const later = {
      keys: [['e1', '-----BEGIN PGP PUBLIC KEY BLOCK-----\n\nfictional\n-----END PGP PUBLIC KEY BLOCK-----']],
    };
    const blob = await encryptRecord(k, 'directoryChunks', 'c1', VALUE, { compress: true, later });
    const parts = await decryptRecordParts(k, 'directoryChunks', 'c1', blob);
    expect(parts.value).toEqual(VALUE);
    expect(await parts.later?.()).toEqual(later);
    // Not silently half-read by a reader that expects one value.
    await expect(decryptRecord(k, 'directoryChunks', 'c1', blob)).rejects.toThrow(/in parts/);
    // One record, one tag: a flipped byte anywhere (here in the second part) refuses the whole record.
    const ct = new Uint8Array(blob.ct);
    ct[ct.length - 20] = (ct[ct.length - 20] ?? 0) ^ 1;
    await expect(decryptRecordParts(k, 'directoryChunks', 'c1', { iv: blob.iv, ct })).rejects.toThrow();
    // One-part records read as before, with nothing for later.
    const single = await encryptRecord(k, 'directoryChunks', 'c2', VALUE, { compress: true });
    expect(await decryptRecordParts(k, 'directoryChunks', 'c2', single)).toEqual({
      value: VALUE,
      later: null,
    });
  });

  it('refuses an authentic two-part record whose first length runs past its end', async () => {
    const k = await key();
    const plain = new Uint8Array([1, 0, 0, 0x10, 0, 0xaa, 0xbb]);
    const blob = await encryptBytes(k, plain, aad('directoryChunks', 'c4'));
    await expect(decryptRecordParts(k, 'directoryChunks', 'c4', blob)).rejects.toThrow(/malformed/);
  });
});
