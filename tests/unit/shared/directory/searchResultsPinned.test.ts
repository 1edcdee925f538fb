import { describe, expect, it } from 'vitest';
import { SEARCH_QUERIES, keystrokesOf } from '../../../bench/support/searchQueries';
import {
  DEMO_DIRECTORY_SEED,
  generateDemoDirectory,
} from '../../../../shared/directory/demo/generateDemoDirectory';
import { indexDirectory } from '../../../../shared/directory/loadedDirectory';

/**
 * Pins what search returns (ids, order and scores) on the demo directory and on the 10,000-entry
 * benchmark set, for the benchmark's 60 queries in six scripts and every keystroke of them. The
 * snapshot was recorded with the index as it was before the performance pass; any change to
 * folding, tokenising or ranking that alters a single result fails here.
 */
const NOW = new Date('2026-11-24T00:00:00Z');

/** FNV-1a over the ranked ids and scores: one short line per keystroke keeps the snapshot readable. */
function digest(hits: readonly { id: string; score: number }[]): string {
  let hash = 0x811c9dc5;
  for (const { id, score } of hits) {
    for (const char of `${id}:${score};`)
      hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
  }
  return `${hits.length} ${hash.toString(16).padStart(8, '0')}`;
}

describe('search results stay the same (pinned)', () => {
  it('on the demo directory: full ranked results of the 60 queries', () => {
    const { index } = indexDirectory(generateDemoDirectory({ seed: DEMO_DIRECTORY_SEED, now: NOW }));
    const results = Object.fromEntries(
      SEARCH_QUERIES.map((q) => [q, index.search(q).map((h) => `${h.id} ${h.score}`)]),
    );
    expect(Object.values(results).filter((r) => r.length > 0).length).toBeGreaterThan(40);
    expect(results).toMatchSnapshot();
  });

  it('on the 10,000-entry benchmark set: every keystroke', () => {
    const { index } = indexDirectory(generateDemoDirectory({ seed: 10_000, size: 10_000, now: NOW }));
    const results = Object.fromEntries(keystrokesOf(SEARCH_QUERIES).map((q) => [q, digest(index.search(q))]));
    expect(results).toMatchSnapshot();
  });
});
