/**
 * AES-256-GCM for every sensitive record (ARCHITECTURE.md, "Data at rest"): a fresh 96-bit IV per
 * write, and the collection name and record id as additional data, so a ciphertext moved to another
 * record (or another table) fails to decrypt instead of showing the wrong data.
 */
/** WebCrypto's CryptoKey, named so it types in Node (no DOM lib) and in the browser alike. */
export type AesKey = Awaited<ReturnType<typeof crypto.subtle.importKey>>;

export interface EncryptedBlob {
  iv: Uint8Array<ArrayBuffer>;
  ct: Uint8Array<ArrayBuffer>;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function additionalData(collection: string, id: string): Uint8Array<ArrayBuffer> {
  return encoder.encode(`poc-record-v1\u0000${collection}\u0000${id}`);
}

export async function importDataKey(raw: Uint8Array<ArrayBuffer>): Promise<AesKey> {
  return crypto.subtle.importKey('raw', raw, { name: 'AES-GCM' }, false, ['encrypt', 'decrypt']);
}

export async function encryptBytes(
  key: AesKey,
  plaintext: Uint8Array<ArrayBuffer>,
  aad: Uint8Array<ArrayBuffer>,
): Promise<EncryptedBlob> {
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const ct = new Uint8Array(
    await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: aad }, key, plaintext),
  );
  return { iv, ct };
}

/** Throws (an OperationError from WebCrypto) when the blob was altered or belongs elsewhere. */
export async function decryptBytes(
  key: AesKey,
  blob: EncryptedBlob,
  aad: Uint8Array<ArrayBuffer>,
): Promise<Uint8Array<ArrayBuffer>> {
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: blob.iv, additionalData: aad }, key, blob.ct),
  );
}

/**
 * A plaintext that starts with this byte is deflate-raw compressed JSON (JSON text never starts
 * with a NUL). Only the directory's chunks are written so (issue 14: a quarter of the bytes to read
 * and decrypt at unlock); compressing before encrypting makes a record's length depend on how
 * repetitive its content is, which is why records that may mix attacker-chosen text with secrets
 * (messages, cases) are never compressed. The directory holds what every enrolled POC receives.
 */
const DEFLATED = 0;

/**
 * All of `bytes` through a (de)compression stream: written at once and read chunk by chunk, then
 * joined. (Through Blob → Response.arrayBuffer() the same inflate took 2–3× as long in Chromium.)
 */
async function through(
  bytes: Uint8Array<ArrayBuffer>,
  stream: CompressionStream | DecompressionStream,
): Promise<Uint8Array<ArrayBuffer>> {
  const writer = stream.writable.getWriter();
  const written = writer.write(bytes).then(() => writer.close());
  written.catch(() => undefined); // the read below fails too, and says why
  const reader = (stream.readable as ReadableStream<Uint8Array>).getReader();
  const parts: Uint8Array[] = [];
  let length = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    parts.push(value);
    length += value.byteLength;
  }
  await written; // rejects when the input is not valid deflate data
  const only = parts.length === 1 ? parts[0] : undefined;
  if (only && only.buffer instanceof ArrayBuffer && only.byteLength === only.buffer.byteLength)
    return only as Uint8Array<ArrayBuffer>;
  const joined = new Uint8Array(length);
  let offset = 0;
  for (const part of parts) {
    joined.set(part, offset);
    offset += part.byteLength;
  }
  return joined;
}

/**
 * JSON with every character past ASCII written as a \\u escape: what JSON.parse reads back is the
 * same value, and the text to decode at unlock is pure ASCII, which Chromium's TextDecoder reads
 * about 4× as fast as UTF-8 with a few non-ASCII characters in it (13 MB of directory: ~250 ms →
 * ~60 ms, the largest single cost of a load). The directory's text is mostly ASCII (armoured keys,
 * addresses, numbers), so this adds ~3 % to its size before compression.
 */
function asciiJson(value: unknown): string {
  return JSON.stringify(value).replace(
    /[\u007f-\uffff]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
}

export async function encryptRecord(
  key: AesKey,
  collection: string,
  id: string,
  value: unknown,
  options: { compress?: boolean } = {},
): Promise<EncryptedBlob> {
  let plain: Uint8Array<ArrayBuffer>;
  if (options.compress) {
    const json = encoder.encode(asciiJson(value));
    const deflated = await through(json, new CompressionStream('deflate-raw'));
    plain = new Uint8Array(deflated.length + 1);
    plain[0] = DEFLATED;
    plain.set(deflated, 1);
  } else plain = encoder.encode(JSON.stringify(value));
  return encryptBytes(key, plain, additionalData(collection, id));
}

export async function decryptRecord(
  key: AesKey,
  collection: string,
  id: string,
  blob: EncryptedBlob,
): Promise<unknown> {
  const plain = await decryptBytes(key, blob, additionalData(collection, id));
  const json =
    plain[0] === DEFLATED ? await through(plain.subarray(1), new DecompressionStream('deflate-raw')) : plain;
  return JSON.parse(decoder.decode(json)) as unknown;
}
