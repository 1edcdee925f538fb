import { CodedError } from '../errors';

/**
 * Errors of the message layer (above the OpenPGP core). The UI translates `code` in the `messages`
 * namespace under `errors.<code>`, next to the OpenPgpError codes.
 */
export const MESSAGE_ERROR_CODES = [
  'signer-mismatch', // the message claims to come from one POC but is signed by another's key
  'no-identity', // no own key yet
  'no-recipients',
  'recipient-without-key', // a directory entry without an OpenPGP key
  'recipient-key-changed', // the POC's key changed since it was verified: verify again first
  'not-pgp-mime', // an .eml that holds no encrypted OpenPGP part
  'empty-message',
] as const;
export type MessageErrorCode = (typeof MESSAGE_ERROR_CODES)[number];

export class MessageError extends CodedError<MessageErrorCode> {}
