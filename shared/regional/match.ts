import type { PointOfContact, PocRole } from '../directory/model';
import type { DirectorySource, RegionalDirectoryRecord, RegionalEntry } from './model';

/**
 * A §12 b: « Si les États ont déjà désigné des interlocuteurs … dans le cadre d'autres répertoires
 * régionaux, ils sont encouragés à désigner les mêmes interlocuteurs … dans le répertoire mondial ».
 * The same POC is found across directories by OpenPGP fingerprint, e-mail or telephone, and every
 * field that differs is shown, so a user notices an out-of-date record in one of them.
 */
export interface PocRecordView {
  source: DirectorySource;
  /** The id within its source: entry id (global) or row key (regional). */
  id: string;
  state: string;
  role: PocRole;
  entity: string;
  personName?: string | undefined;
  emails: string[];
  phones: string[];
  fingerprint?: string | undefined;
}

export type MatchReason = 'fingerprint' | 'email' | 'phone';
export const COMPARED_FIELDS = [
  'state',
  'role',
  'entity',
  'personName',
  'emails',
  'phones',
  'fingerprint',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface CrossMatch {
  record: PocRecordView;
  matchedBy: MatchReason[];
  differences: ComparedField[];
}

export function globalView(entry: PointOfContact): PocRecordView {
  return {
    source: { kind: 'global' },
    id: entry.id,
    state: entry.state,
    role: entry.role,
    entity: entry.english?.entity ?? entry.text.entity,
    personName: entry.english?.personName ?? entry.text.personName,
    emails: entry.emails.map((e) => e.toLowerCase()),
    phones: entry.phones,
    fingerprint: entry.openpgp?.fingerprint,
  };
}

export function regionalView(
  directory: Pick<RegionalDirectoryRecord, 'id'>,
  entry: RegionalEntry,
): PocRecordView {
  return {
    source: { kind: 'regional', directoryId: directory.id },
    id: entry.key,
    state: entry.state,
    role: entry.role,
    entity: entry.entity,
    personName: entry.personName,
    emails: entry.emails,
    phones: entry.phones,
    fingerprint: entry.fingerprint,
  };
}

export function sourceKey(source: DirectorySource): string {
  return source.kind === 'global' ? 'global' : `regional:${source.directoryId}`;
}

const fold = (text: string | undefined) =>
  (text ?? '').normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');

function differs(a: PocRecordView, b: PocRecordView, field: ComparedField): boolean {
  const left = a[field];
  const right = b[field];
  if (Array.isArray(left) || Array.isArray(right)) {
    const l = [...(Array.isArray(left) ? left : [])].sort().join('\n');
    const r = [...(Array.isArray(right) ? right : [])].sort().join('\n');
    return l !== r;
  }
  return field === 'entity' || field === 'personName'
    ? fold(left) !== fold(right)
    : (left ?? '') !== (right ?? '');
}

/**
 * An index over every record of every source, so an entry page finds its matches without a scan.
 * Built once per view (a few thousand records).
 */
export class CrossDirectoryIndex {
  private readonly byFingerprint = new Map<string, PocRecordView[]>();
  private readonly byEmail = new Map<string, PocRecordView[]>();
  private readonly byPhone = new Map<string, PocRecordView[]>();

  constructor(records: Iterable<PocRecordView>) {
    for (const record of records) {
      if (record.fingerprint) push(this.byFingerprint, record.fingerprint, record);
      for (const email of record.emails) push(this.byEmail, email.toLowerCase(), record);
      for (const phone of record.phones) push(this.byPhone, phone, record);
    }
  }

  /** Records of the same POC in other sources (never the same source), best evidence first. */
  matchesOf(record: PocRecordView): CrossMatch[] {
    const found = new Map<string, CrossMatch>();
    const own = sourceKey(record.source);
    const add = (candidates: readonly PocRecordView[] | undefined, reason: MatchReason) => {
      for (const candidate of candidates ?? []) {
        if (sourceKey(candidate.source) === own) continue;
        const id = `${sourceKey(candidate.source)}#${candidate.id}`;
        const match = found.get(id) ?? {
          record: candidate,
          matchedBy: [],
          differences: COMPARED_FIELDS.filter((f) => differs(record, candidate, f)),
        };
        if (!match.matchedBy.includes(reason)) match.matchedBy.push(reason);
        found.set(id, match);
      }
    };
    if (record.fingerprint) add(this.byFingerprint.get(record.fingerprint), 'fingerprint');
    for (const email of record.emails) add(this.byEmail.get(email.toLowerCase()), 'email');
    for (const phone of record.phones) add(this.byPhone.get(phone), 'phone');
    const strength = (m: CrossMatch) => (m.matchedBy.includes('fingerprint') ? 0 : 1);
    return [...found.values()].sort(
      (a, b) => strength(a) - strength(b) || a.differences.length - b.differences.length,
    );
  }
}

function push(map: Map<string, PocRecordView[]>, key: string, record: PocRecordView): void {
  const list = map.get(key);
  if (list) list.push(record);
  else map.set(key, [record]);
}
