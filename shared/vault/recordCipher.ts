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
 * A plaintext that starts with this byte holds two deflate-raw JSON parts, the second for what its
 * reader can take after the first: [1][length of the first part, 4 bytes big-endian][first][second].
 * The directory's chunks keep their entries' armoured public keys (~60 % of their text) in the
 * second part, so that a load inflates, decodes and parses only the first before the list shows
 * (renderer/directory/chunkForm.ts). Both parts are under the one AES-GCM tag.
 */
const DEFLATED_PARTS = 1;

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

const deflateJson = (value: unknown) =>
  through(encoder.encode(asciiJson(value)), new CompressionStream('deflate-raw'));

export async function encryptRecord(
  key: AesKey,
  collection: string,
  id: string,
  value: unknown,
  options: { compress?: boolean; later?: unknown } = {},
): Promise<EncryptedBlob> {
  let plain: Uint8Array<ArrayBuffer>;
  if (options.later !== undefined) {
    const [first, second] = await Promise.all([deflateJson(value), deflateJson(options.later)]);
    plain = new Uint8Array(5 + first.length + second.length);
    plain[0] = DEFLATED_PARTS;
    new DataView(plain.buffer).setUint32(1, first.length);
    plain.set(first, 5);
    plain.set(second, 5 + first.length);
  } else if (options.compress) {
    const deflated = await deflateJson(value);
    plain = new Uint8Array(deflated.length + 1);
    plain[0] = DEFLATED;
    plain.set(deflated, 1);
  } else plain = encoder.encode(JSON.stringify(value));
  return encryptBytes(key, plain, additionalData(collection, id));
}

const inflateJson = async (deflated: Uint8Array<ArrayBuffer>): Promise<unknown> =>
  JSON.parse(decoder.decode(await through(deflated, new DecompressionStream('deflate-raw'))));

/** A record read in parts: `later` reads the second part of a record written with one, when asked. */
export interface RecordParts {
  value: unknown;
  later: (() => Promise<unknown>) | null;
}

export async function decryptRecordParts(
  key: AesKey,
  collection: string,
  id: string,
  blob: EncryptedBlob,
): Promise<RecordParts> {
  const plain = await decryptBytes(key, blob, additionalData(collection, id));
  if (plain[0] === DEFLATED_PARTS) {
    const length = plain.length >= 5 ? new DataView(plain.buffer, plain.byteOffset).getUint32(1) : -1;
    if (length < 0 || 5 + length > plain.length) throw new SyntaxError('The record parts are malformed.');
    const second = plain.subarray(5 + length);
    return { value: await inflateJson(plain.subarray(5, 5 + length)), later: () => inflateJson(second) };
  }
  const value: unknown =
    plain[0] === DEFLATED ? await inflateJson(plain.subarray(1)) : JSON.parse(decoder.decode(plain));
  return { value, later: null };
}

/** The record's value; a record in two parts is refused (read it with decryptRecordParts). */
export async function decryptRecord(
  key: AesKey,
  collection: string,
  id: string,
  blob: EncryptedBlob,
): Promise<unknown> {
  const { value, later } = await decryptRecordParts(key, collection, id, blob);
  if (later) throw new TypeError(`${collection}/${id} is stored in parts: read it with decryptRecordParts.`);
  return value;
}
