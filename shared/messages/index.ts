/**
 * Messages between POCs (issue 4): inner format, PGP/MIME, verdicts. Pure TypeScript.
 *
 * For templates (issue 6) — sending:
 *   const { mime, payload } = composeMessage({
 *     text,                       // human-readable rendering, shown by any OpenPGP tool
 *     structured: templateObject, // opaque JSON, arrives as payload.body
 *     kind: 'inquiry',            // tells the receiver which template it is
 *     language: 'fr', sender: { fingerprint, pocId, state, role }, recipients: [{ fingerprint, pocId }],
 *   });
 *   const armored = await sealMessage({ mime, recipientKeys, senderKey }); // sign + encrypt (+ sender)
 *   buildPgpMimeEml({ armoredMessage: armored, to }) // .eml;  mailtoDraft(...) // or null if too long
 *
 * Receiving:
 *   const result = await readMessage(pastedTextOrFileBytes, { ownKey, verificationKeys, directory, pins });
 *   result.verdict  // exactly one of verified / unknown-key / bad-signature / unsigned / key-changed
 *   result.text, result.payload?.body, result.payload?.kind
 * Errors: OpenPgpError (shared/openpgp/errors.ts) and MessageError (./errors.ts), each with a stable
 * `code` translated in the `messages` namespace under errors.<code>.
 *
 * Inner format: multipart/mixed with text/plain (UTF-8) and application/json
 * `{ schema: 'poc-message', version: 1, id, createdAt, language, kind, sender, recipients, body }`.
 */
export * from './errors';
export * from './payload';
export * from './mime';
export * from './eml';
export * from './verdict';
export * from './compose';
export * from './read';
export * from './readSigned';
