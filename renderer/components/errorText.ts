import type { TFunction } from 'i18next';
import { OpenPgpError } from '../../shared/openpgp/errors';
import { MessageError } from '../../shared/messages/errors';
import { HostError } from '../../shared/host/dispatch';

/** The translated text (namespace `messages`, errors.<code>) for any error a user can meet here. */
export function errorText(t: TFunction<'messages'>, error: unknown): string {
  if (error instanceof OpenPgpError || error instanceof MessageError) return t(`errors.${error.code}`);
  if (error instanceof HostError && error.code === 'too-large') return t('errors.too-large');
  return t('errors.unexpected');
}
