import {
  diffDirectories,
  directoryIdFor,
  guessMapping,
  mapCsvRows,
  openRegionalFile,
  readCsvTable,
  readJsonDirectory,
  type ColumnMapping,
  type CsvTable,
  type DirectoryDiff,
  type FileTrust,
  type RegionalDirectoryRecord,
  type RegionalOrganisation,
  type RowsOutcome,
} from '../../shared/regional';

/** A file read and checked, before anything is stored: what the import screen previews. */
export interface ImportPlan {
  format: 'csv' | 'json';
  trust: FileTrust;
  /** CSV only: the table and the mapping in use (guessed, then as the user changes it). */
  table?: CsvTable;
  mapping?: ColumnMapping;
  outcome: RowsOutcome;
  /** From a JSON file; for CSV the user says. */
  organisation?: RegionalOrganisation;
  name?: string;
  memberStates: string[];
  operational: boolean;
}

export interface PickedBytes {
  name: string;
  bytes: Uint8Array;
}

function looksLikeJson(name: string, text: string): boolean {
  return /\.json(\.asc)?$/i.test(name) || /^\s*\{/.test(text);
}

/** Reads the file (checking its signature against the pinned or offered key) and parses it. Throws RegionalError. */
export async function planImport(options: {
  file: PickedBytes;
  signature: PickedBytes | null;
  existing: RegionalDirectoryRecord | undefined;
  offeredKey: string;
}): Promise<ImportPlan> {
  const { text, trust } = await openRegionalFile({
    content: options.file.bytes,
    signature: options.signature?.bytes,
    pinned: options.existing?.manager,
    offeredKey: options.offeredKey,
  });
  if (looksLikeJson(options.file.name, text)) {
    const file = readJsonDirectory(text);
    return {
      format: 'json',
      trust,
      outcome: file,
      organisation: file.organisation,
      name: file.name,
      memberStates: file.memberStates.length ? file.memberStates : statesOf(file),
      operational: file.operational,
    };
  }
  const table = readCsvTable(text);
  const mapping = guessMapping(table.headers);
  const outcome = safeMap(table, mapping);
  const members = new Set([...(options.existing?.memberStates ?? []), ...statesOf(outcome)]);
  return {
    format: 'csv',
    trust,
    table,
    mapping,
    outcome,
    memberStates: [...members].sort(),
    operational: options.existing?.operational ?? true,
  };
}

/** With a required field unmapped, nothing can be read yet: every row is reported as not imported. */
export function safeMap(table: CsvTable, mapping: ColumnMapping): RowsOutcome {
  try {
    return mapCsvRows(table, mapping);
  } catch {
    return { entries: [], problems: [], rowCount: table.rows.length };
  }
}

function statesOf(outcome: RowsOutcome): string[] {
  return [...new Set(outcome.entries.map((e) => e.state))].sort();
}

export function planDiff(
  plan: ImportPlan,
  existing: RegionalDirectoryRecord | undefined,
): DirectoryDiff | null {
  return existing ? diffDirectories(existing.entries, plan.outcome.entries) : null;
}

/** The record to store; the manager key is pinned at the first signed import and kept after. */
export function recordFromPlan(
  plan: ImportPlan,
  form: { organisation: RegionalOrganisation; name: string; memberStates: string[]; operational: boolean },
  existing: RegionalDirectoryRecord | undefined,
  now: string,
): RegionalDirectoryRecord {
  const manager =
    existing?.manager ??
    (plan.trust.kind === 'verified'
      ? { fingerprint: plan.trust.fingerprint, publicKey: plan.trust.publicKey, pinnedAt: now }
      : undefined);
  return {
    id: existing?.id ?? directoryIdFor(form.organisation, form.name),
    organisation: existing?.organisation ?? form.organisation,
    name: existing?.name ?? form.name.trim(),
    memberStates: form.memberStates,
    operational: form.operational,
    ...(manager ? { manager } : {}),
    importedAt: now,
    format: plan.format,
    signed: plan.trust.kind === 'verified',
    entries: plan.outcome.entries,
  };
}

/** "AUT, FRA deu" → ['AUT', 'DEU', 'FRA']: ISO alpha-3 codes only, the rest ignored. */
export function parseMemberStates(text: string): string[] {
  return [
    ...new Set(
      text
        .toUpperCase()
        .split(/[^A-Z]+/)
        .filter((code) => /^[A-Z]{3}$/.test(code)),
    ),
  ].sort();
}
