import { z } from 'zod';
import { verifyDetached } from '../openpgp/detached';
import { normalizeFingerprint } from '../openpgp/fingerprint';
import { verifyChain, type ChainVerification } from './chain';
import { CASE_EXPORT_SCHEMA } from './exportJson';
import { ChainedEventSchema } from './model';

/**
 * "Verify a case file" (issue 10): a case exported as JSON comes with a detached OpenPGP signature
 * by the exporting POC's key over the exact bytes of the file. Verifying checks both: the
 * signature against the key the file names (and, when given, against the fingerprint the reader
 * expects, e.g. the one in the directory), and the hash chain of the events. One changed character
 * breaks the signature; a copy re-signed by another key fails against the named key.
 */
const CaseFileSchema = z.object({
  schema: z.literal(CASE_EXPORT_SCHEMA),
  version: z.literal(1),
  exportedBy: z.object({ fingerprint: z.string(), publicKey: z.string().max(256 * 1024) }),
  chain: z.object({ head: z.object({ seq: z.number().int().nonnegative(), hash: z.string() }).nullable() }),
  events: z.array(ChainedEventSchema),
  case: z.object({ id: z.string() }).partial().optional(),
});

export type CaseFileProblem = 'not-a-case-file' | 'bad-signature' | 'unexpected-signer' | 'chain-broken';

export interface CaseFileVerification {
  ok: boolean;
  problems: CaseFileProblem[];
  /** The fingerprint of the key that made a good signature. */
  signer?: string;
  chain?: ChainVerification;
  caseId?: string;
}

export async function verifyCaseFile(
  bytes: Uint8Array,
  armoredSignature: string,
  options: { expectedFingerprint?: string } = {},
): Promise<CaseFileVerification> {
  let text: string;
  let parsed: z.infer<typeof CaseFileSchema>;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    parsed = CaseFileSchema.parse(JSON.parse(text));
  } catch {
    return { ok: false, problems: ['not-a-case-file'] };
  }
  const problems: CaseFileProblem[] = [];
  const signature = await verifyDetached(text, armoredSignature, parsed.exportedBy.publicKey);
  const signer = signature.valid ? signature.fingerprint : undefined;
  if (!signature.valid || signer !== normalizeFingerprint(parsed.exportedBy.fingerprint))
    problems.push('bad-signature');
  if (signer && options.expectedFingerprint && signer !== normalizeFingerprint(options.expectedFingerprint)) {
    problems.push('unexpected-signer');
  }
  const chain = await verifyChain({ events: parsed.events, head: parsed.chain.head });
  if (!chain.intact) problems.push('chain-broken');
  return {
    ok: problems.length === 0,
    problems,
    ...(signer ? { signer } : {}),
    chain,
    ...(parsed.case?.id ? { caseId: parsed.case.id } : {}),
  };
}
