import { describe, expect, it } from 'vitest';
import {
  entriesOfList,
  entriesOfRegionalDirectory,
  entriesOfUnGroup,
  fitsBatch,
} from '../../../../shared/commcheck';
import type { PointOfContact } from '../../../../shared/directory/model';
import type { RegionalDirectoryRecord } from '../../../../shared/regional/model';

/** Who a batch of checks goes to: a UN regional group's States, or the POCs a regional directory lists. */
function poc(id: string, state: string, role: 'technical' | 'diplomatic', key?: string): PointOfContact {
  return {
    id,
    state,
    role,
    kind: 'entity',
    language: 'en',
    text: { entity: `${id} (fictional)` },
    phones: [],
    emails: [`${id}@cert.example`],
    workingLanguages: ['en'],
    regionalDirectories: [],
    revision: 1,
    updatedAt: '2026-11-01T10:00:00.000Z',
    ...(key ? { openpgp: { fingerprint: key.repeat(40), publicKey: 'fictional' } } : {}),
  };
}

const ENTRIES = [
  poc('pol-tech-1', 'POL', 'technical', 'A'),
  poc('pol-dipl-1', 'POL', 'diplomatic', 'B'),
  poc('cze-tech-1', 'CZE', 'technical', 'C'),
  poc('cze-tech-2', 'CZE', 'technical', 'D'),
  poc('fra-tech-1', 'FRA', 'technical', 'E'),
];

describe('batch recipients', () => {
  it('takes the POCs of the States of a UN regional group, of the chosen role, never the own entry', () => {
    const ids = (list: PointOfContact[]) => list.map((e) => e.id);
    expect(ids(entriesOfUnGroup(ENTRIES, 'easternEuropean', { role: 'technical' }))).toEqual([
      'pol-tech-1',
      'cze-tech-1',
      'cze-tech-2',
    ]);
    expect(
      ids(entriesOfUnGroup(ENTRIES, 'easternEuropean', { role: 'both', ownFingerprint: 'A'.repeat(40) })),
    ).toEqual(['pol-dipl-1', 'cze-tech-1', 'cze-tech-2']);
    expect(ids(entriesOfUnGroup(ENTRIES, 'westernEuropeanOthers', { role: 'technical' }))).toEqual([
      'fra-tech-1',
    ]);
  });

  it('takes the global entries a regional directory lists, matched by fingerprint or e-mail', () => {
    const directory: RegionalDirectoryRecord = {
      id: 'osce-demo',
      organisation: 'OSCE',
      name: 'OSCE demo directory (fictional)',
      memberStates: ['POL', 'CZE', 'FRA'],
      operational: true,
      importedAt: '2026-11-01T10:00:00.000Z',
      format: 'csv',
      signed: false,
      entries: [
        {
          key: 'r1',
          state: 'POL',
          role: 'technical',
          entity: 'x',
          emails: [],
          phones: [],
          fingerprint: 'A'.repeat(40),
        },
        {
          key: 'r2',
          state: 'CZE',
          role: 'technical',
          entity: 'y',
          emails: ['CZE-TECH-2@cert.example'],
          phones: [],
        },
      ],
    };
    const found = entriesOfRegionalDirectory(ENTRIES, directory, { role: 'technical' });
    expect(found.map((e) => e.id)).toEqual(['pol-tech-1', 'cze-tech-2']);
  });

  it('keeps hand-picked POCs of the chosen role only, in the order picked, never the own entry', () => {
    const byId = new Map(ENTRIES.map((e) => [e.id, e]));
    const picked = ['cze-tech-2', 'pol-dipl-1', 'pol-tech-1', 'gone-from-directory'];
    const ids = (list: PointOfContact[]) => list.map((e) => e.id);
    expect(ids(entriesOfList(byId, picked, { role: 'technical' }))).toEqual(['cze-tech-2', 'pol-tech-1']);
    expect(ids(entriesOfList(byId, picked, { role: 'diplomatic' }))).toEqual(['pol-dipl-1']);
    expect(ids(entriesOfList(byId, picked, { role: 'both', ownFingerprint: 'A'.repeat(40) }))).toEqual([
      'cze-tech-2',
      'pol-dipl-1',
    ]);
    // The picker offers what the list would keep: a diplomatic POC is not offered for a technical check.
    expect(ENTRIES.filter((e) => fitsBatch(e, { role: 'technical' })).map((e) => e.id)).not.toContain(
      'pol-dipl-1',
    );
  });
});
