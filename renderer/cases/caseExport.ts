import {
  assertThirdPartyExportAllowed,
  caseExportJson,
  type CaseExportOptions,
  type CaseRecord,
  type ChainVerification,
} from '../../shared/cases';
import { bytesToBase64, textToBase64 } from '../../shared/encoding/base64';
import type { HostClient } from '../../shared/host/client';
import type { UnLanguage } from '../../shared/i18n/languages';
import { signDetached } from '../../shared/openpgp/detached';
import { loadOwnIdentity, loadOwnSigningKey } from '../messaging/ownIdentity';
import type { VaultSession } from '../vault/session';
import { caseDocument } from './caseDocument';
import type { Translate } from './CaseTimeline';

/** File names reveal nothing about the case (they may end up in a shared folder or a mail). */
const fileName = (ext: string) => `case-export-${new Date().toISOString().slice(0, 10)}.${ext}`;

/**
 * The case as JSON and, beside it, a detached OpenPGP signature by the own key over the exact bytes
 * (`npm run verify-case -- FILE.json FILE.json.sig` and "Verify a case file" check both). Without
 * an own key the JSON is saved unsigned, and the result says so ('unsigned'): the user is told it
 * proves nothing about who exported it. 'cancelled' when the save dialog was closed.
 */
export async function saveCaseJson(
  session: VaultSession,
  host: HostClient,
  record: CaseRecord,
  verification: ChainVerification,
  options: CaseExportOptions,
): Promise<'signed' | 'unsigned' | 'cancelled'> {
  const identity = await loadOwnIdentity(session);
  const key = identity ? await loadOwnSigningKey(session) : null;
  const json = caseExportJson(record, verification, {
    ...options,
    ...(identity && key
      ? { signer: { fingerprint: identity.fingerprint, publicKey: identity.publicKeyArmored } }
      : {}),
  });
  const name = fileName('json');
  const saved = await host.call('files.save', {
    suggestedName: name,
    mimeType: 'application/json',
    bytes: textToBase64(json),
  });
  if (!saved.saved) return 'cancelled';
  if (!key) return 'unsigned';
  const signature = await signDetached(json, key);
  const sig = await host.call('files.save', {
    suggestedName: `${name}.sig`,
    mimeType: 'application/pgp-signature',
    bytes: textToBase64(signature),
  });
  return sig.saved ? 'signed' : 'unsigned';
}

/** The case PDF in the reader's language; for a third party only with every party's consent (A §11). */
export async function saveCasePdf(
  host: HostClient,
  record: CaseRecord,
  verification: ChainVerification,
  t: Translate,
  language: UnLanguage,
  options: Pick<CaseExportOptions, 'audience' | 'thirdParty'> = { audience: 'own-records' },
): Promise<'saved' | 'cancelled'> {
  if (options.audience === 'third-party') assertThirdPartyExportAllowed(record, options.thirdParty);
  const [{ buildCasePdf }, { fontsFor }] = await Promise.all([import('./casePdf'), import('./pdfFonts')]);
  const document = caseDocument(record, verification, t, language);
  const text = [
    document.title,
    ...document.subtitle,
    ...document.blocks.map((b) => JSON.stringify(b)),
    document.noTlpText,
  ].join('\n');
  const bytes = await buildCasePdf({ ...document, fonts: await fontsFor(text) });
  const saved = await host.call('files.save', {
    suggestedName: fileName('pdf'),
    mimeType: 'application/pdf',
    bytes: bytesToBase64(bytes),
  });
  return saved.saved ? 'saved' : 'cancelled';
}
