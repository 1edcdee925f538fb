import type { PocRole, PointOfContact } from '../directory/model';
import { findState, type RegionalGroup } from '../directory/states';
import type { UnLanguage } from '../i18n/languages';
import type { RegionalDirectoryRecord } from '../regional/model';
import { buildTemplate } from '../templates/builders';
import type { InquiryTemplate, Sender } from '../templates/model';
import { CHECK_REPLY_SCHEMA, CHECK_REPLY_VERSION, type CheckReplyBody } from './model';

/** The check: a template of nature 'communication-check' whose id is the message id. */
export function buildCheckTemplate(
  id: string,
  sender: Sender,
  language: UnLanguage,
  contact: { email?: string; phone?: string },
  now: Date,
): InquiryTemplate {
  const given = {
    ...(contact.email ? { email: contact.email } : {}),
    ...(contact.phone ? { phone: contact.phone } : {}),
  };
  return buildTemplate(
    {
      id,
      language,
      exercise: false,
      nature: 'communication-check',
      sender,
      ...(Object.keys(given).length ? { contact: given } : {}),
    },
    now,
  );
}

export function buildCheckReplyBody(checkId: string, receivedAt: string): CheckReplyBody {
  return { schema: CHECK_REPLY_SCHEMA, version: CHECK_REPLY_VERSION, checkId, receivedAt };
}

/**
 * Who a batch goes to, whichever way it was chosen (hand-picked, regional directory, UN regional
 * group). Every choice keeps only entries holding an OpenPGP key (a check is sealed) and never the
 * own entry; the role filter keeps the A §9 rule, « Les interlocuteurs diplomatiques communiqueront
 * ainsi avec d'autres interlocuteurs diplomatiques et les interlocuteurs techniques avec d'autres
 * interlocuteurs techniques. » The user may still choose both roles: A §9 goes on « La coordination
 * entre les interlocuteurs d'un même État est encouragée. »
 */
export interface BatchFilter {
  role: PocRole | 'both';
  ownFingerprint?: string | undefined;
}

/** Whether an entry may be in a batch under the filter (its role; never the own entry). */
export function fitsBatch(entry: PointOfContact, filter: BatchFilter): boolean {
  if (filter.role !== 'both' && entry.role !== filter.role) return false;
  return entry.openpgp?.fingerprint !== filter.ownFingerprint || !filter.ownFingerprint;
}

/**
 * The hand-picked entries, in the order picked, under the same filter as the other targets: a POC
 * picked under one role and left out after the role changed is not checked. Ids the directory no
 * longer holds are dropped.
 */
export function entriesOfList(
  byId: ReadonlyMap<string, PointOfContact>,
  ids: readonly string[],
  filter: BatchFilter,
): PointOfContact[] {
  return ids.flatMap((id) => {
    const entry = byId.get(id);
    return entry && fitsBatch(entry, filter) ? [entry] : [];
  });
}

/** The global directory entries of every State in a UN regional group. */
export function entriesOfUnGroup(
  entries: readonly PointOfContact[],
  group: RegionalGroup,
  filter: BatchFilter,
): PointOfContact[] {
  return entries.filter((e) => findState(e.state)?.group === group && fitsBatch(e, filter));
}

/**
 * The global directory entries of the POCs a regional directory lists (A §12 b: the same POC in both
 * directories), matched by OpenPGP fingerprint, else by e-mail address. Checks are sealed to the
 * global entry's key: the regional record only says who is in the regional directory.
 */
export function entriesOfRegionalDirectory(
  entries: readonly PointOfContact[],
  directory: RegionalDirectoryRecord,
  filter: BatchFilter,
): PointOfContact[] {
  const fingerprints = new Set(directory.entries.flatMap((r) => (r.fingerprint ? [r.fingerprint] : [])));
  const emails = new Set(directory.entries.flatMap((r) => r.emails.map((m) => m.toLowerCase())));
  return entries.filter(
    (e) =>
      fitsBatch(e, filter) &&
      ((e.openpgp && fingerprints.has(e.openpgp.fingerprint)) ||
        e.emails.some((m) => emails.has(m.toLowerCase()))),
  );
}
