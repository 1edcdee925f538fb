import { CodedError } from '../errors';

/** Errors of a regional directory import; translated in the `regional` namespace under errors.<code>. */
export const REGIONAL_ERROR_CODES = [
  'empty-file', // no rows, or not CSV/JSON at all
  'not-json', // a .json file that does not parse
  'wrong-schema', // JSON that is not a regional directory file
  'required-column-unmapped', // the mapping leaves State, role or entity unmapped
  'bad-signature', // the manager's signature does not match the file (altered?)
  'unpinned-key', // signed by a key other than the one pinned at the first import
  'signature-required', // the directory was signed before; an unsigned file is refused (downgrade)
  'manager-key-needed', // a signed file at first import: the manager's public key is needed to check it
  'not-a-key', // the manager key offered is not an OpenPGP public key
  'too-large', // more rows or bytes than the import accepts
] as const;
export type RegionalErrorCode = (typeof REGIONAL_ERROR_CODES)[number];

export class RegionalError extends CodedError<RegionalErrorCode> {}
