import Papa from 'papaparse';
import { RegionalError } from './errors';
import { readRows, ROW_FIELDS, type RawRow, type RowField, type RowsOutcome } from './rows';

/**
 * CSV regional directories. Whatever the columns are called, the user sees a mapping (column →
 * field) guessed from the header, can change it, and sees the first rows as they will be read
 * before anything is imported. Every row ends up either as an entry or as a reported problem.
 */
export interface CsvTable {
  headers: string[];
  /** Data rows with their line number in the file (the header is line 1). */
  rows: { cells: string[]; line: number }[];
}

/** Column index per field; null = not in the file. */
export type ColumnMapping = Record<RowField, number | null>;

export const MAX_CSV_ROWS = 50_000;

export function readCsvTable(text: string): CsvTable {
  // Files edited by hand mix CRLF and LF; papaparse would take the first kind as the only line break.
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const parsed = Papa.parse<string[]>(normalised, { skipEmptyLines: false, newline: '\n' });
  const [header, ...data] = parsed.data;
  if (!header || header.every((cell) => !cell.trim())) throw new RegionalError('empty-file');
  if (data.length > MAX_CSV_ROWS) throw new RegionalError('too-large', `${data.length} rows`);
  // Record numbers as a spreadsheet shows them (the header is 1); blank records are skipped, not counted as data.
  const rows = data.flatMap((cells, index) =>
    cells.some((cell) => cell.trim()) ? [{ cells, line: index + 2 }] : [],
  );
  if (rows.length === 0) throw new RegionalError('empty-file');
  return { headers: header.map((cell) => cell.trim()), rows };
}

const SYNONYMS: Record<RowField, readonly string[]> = {
  key: ['id', 'key', 'identifier', 'identifiant', 'entry id', 'poc id', 'ref'],
  state: [
    'state',
    'country',
    'iso3',
    'iso',
    'état',
    'etat',
    'pays',
    'estado',
    'país',
    'pais',
    'participating state',
    'member state',
  ],
  role: ['role', 'rôle', 'type', 'poc type', 'kind', 'función', 'funcion', 'rol'],
  entity: [
    'entity',
    'organisation',
    'organization',
    'institution',
    'agency',
    'entité',
    'entite',
    'entidad',
    'name of entity',
  ],
  personName: ['person', 'name', 'contact name', 'person name', 'nom', 'nombre', 'full name'],
  emails: ['email', 'e-mail', 'emails', 'mail', 'courriel', 'correo'],
  phones: ['phone', 'telephone', 'téléphone', 'tel', 'phones', 'teléfono', 'telefono', 'mobile'],
  fingerprint: [
    'fingerprint',
    'openpgp',
    'pgp',
    'pgp fingerprint',
    'openpgp fingerprint',
    'key fingerprint',
    'empreinte',
  ],
};

const normalise = (header: string) =>
  header
    .trim()
    .toLowerCase()
    .replace(/[_\s]+/g, ' ');

/** The mapping a user would most likely choose: exact synonym first, then a synonym contained in the header. */
export function guessMapping(headers: readonly string[]): ColumnMapping {
  const mapping = Object.fromEntries(ROW_FIELDS.map((field) => [field, null])) as ColumnMapping;
  const taken = new Set<number>();
  for (const pass of ['exact', 'contains'] as const) {
    for (const field of ROW_FIELDS) {
      if (mapping[field] !== null) continue;
      const index = headers.findIndex((header, i) => {
        if (taken.has(i)) return false;
        const h = normalise(header);
        return SYNONYMS[field].some((word) => (pass === 'exact' ? h === word : h.includes(word)));
      });
      if (index >= 0) {
        mapping[field] = index;
        taken.add(index);
      }
    }
  }
  return mapping;
}

export function rawRowsOf(table: CsvTable, mapping: ColumnMapping): { raw: RawRow; row: number }[] {
  return table.rows.map(({ cells, line }) => {
    const raw: RawRow = {};
    for (const field of ROW_FIELDS) {
      const index = mapping[field];
      if (index !== null && index !== undefined) raw[field] = cells[index] ?? '';
    }
    return { raw, row: line };
  });
}

/** Applies a mapping to every row: entries and per-row problems (nothing is dropped silently). */
export function mapCsvRows(table: CsvTable, mapping: ColumnMapping): RowsOutcome {
  if (mapping.entity === null || mapping.state === null || mapping.role === null)
    throw new RegionalError('required-column-unmapped');
  return readRows(rawRowsOf(table, mapping));
}
