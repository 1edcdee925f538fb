import type { TFunction } from 'i18next';
import { CodedError } from '../../../shared/errors';

/** Codes the group screens explain themselves (namespace `exercise`, key `errors.<code>`). */
const EXPLAINED = new Set([
  'not-participant',
  'not-facilitator',
  'exercise-stopped',
  'exercise-feed-invalid',
  'recipient-outside-exercise',
  'recipient-not-in-directory',
  'not-enrolled',
  'offline',
  'timeout',
  'not-found',
  'no-identity',
  'not-an-exercise-item',
]);

export function groupErrorText(t: TFunction<'exercise'>, error: unknown): string {
  const code = error instanceof CodedError ? String(error.code) : undefined;
  return code && EXPLAINED.has(code) ? t(`errors.${code}`) : t('errors.generic');
}
