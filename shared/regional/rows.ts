import { z } from 'zod';
import { isDirectoryState } from '../directory/states';
import { normalisePhone } from '../directory/phone';
import type { PocRole } from '../directory/model';
import type { RegionalEntry } from './model';

/** The fields a regional directory row can carry; `entity`, `state` and `role` are required. */
export const ROW_FIELDS = [
  'key',
  'state',
  'role',
  'entity',
  'personName',
  'emails',
  'phones',
  'fingerprint',
] as const;
export type RowField = (typeof ROW_FIELDS)[number];
export const REQUIRED_FIELDS: readonly RowField[] = ['state', 'role', 'entity'];

/** Why one row was not taken; shown next to the row (line number, field, value), never dropped silently. */
export const ROW_PROBLEMS = [
  'missing-state',
  'unknown-state',
  'missing-role',
  'unknown-role',
  'missing-entity',
  'invalid-email',
  'invalid-phone',
  'invalid-fingerprint',
  'duplicate-key',
  'too-long',
] as const;
export type RowProblemCode = (typeof ROW_PROBLEMS)[number];

export interface RowProblem {
  /** Line in the file (CSV, 1-based, header is line 1) or index in the JSON `entries` array (1-based). */
  row: number;
  field: RowField;
  problem: RowProblemCode;
  value: string;
}

/** A raw row: field → text as found in the file (several values separated by ; or ,). */
export type RawRow = Partial<Record<RowField, string>>;

const ROLE_WORDS: Record<string, PocRole> = {
  diplomatic: 'diplomatic',
  diplomatique: 'diplomatic',
  diplomático: 'diplomatic',
  diplomatico: 'diplomatic',
  d: 'diplomatic',
  technical: 'technical',
  technique: 'technical',
  técnico: 'technical',
  tecnico: 'technical',
  t: 'technical',
};

const email = z.email().max(254);
const split = (text: string | undefined) =>
  (text ?? '')
    .split(/[;,\n]+/)
    .map((part) => part.trim())
    .filter((part) => part.length > 0);

/**
 * Validates one row. Returns the entry, or every problem found in it (all at once, so a user fixes
 * the file in one pass). `fallbackKey` is used when the file has no key column.
 */
export function readRow(
  raw: RawRow,
  row: number,
  fallbackKey: string,
): { entry: RegionalEntry } | { problems: RowProblem[] } {
  const problems: RowProblem[] = [];
  const problem = (field: RowField, code: RowProblemCode, value = '') =>
    problems.push({ row, field, problem: code, value: value.slice(0, 200) });

  const stateText = (raw.state ?? '').trim().toUpperCase();
  if (!stateText) problem('state', 'missing-state');
  else if (!isDirectoryState(stateText)) problem('state', 'unknown-state', raw.state);

  const roleText = (raw.role ?? '').trim().toLowerCase();
  const role = ROLE_WORDS[roleText];
  if (!roleText) problem('role', 'missing-role');
  else if (!role) problem('role', 'unknown-role', raw.role);

  const entity = (raw.entity ?? '').trim();
  if (!entity) problem('entity', 'missing-entity');
  else if (entity.length > 300) problem('entity', 'too-long', entity);

  const personName = (raw.personName ?? '').trim();
  if (personName.length > 200) problem('personName', 'too-long', personName);

  const emails: string[] = [];
  for (const part of split(raw.emails)) {
    if (email.safeParse(part).success) emails.push(part.toLowerCase());
    else problem('emails', 'invalid-email', part);
  }
  const phones: string[] = [];
  for (const part of split(raw.phones)) {
    try {
      phones.push(normalisePhone(part, stateText || undefined));
    } catch {
      problem('phones', 'invalid-phone', part);
    }
  }
  const fingerprintText = (raw.fingerprint ?? '').replace(/\s+/g, '').toUpperCase();
  if (fingerprintText && !/^([0-9A-F]{40}|[0-9A-F]{64})$/.test(fingerprintText))
    problem('fingerprint', 'invalid-fingerprint', raw.fingerprint);
  if (emails.length > 10 || phones.length > 10) problem(emails.length > 10 ? 'emails' : 'phones', 'too-long');

  const key = (raw.key ?? '').trim() || fallbackKey;
  if (key.length > 128) problem('key', 'too-long', key);
  if (problems.length > 0 || !role) return { problems };
  return {
    entry: {
      key,
      state: stateText,
      role,
      entity,
      ...(personName ? { personName } : {}),
      emails,
      phones,
      ...(fingerprintText ? { fingerprint: fingerprintText } : {}),
    },
  };
}

export interface RowsOutcome {
  entries: RegionalEntry[];
  problems: RowProblem[];
  /** How many rows the file had: entries + rows with problems, so nothing goes missing unseen. */
  rowCount: number;
}

/** Reads every row; rows whose key repeats an earlier row's are refused as duplicates. */
export function readRows(rows: readonly { raw: RawRow; row: number }[]): RowsOutcome {
  const entries: RegionalEntry[] = [];
  const problems: RowProblem[] = [];
  const keys = new Set<string>();
  for (const { raw, row } of rows) {
    // Without a key column, the row's State, role and entity name identify it across re-imports.
    const fallback = `${(raw.state ?? '').trim().toUpperCase()}/${(raw.role ?? '').trim().toLowerCase()}/${(raw.entity ?? '').trim().toLowerCase()}`;
    const result = readRow(raw, row, fallback);
    if ('problems' in result) {
      problems.push(...result.problems);
      continue;
    }
    if (keys.has(result.entry.key)) {
      problems.push({ row, field: 'key', problem: 'duplicate-key', value: result.entry.key.slice(0, 200) });
      continue;
    }
    keys.add(result.entry.key);
    entries.push(result.entry);
  }
  return { entries, problems, rowCount: rows.length };
}

/** Rows with at least one problem (a row can have several). */
export function rejectedRows(problems: readonly RowProblem[]): number {
  return new Set(problems.map((p) => p.row)).size;
}
