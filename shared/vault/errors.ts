import { CodedError } from '../errors';

export const VAULT_ERROR_CODES = [
  'wrong-passphrase',
  'newer-version',
  'malformed-header',
  'no-vault',
  'already-exists',
  'locked',
  'record-corrupted',
  'weak-passphrase',
  'os-unlock-unavailable',
  'os-unlock-failed',
  'backup-invalid',
  'backup-newer-version',
  'backup-other-vault',
  'kdf-out-of-bounds',
] as const;
export type VaultErrorCode = (typeof VAULT_ERROR_CODES)[number];

/** An error the user can meet with the vault; the UI translates `code` (namespace `vault`, key `errors.<code>`). */
export class VaultError extends CodedError<VaultErrorCode> {}
