import PostalMime from 'postal-mime';
import { newMessageId } from './payload';
import { MessageError } from './errors';

/**
 * PGP/MIME (RFC 3156 §4 and §6.2, signed and encrypted in one OpenPGP message) as an .eml file any
 * mail client opens. The clear envelope says nothing about the content: a fixed subject, no
 * names, only the addresses the mail needs.
 */
const CRLF = '\r\n';
export const ENVELOPE_SUBJECT = 'Encrypted message';

function rfc5322Date(date: Date): string {
  const days = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
  const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${days[date.getUTCDay()]}, ${pad(date.getUTCDate())} ${months[date.getUTCMonth()]} ${date.getUTCFullYear()} ${pad(date.getUTCHours())}:${pad(date.getUTCMinutes())}:${pad(date.getUTCSeconds())} +0000`;
}

const ADDRESS = /^[^\s<>",;:()[\]\\]+@[^\s<>",;:()[\]\\]+$/;

export function buildPgpMimeEml(options: {
  armoredMessage: string;
  from?: string;
  to: readonly string[];
  date?: Date;
}): string {
  const boundary = `pgpmime-${newMessageId()}`;
  const to = options.to.filter((a) => ADDRESS.test(a));
  const headers = [
    ...(options.from && ADDRESS.test(options.from) ? [`From: <${options.from}>`] : []),
    ...(to.length ? [`To: ${to.map((a) => `<${a}>`).join(', ')}`] : []),
    `Subject: ${ENVELOPE_SUBJECT}`,
    `Date: ${rfc5322Date(options.date ?? new Date())}`,
    `Message-ID: <${newMessageId()}@poc-directory.invalid>`,
    'MIME-Version: 1.0',
    `Content-Type: multipart/encrypted; protocol="application/pgp-encrypted"; boundary="${boundary}"`,
  ];
  return [
    ...headers,
    '',
    'This is an OpenPGP/MIME encrypted message (RFC 4880 and 3156)',
    `--${boundary}`,
    'Content-Type: application/pgp-encrypted',
    'Content-Description: PGP/MIME version identification',
    '',
    'Version: 1',
    '',
    `--${boundary}`,
    'Content-Type: application/octet-stream; name="encrypted.asc"',
    'Content-Description: OpenPGP encrypted message',
    'Content-Disposition: inline; filename="encrypted.asc"',
    '',
    options.armoredMessage.replace(/\r?\n/g, CRLF).trimEnd(),
    '',
    `--${boundary}--`,
    '',
  ].join(CRLF);
}

export interface ParsedEml {
  contentType: string;
  /** The encrypted part: armoured text or binary bytes. */
  encrypted: string | Uint8Array;
}

/** True when the text starts like an e-mail (headers first), not like armour. */
export function looksLikeEml(text: string): boolean {
  const head = text.slice(0, 8192).split(/\r?\n\r?\n/, 1)[0] ?? '';
  return /^content-type\s*:/im.test(head) && /^[A-Za-z-]+\s*:/.test(head.trimStart());
}

/** Finds the encrypted part of a PGP/MIME .eml (or of an inline-PGP mail). */
export async function parsePgpMimeEml(input: string | Uint8Array): Promise<ParsedEml> {
  const parsed = await PostalMime.parse(input);
  const contentType = parsed.headers.find((h) => h.key === 'content-type')?.value ?? '';
  const part =
    parsed.attachments.find(
      (a) => a.mimeType === 'application/octet-stream' || /\.(asc|gpg|pgp)$/i.test(a.filename ?? ''),
    ) ?? parsed.attachments.find((a) => a.mimeType !== 'application/pgp-encrypted');
  if (part) {
    const content = typeof part.content === 'string' ? part.content : new Uint8Array(part.content);
    return { contentType, encrypted: content };
  }
  const inline = /-----BEGIN PGP MESSAGE-----[\s\S]*?-----END PGP MESSAGE-----/.exec(parsed.text ?? '');
  if (inline) return { contentType, encrypted: inline[0] };
  throw new MessageError('not-pgp-mime');
}

/** A mailto: draft with the armoured text as body, or null when too long for mail clients. */
export function mailtoDraft(options: {
  to: readonly string[];
  armoredMessage: string;
  maxLength?: number;
}): string | null {
  const to = options.to
    .filter((a) => ADDRESS.test(a))
    .map(encodeURIComponent)
    .join(',');
  const url = `mailto:${to}?subject=${encodeURIComponent(ENVELOPE_SUBJECT)}&body=${encodeURIComponent(options.armoredMessage.replace(/\r?\n/g, '\r\n'))}`;
  return url.length <= (options.maxLength ?? 8000) ? url : null;
}
