import { describe, expect, it } from 'vitest';
import {
  decryptBytes,
  decryptRecord,
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
});
