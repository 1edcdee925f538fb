import { DirectoryPageSchema, type DirectoryPage } from '../registry/protocol';
import { signatureIssuerKeyId, verifyCanonical, type VerificationKey } from '../registry/signing';
import { SyncError } from './errors';

/** A page older than this, compared with the newest page already accepted, is a replay. */
export const REPLAY_TOLERANCE_MS = 5 * 60_000;

export interface PageExpectation {
  /** The registry key pinned at enrolment, and its fingerprint. */
  key: VerificationKey;
  fingerprint: string;
  /** The `since` this client asked for: a page answering another request is a replay. */
  since: number;
  knownHead: number;
  lastIssuedAt?: string;
}

/**
 * Checks one raw answer of GET /v1/directory/changes before anything of it is used:
 * the signature over the exact received page by the pinned key (tampering, wrong key), the page's
 * shape, and its place in the feed (replay of an older page, rollback to an older head).
 */
export async function verifyDirectoryPage(raw: unknown, expected: PageExpectation): Promise<DirectoryPage> {
  if (typeof raw !== 'object' || raw === null || !('page' in raw) || !('signature' in raw) || typeof raw.signature !== 'string') {
    throw new SyncError('invalid-response', 'the registry answer carries no signed page');
  }
  const { page: rawPage, signature } = raw;
  if (!(await verifyCanonical(rawPage, signature, expected.key, expected.fingerprint))) {
    const issuer = await signatureIssuerKeyId(signature);
    const pinnedKeyId = expected.key.getKeyID().toHex().toUpperCase();
    if (issuer && issuer !== pinnedKeyId) throw new SyncError('wrong-key', 'the page is signed by a key other than the pinned registry key');
    throw new SyncError('tampered', 'the page signature does not verify: its content was altered');
  }
  const parsed = DirectoryPageSchema.safeParse(rawPage);
  if (!parsed.success) throw new SyncError('invalid-response', 'the signed page does not follow protocol v1');
  const page = parsed.data;
  if (page.registry !== expected.fingerprint) throw new SyncError('wrong-key', 'the page names another registry');
  if (page.since !== expected.since) throw new SyncError('replay', `the page answers since=${page.since}, not since=${expected.since}`);
  if (page.head < expected.knownHead) throw new SyncError('rollback', `the registry offers head ${page.head}, older than ${expected.knownHead}`);
  if (expected.lastIssuedAt && Date.parse(page.issuedAt) < Date.parse(expected.lastIssuedAt) - REPLAY_TOLERANCE_MS) {
    throw new SyncError('replay', 'the page is older than one already applied');
  }
  let previous = page.since;
  for (const change of page.changes) {
    if (change.seq <= previous || change.seq > page.until) throw new SyncError('invalid-response', 'the page changes are out of order');
    previous = change.seq;
  }
  return page;
}
