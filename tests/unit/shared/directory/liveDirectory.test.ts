import { describe, expect, it } from 'vitest';
import { generateDemoDirectory } from '../../../../shared/directory/demo/generateDemoDirectory';
import { LiveDirectory, indexDirectory, searchEntries } from '../../../../shared/directory/loadedDirectory';
import type { PointOfContact } from '../../../../shared/directory/model';

const NOW = new Date('2026-11-24T00:00:00Z');
const QUERIES = [
  'a',
  'cert',
  'fictif',
  'ficticia',
  '+33',
  'france',
  'россия',
  'مصر',
  '中国',
  'renamed',
  'zzz',
];
const ids = (entries: readonly PointOfContact[]) => entries.map((e) => e.id).sort();

describe('LiveDirectory (changes applied in place)', () => {
  it('after puts, replacements and deletions, finds exactly what a directory built from scratch finds', () => {
    const demo = generateDemoDirectory({ seed: 5, size: 3000, now: NOW });
    const live = new LiveDirectory(demo.slice(0, 2000));
    const first = live.snapshot();
    // Many pages: new entries, renamed ones, removed ones (enough to compact the index's postings).
    const current = new Map(demo.slice(0, 2000).map((e) => [e.id, e]));
    for (let page = 0; page < 10; page++) {
      const added = demo.slice(2000 + page * 100, 2100 + page * 100);
      const renamed = [...current.values()]
        .filter((_, i) => i % 10 === page)
        .map((e) => ({
          ...e,
          revision: e.revision + 1,
          text: { ...e.text, entity: `Renamed fictional office ${page}` },
        }));
      const removed = [...current.keys()].filter((_, i) => i % 7 === page % 7).slice(0, 150);
      live.apply([...added, ...renamed], removed);
      for (const id of removed) current.delete(id);
      for (const e of [...added, ...renamed]) current.set(e.id, e);
      if (page % 3 === 0) live.index.search('a'); // some pages indexed at once, others queued
    }
    // Every entry replaced three times over: far more removed docs than live ones, so the index compacts.
    for (let round = 0; round < 3; round++) {
      const all = [...current.values()].map((e) => ({ ...e, revision: e.revision + 1 }));
      live.apply(all);
      live.index.search('a');
      for (const e of all) current.set(e.id, e);
    }
    const after = live.snapshot();
    expect(after).not.toBe(first);
    expect(after.version).toBe(13);
    expect(ids(after.entries)).toEqual(ids([...current.values()]));
    const fresh = indexDirectory([...current.values()]);
    for (const query of QUERIES) {
      expect(ids(searchEntries(after, query, 100_000)), query).toEqual(
        ids(searchEntries(fresh, query, 100_000)),
      );
    }
    expect(searchEntries(after, 'renamed', 100_000).length).toBeGreaterThan(0);
  });

  it('indexes in slices: indexPending stops at the deadline and resumes', () => {
    const live = new LiveDirectory(generateDemoDirectory({ seed: 6, size: 1000, now: NOW }));
    expect(live.index.pending).toBe(1000);
    expect(live.index.indexPending(0)).toBe(false); // deadline already past: one slice of 64
    expect(live.index.pending).toBe(1000 - 64);
    while (!live.index.indexPending(performance.now() + 5));
    expect(live.index.pending).toBe(0);
    expect(live.index.size).toBe(1000);
  });
});
