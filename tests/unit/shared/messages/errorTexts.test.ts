import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPENPGP_ERROR_CODES } from '../../../../shared/openpgp/errors';
import { MESSAGE_ERROR_CODES } from '../../../../shared/messages/errors';
import { VERDICT_KINDS } from '../../../../shared/messages/verdict';

const en = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../../../resources/locales/en/messages.json'), 'utf8'),
) as {
  errors: Record<string, string>;
  history: { verdict: Record<string, string> };
};

describe('every error code and verdict has a translated text that says what to do', () => {
  it.each([...OPENPGP_ERROR_CODES, ...MESSAGE_ERROR_CODES])('errors.%s', (code) => {
    expect(en.errors[code]?.length ?? 0).toBeGreaterThan(20);
  });
  it.each([...VERDICT_KINDS])('history.verdict.%s', (kind) => {
    expect(en.history.verdict[kind]).toBeTruthy();
  });
});
