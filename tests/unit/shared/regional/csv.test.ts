import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  guessMapping,
  mapCsvRows,
  readCsvTable,
  rejectedRows,
  readJsonDirectory,
  RegionalError,
} from '../../../../shared/regional';

const CSV = [
  'Participating State;Type;Organisation;Contact name;E-mail;Telephone;OpenPGP fingerprint',
  'AUT;technical;Fictional CERT Austria;Alex Example;cert@aut.example;+43 1 234 5678;',
  'FRA;diplomatique;Fictional Ministry Desk;;desk@fra.example, desk2@fra.example;01 23 45 67 89;AAAA BBBB CCCC DDDD EEEE FFFF 0000 1111 2222 3333',
  '',
  'XXX;technical;Nowhere CERT;;bad-email;;',
  'DEU;;;;;;',
  'AUT;technical;Fictional CERT Austria;Duplicate;other@aut.example;;',
].join('\n');

describe('regional CSV import', () => {
  it('guesses the column mapping from the header, in several languages', () => {
    const table = readCsvTable(CSV);
    expect(guessMapping(table.headers)).toEqual({
      key: null,
      state: 0,
      role: 1,
      entity: 2,
      personName: 3,
      emails: 4,
      phones: 5,
      fingerprint: 6,
    });
    const french = guessMapping([
      'Pays',
      'Rôle',
      'Entité',
      'Nom',
      'Courriel',
      'Téléphone',
      'Empreinte',
      'Identifiant',
    ]);
    expect(french).toMatchObject({
      state: 0,
      role: 1,
      entity: 2,
      personName: 3,
      emails: 4,
      phones: 5,
      fingerprint: 6,
      key: 7,
    });
  });

  it('reads good rows, reports every bad row with its line and field, and drops none silently', () => {
    const table = readCsvTable(CSV);
    const outcome = mapCsvRows(table, guessMapping(table.headers));
    expect(outcome.entries.map((e) => [e.state, e.role, e.entity])).toEqual([
      ['AUT', 'technical', 'Fictional CERT Austria'],
      ['FRA', 'diplomatic', 'Fictional Ministry Desk'],
    ]);
    expect(outcome.entries[0]?.phones).toEqual(['+4312345678']);
    expect(outcome.entries[1]?.phones).toEqual(['+33123456789']);
    expect(outcome.entries[1]?.emails).toEqual(['desk@fra.example', 'desk2@fra.example']);
    expect(outcome.entries[1]?.fingerprint).toBe('AAAABBBBCCCCDDDDEEEEFFFF0000111122223333');
    expect(outcome.problems).toEqual([
      { row: 5, field: 'state', problem: 'unknown-state', value: 'XXX' },
      { row: 5, field: 'emails', problem: 'invalid-email', value: 'bad-email' },
      { row: 6, field: 'role', problem: 'missing-role', value: '' },
      { row: 6, field: 'entity', problem: 'missing-entity', value: '' },
      { row: 7, field: 'key', problem: 'duplicate-key', value: 'AUT/technical/fictional cert austria' },
    ]);
    // Every data row is either an entry or a rejected row.
    expect(outcome.entries.length + rejectedRows(outcome.problems)).toBe(outcome.rowCount);
  });

  it('a user-changed mapping is applied; unmapping a required field is a coded error', () => {
    const table = readCsvTable('a,b,c\nAUT,technical,Fictional CERT\n');
    expect(
      mapCsvRows(table, {
        key: null,
        state: 0,
        role: 1,
        entity: 2,
        personName: null,
        emails: null,
        phones: null,
        fingerprint: null,
      }).entries,
    ).toHaveLength(1);
    expect(() =>
      mapCsvRows(table, {
        key: null,
        state: 0,
        role: 1,
        entity: null,
        personName: null,
        emails: null,
        phones: null,
        fingerprint: null,
      }),
    ).toThrow(RegionalError);
    expect(() => readCsvTable('\n\n')).toThrow(expect.objectContaining({ code: 'empty-file' }));
  });

  it('reads the JSON form with the same per-entry rules', () => {
    const file = readJsonDirectory(
      JSON.stringify({
        schema: 'regional-directory',
        version: 1,
        organisation: 'OAS',
        name: 'Fictional demo',
        memberStates: ['ARG', 'BRA'],
        entries: [
          {
            id: 'oas-1',
            state: 'ARG',
            role: 'technical',
            entity: 'Fictional CERT',
            emails: ['cert@arg.example'],
            phones: [],
          },
          { id: 'oas-2', state: 'BRA', role: 'spy', entity: 'Fictional' },
          'not an object',
        ],
      }),
    );
    expect(file.entries.map((e) => e.key)).toEqual(['oas-1']);
    expect(file.problems.map((p) => [p.row, p.problem])).toEqual([
      [2, 'unknown-role'],
      [3, 'missing-state'],
      [3, 'missing-role'],
      [3, 'missing-entity'],
    ]);
    expect(() => readJsonDirectory('{"schema":"other"}')).toThrow(
      expect.objectContaining({ code: 'wrong-schema' }),
    );
  });
});

describe('shipped demo regional directories', () => {
  it('both fictional demo files import without a rejected row', () => {
    const root = join(import.meta.dirname, '../../../../resources/regional');
    const csv = readCsvTable(readFileSync(join(root, 'demo-osce.csv'), 'utf8'));
    const fromCsv = mapCsvRows(csv, guessMapping(csv.headers));
    expect(fromCsv.problems).toEqual([]);
    expect(fromCsv.entries.length).toBeGreaterThan(10);
    const fromJson = readJsonDirectory(readFileSync(join(root, 'demo-oas.json'), 'utf8'));
    expect(fromJson.problems).toEqual([]);
    expect(
      [...fromCsv.entries, ...fromJson.entries].every((e) => e.emails.every((m) => m.endsWith('.example'))),
    ).toBe(true);
  });
});

describe('line endings', () => {
  it('a file mixing CRLF and LF rows reads every row', () => {
    const table = readCsvTable('state,role,entity\r\nAUT,technical,A\r\nFRA,technical,B\nDEU,technical,C\n');
    expect(table.rows.map((r) => r.cells[0])).toEqual(['AUT', 'FRA', 'DEU']);
    expect(table.rows.map((r) => r.line)).toEqual([2, 3, 4]);
  });
});
