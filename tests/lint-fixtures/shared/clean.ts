// Lint fixture: what shared/ may do (zod, other shared code, WebCrypto) passes the rules.
import { z } from 'zod';
import { UN_LANGUAGES } from '../../../shared/i18n/languages';

export const LanguageSchema = z.enum(UN_LANGUAGES);
export const digest = (bytes: Uint8Array<ArrayBuffer>): Promise<ArrayBuffer> =>
  crypto.subtle.digest('SHA-256', bytes);
