import { RegistryError } from '../../shared/registry/errors';
import { STATEMENT_MAX_AGE_MS, STATEMENT_MAX_FUTURE_MS } from '../../shared/registry/protocol';
import type { PointOfContact } from '../../shared/directory/model';
import { checkEntryText, MULTILINE_ENTRY_FIELDS } from '../../shared/directory/textPolicy';
import type { RegistryContext } from '../context';

/**
 * Issue 9 §1: a signed statement names the registry it is for and when it was signed, so a
 * statement made for one registry (or one moment) cannot be replayed to another (or much later).
 */
export function checkStatementBinding(
  context: RegistryContext,
  statement: { registry: string; signedAt: string },
): void {
  if (statement.registry !== context.signingKey.fingerprint) {
    throw new RegistryError('wrong-registry', 'This statement was signed for another registry.');
  }
  const age = context.now() - Date.parse(statement.signedAt);
  if (age > STATEMENT_MAX_AGE_MS || age < -STATEMENT_MAX_FUTURE_MS) {
    throw new RegistryError(
      'statement-expired',
      'This statement was signed too long ago (or in the future); sign it again.',
    );
  }
}

/**
 * Issue 9 §2: entry text shown to diplomats of every State goes through the directory text policy
 * (shared/directory/textPolicy.ts); the first refused character is named by field, policy code and
 * code point (never the raw character), so the app can translate and point at it.
 */
export function checkEntryTextPolicy(entry: PointOfContact): void {
  const texts: [string, Record<string, string | undefined> | undefined][] = [
    ['text', entry.text],
    ['english', entry.english],
  ];
  for (const [group, fields] of texts) {
    for (const [name, value] of Object.entries(fields ?? {})) {
      if (typeof value !== 'string') continue;
      const violation = checkEntryText(value, { multiline: MULTILINE_ENTRY_FIELDS.has(name) });
      if (violation) {
        throw new RegistryError(
          'text-refused',
          `The field ${group}.${name} holds ${violation.codePoint} (${violation.code}).`,
          400,
          {
            field: `${group}.${name}`,
            policy: violation.code,
            codePoint: violation.codePoint,
          },
        );
      }
    }
  }
  const timeZone = entry.timeZone;
  const violation = timeZone === undefined ? undefined : checkEntryText(timeZone);
  if (violation) {
    throw new RegistryError(
      'text-refused',
      `The field timeZone holds ${violation.codePoint} (${violation.code}).`,
      400,
      {
        field: 'timeZone',
        policy: violation.code,
        codePoint: violation.codePoint,
      },
    );
  }
}
