import type { EntryText, PointOfContact } from '../../../../shared/directory/model';
import { searchTokens } from './searchText';
import { stateSearchText } from '../../../../shared/directory/stateNames';
import { DIRECTORY_STATES } from '../../../../shared/directory/states';

/**
 * The in-memory type-ahead index over decrypted entries (ARCHITECTURE.md: search runs in memory; the
 * directory is thousands of entries, not millions).
 *
 * Our own inverted index rather than MiniSearch: measured on 10,000 demo entries, MiniSearch took
 * ~330 ms to index (780 ms with State names per entry) and 40 ms for a one-letter query, while this
 * one needs ~120 ms to build and well under a millisecond per keystroke (tests/bench/directory.bench.ts).
 *
 * Every query term must match (AND), each as a word prefix, in any field: the original text, its
 * English translation, e-mails, phones, the key fingerprint, or the State's names in all six UN
 * languages. Words are folded by searchText.ts (case, diacritics, Arabic forms, Han bigrams).
 * Ranking: an exact word beats a prefix; names and entity text beat contact details and State names.
 */
export interface DirectorySearchHit {
  id: string;
  score: number;
}

export interface DirectorySearchIndex {
  readonly size: number;
  /** Matching entries, best first. An empty query matches nothing (browse instead). */
  search(query: string, limit?: number): DirectorySearchHit[];
}

function textOf(text: EntryText | undefined): string {
  if (!text) return '';
  return [text.entity, text.personName, text.personTitle, text.officeHours, text.notes].filter(Boolean).join(' ');
}

/** Postings hold doc * 2 + 1 for a word in the entry's own text or translation, doc * 2 for contact words. */
type Postings = number[];

let stateWordsCache: { word: string; code: string }[] | null = null;
/** The folded words of every State's six names, built once (with the first index, not the first keystroke). */
function stateWords(): { word: string; code: string }[] {
  stateWordsCache ??= DIRECTORY_STATES.flatMap((state) =>
    [...new Set(searchTokens(stateSearchText(state.code)))].map((word) => ({ word, code: state.code })),
  );
  return stateWordsCache;
}

function statesMatching(term: string): Set<string> {
  const codes = new Set<string>();
  for (const { word, code } of stateWords()) if (word.startsWith(term)) codes.add(code);
  return codes;
}

/** First index in a sorted array whose value is ≥ term (UTF-16 code-unit order, as Array#sort). */
function lowerBound(sorted: readonly string[], term: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((sorted[mid] ?? '') < term) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export function buildDirectorySearchIndex(entries: readonly PointOfContact[]): DirectorySearchIndex {
  stateWords();
  const postings = new Map<string, Postings>();
  const docsOfState = new Map<string, number[]>();
  const add = (token: string, posting: number) => {
    const list = postings.get(token);
    if (list) {
      if (list[list.length - 1] !== posting) list.push(posting);
    } else postings.set(token, [posting]);
  };
  entries.forEach((entry, doc) => {
    const seen = new Set<string>();
    for (const token of searchTokens(`${textOf(entry.text)} ${textOf(entry.english)}`)) {
      if (seen.has(token)) continue;
      seen.add(token);
      add(token, doc * 2 + 1);
    }
    const contact = [...entry.emails, ...entry.phones, entry.openpgp?.fingerprint ?? ''].join(' ');
    for (const token of searchTokens(contact)) {
      if (seen.has(token)) continue;
      seen.add(token);
      add(token, doc * 2);
    }
    const stateDocs = docsOfState.get(entry.state);
    if (stateDocs) stateDocs.push(doc);
    else docsOfState.set(entry.state, [doc]);
  });
  const words = [...postings.keys()].sort();
  const n = entries.length;

  return {
    size: n,
    search(query, limit = 200) {
      const terms = searchTokens(query, true);
      if (terms.length === 0 || n === 0) return [];
      const matched = new Uint16Array(n);
      const score = new Float64Array(n);
      terms.forEach((term, i) => {
        const credit = (doc: number, weight: number) => {
          const count = matched[doc] ?? 0;
          if (count === i) {
            matched[doc] = i + 1;
            score[doc] = (score[doc] ?? 0) + weight;
          }
        };
        // Exact word first so that it earns the higher weight before any prefix match credits the doc.
        const exact = postings.get(term);
        if (exact) for (const posting of exact) credit(posting >> 1, posting & 1 ? 4 : 2);
        for (let w = lowerBound(words, term); w < words.length; w++) {
          const word = words[w] ?? '';
          if (!word.startsWith(term)) break;
          if (word === term) continue;
          for (const posting of postings.get(word) ?? []) credit(posting >> 1, posting & 1 ? 2 : 1);
        }
        for (const code of statesMatching(term)) for (const doc of docsOfState.get(code) ?? []) credit(doc, 1);
      });
      const hits: { doc: number; score: number }[] = [];
      for (let doc = 0; doc < n; doc++) if (matched[doc] === terms.length) hits.push({ doc, score: score[doc] ?? 0 });
      hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
      return hits.slice(0, limit).map(({ doc, score: value }) => ({ id: entries[doc]?.id ?? '', score: value }));
    },
  };
}
