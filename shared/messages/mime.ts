import PostalMime from 'postal-mime';
import { bytesToBase64 } from '../encoding/base64';
import { newMessageId } from './payload';

/**
 * The inner MIME entity (what is signed and encrypted): multipart/mixed with a human-readable
 * text/plain part and the structured application/json part. Subject travels here as a protected
 * header (as Thunderbird does), never in the clear envelope. `gpg --decrypt` prints readable text.
 */
const CRLF = '\r\n';

function wrapBase64(base64: string): string {
  return (base64.match(/.{1,76}/g) ?? []).join(CRLF);
}

/** Quoted-printable only when a line is too long for 8bit (RFC 5322's 998 octets). */
function encodeText(text: string): { encoding: string; body: string } {
  const normalized = text.replace(/\r?\n/g, CRLF);
  const tooLong = normalized.split(CRLF).some((line) => new TextEncoder().encode(line).length > 900);
  if (!tooLong) return { encoding: '8bit', body: normalized };
  return { encoding: 'base64', body: wrapBase64(bytesToBase64(new TextEncoder().encode(normalized))) };
}

function asciiHeader(value: string): string {
  // Non-ASCII header text as an RFC 2047 encoded word.
  if (/^[\x20-\x7e]*$/.test(value)) return value;
  return `=?UTF-8?B?${bytesToBase64(new TextEncoder().encode(value))}?=`;
}

export function buildInnerEntity(options: {
  text: string;
  json: string;
  language: string;
  subject?: string;
}): string {
  const boundary = `poc-${newMessageId()}`;
  const text = encodeText(options.text);
  const json = encodeText(options.json);
  const headers = [
    `Content-Type: multipart/mixed; boundary="${boundary}"; protected-headers="v1"`,
    'MIME-Version: 1.0',
    `Content-Language: ${options.language}`,
  ];
  if (options.subject) headers.push(`Subject: ${asciiHeader(options.subject.replace(/[\r\n]+/g, ' '))}`);
  return [
    ...headers,
    '',
    `--${boundary}`,
    'Content-Type: text/plain; charset=utf-8',
    `Content-Transfer-Encoding: ${text.encoding}`,
    '',
    text.body,
    `--${boundary}`,
    'Content-Type: application/json; charset=utf-8',
    'Content-Disposition: attachment; filename="poc-message.json"',
    `Content-Transfer-Encoding: ${json.encoding}`,
    '',
    json.body,
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

export interface ParsedInnerEntity {
  text: string;
  subject: string | undefined;
  /** The application/json part's text, when there is one. */
  json: string | undefined;
}

function looksLikeMime(text: string): boolean {
  return /^(content-type|mime-version|subject|from|date|to|message-id)\s*:/im.test(
    text.split(/\r?\n\r?\n/, 1)[0] ?? '',
  );
}

/**
 * Reads the decrypted content: our own entity, a Thunderbird/other client's MIME message, or
 * plain text from `gpg --encrypt` (taken as it is).
 */
export async function parseInnerEntity(bytes: Uint8Array): Promise<ParsedInnerEntity> {
  const asText = new TextDecoder().decode(bytes);
  if (!looksLikeMime(asText)) return { text: asText, subject: undefined, json: undefined };
  const parsed = await PostalMime.parse(bytes);
  const jsonPart = parsed.attachments.find((a) => a.mimeType === 'application/json');
  const json =
    jsonPart === undefined
      ? undefined
      : typeof jsonPart.content === 'string'
        ? jsonPart.content
        : new TextDecoder().decode(jsonPart.content);
  return { text: parsed.text ?? '', subject: parsed.subject, json };
}
