import type { ChainVerification } from './chain';
import { assertThirdPartyExportAllowed } from './consent';
import type { CaseRecord } from './model';
import { summarizeCase } from './state';

export const CASE_EXPORT_SCHEMA = 'un-poc-directory/case-export' as const;

export interface CaseExportOptions {
  audience: 'own-records' | 'third-party';
  thirdParty?: string;
  now?: Date;
  /** The exporting POC's key: the detached signature over the exported bytes is made with it. */
  signer?: { fingerprint: string; publicKey: string };
}

/**
 * The case as JSON for the archive (own records) or a third party (only with every party's consent,
 * A §11). The events are exported exactly as stored, with their hashes, so anyone can re-verify the
 * chain; the verification result at export time is included and never "corrected".
 */
export function buildCaseExport(
  record: CaseRecord,
  verification: ChainVerification,
  options: CaseExportOptions,
) {
  if (options.audience === 'third-party') assertThirdPartyExportAllowed(record, options.thirdParty);
  const summary = summarizeCase(record);
  return {
    schema: CASE_EXPORT_SCHEMA,
    version: 1,
    exportedAt: (options.now ?? new Date()).toISOString(),
    audience: options.audience,
    ...(options.thirdParty ? { thirdParty: options.thirdParty } : {}),
    exercise: summary?.exercise ?? false,
    case: {
      id: record.id,
      subject: summary?.subject,
      status: summary?.status,
      counterpart: summary?.counterpart,
    },
    chain: {
      algorithm: 'SHA-256 over canonical JSON of {seq, prevHash, body}',
      verification,
      head: record.head,
    },
    /** Each message's verdict and signer fingerprint, as the app recorded them. */
    messages: record.events.flatMap(({ seq, body }) =>
      body.kind === 'message'
        ? [
            {
              seq,
              messageId: body.messageId,
              direction: body.direction,
              verdict: body.signerFingerprint
                ? body.direction === 'in'
                  ? 'verified-sender'
                  : 'signed-by-own-key'
                : 'not-signed',
              ...(body.signerFingerprint ? { signerFingerprint: body.signerFingerprint } : {}),
            },
          ]
        : [],
    ),
    ...(options.signer ? { exportedBy: options.signer } : {}),
    events: record.events,
  };
}

export function caseExportJson(
  record: CaseRecord,
  verification: ChainVerification,
  options: CaseExportOptions,
): string {
  return JSON.stringify(buildCaseExport(record, verification, options), null, 2);
}
