/**
 * Base64 without Node's Buffer, so the same code runs in the renderer, in Node and in workers.
 * Files cross the host boundary as base64 (a 14.5 MB directory bundle is 19 MB of it), so both
 * directions use the engine's own codec where it has one (Uint8Array.prototype.toBase64 and
 * Uint8Array.fromBase64: Chromium 140+, so Electron's renderer and the e2e browser) and otherwise
 * encode in pieces of whole 3-byte groups, never one giant binary string.
 */
interface NativeBase64 {
  toBase64?: (this: Uint8Array) => string;
}
const nativeToBase64 = (Uint8Array.prototype as NativeBase64).toBase64;
const nativeFromBase64 = (Uint8Array as unknown as { fromBase64?: (text: string) => Uint8Array<ArrayBuffer> })
  .fromBase64;

/** 24,576 bytes: a multiple of 3 (no padding inside the text) and well under the argument limit. */
const PIECE = 3 * 0x2000;

export function bytesToBase64(bytes: Uint8Array): string {
  if (nativeToBase64) return nativeToBase64.call(bytes);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += PIECE) {
    parts.push(btoa(String.fromCharCode(...bytes.subarray(i, i + PIECE))));
  }
  return parts.join('');
}

export function base64ToBytes(base64: string): Uint8Array<ArrayBuffer> {
  if (nativeFromBase64) return nativeFromBase64(base64);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export function textToBase64(text: string): string {
  return bytesToBase64(new TextEncoder().encode(text));
}

export function base64ToText(base64: string): string {
  return new TextDecoder().decode(base64ToBytes(base64));
}
