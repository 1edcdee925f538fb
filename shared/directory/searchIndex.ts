import type { EntryText, PointOfContact } from './model';
import { phoneQueryRuns } from './phone';
import { appendPhoneTokens, appendSearchTokens, PHONE_RUN_MARK, searchTokens } from './searchText';
import { stateSearchText } from './stateNames';
import { DIRECTORY_STATES } from './states';

/**
 * The in-memory type-ahead index over decrypted entries (ARCHITECTURE.md: search runs in memory; the
 * directory is thousands of entries, not millions).
 *
 * Our own inverted index rather than MiniSearch: measured on 10,000 demo entries, MiniSearch took
 * ~330 ms to index (780 ms with State names per entry) and 40 ms for a one-letter query, while this
 * one needs ~100–130 ms to build in Chromium and well under a millisecond per keystroke
 * (tests/bench/directory.bench.ts).
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

/**
 * The entry's own text and its translation as one string: the fields that are set, joined by
 * spaces, then a space, then the same for the translation (exactly the string the index always
 * tokenised, so that digit groups and words come out the same).
 */
function ownText(entry: PointOfContact): string {
  return `${textOf(entry.text)} ${textOf(entry.english)}`;
}

function textOf(text: EntryText | undefined): string {
  if (!text) return '';
  let joined = '';
  for (const field of [text.entity, text.personName, text.personTitle, text.officeHours, text.notes]) {
    if (field) joined = joined ? `${joined} ${field}` : field;
  }
  return joined;
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

/**
 * Builds the index one entry at a time, in the order the entries will have in the directory, so
 * that a loader can index each entry as it hands it over (no intermediate array needed).
 * Do not add after finish() (it throws).
 * `finish()` gives the same index buildDirectorySearchIndex gives for the same entries in the same order.
 */
export interface DirectorySearchIndexBuilder {
  add(entry: PointOfContact): void;
  finish(): DirectorySearchIndex;
}

export function createDirectorySearchIndexBuilder(): DirectorySearchIndexBuilder {
  stateWords();
  const postings = new Map<string, Postings>();
  const docsOfState = new Map<string, number[]>();
  const ids: string[] = [];
  const tokens: string[] = [];
  /** Adds a posting unless the entry already has this word (its own text is added before contacts, so it wins). */
  const add = (token: string, doc: number, posting: number) => {
    const list = postings.get(token);
    if (!list) postings.set(token, [posting]);
    else if ((list[list.length - 1] ?? -2) >> 1 !== doc) list.push(posting);
  };
  let finished = false;
  return {
    add(entry) {
      if (finished) throw new Error('the search index is already built');
      const doc = ids.length;
      ids.push(entry.id);
      tokens.length = 0;
      appendSearchTokens(ownText(entry), tokens);
      for (const token of tokens) add(token, doc, doc * 2 + 1);
      tokens.length = 0;
      // Each contact value on its own: digit groups are joined for phones, so values joined by spaces
      // would glue a fingerprint that starts with a digit onto the last phone number.
      for (const value of entry.emails) appendSearchTokens(value, tokens);
      for (const value of entry.phones) appendPhoneTokens(value, tokens);
      if (entry.openpgp) appendSearchTokens(entry.openpgp.fingerprint, tokens);
      for (const token of tokens) add(token, doc, doc * 2);
      tokens.length = 0;
      const stateDocs = docsOfState.get(entry.state);
      if (stateDocs) stateDocs.push(doc);
      else docsOfState.set(entry.state, [doc]);
    },
    finish() {
      finished = true;
      return searchableIndex(postings, docsOfState, ids);
    },
  };
}

export function buildDirectorySearchIndex(entries: readonly PointOfContact[]): DirectorySearchIndex {
  const builder = createDirectorySearchIndexBuilder();
  for (const entry of entries) builder.add(entry);
  return builder.finish();
}

function searchableIndex(
  postings: ReadonlyMap<string, Postings>,
  docsOfState: ReadonlyMap<string, number[]>,
  ids: readonly string[],
): DirectorySearchIndex {
  const words = [...postings.keys()].sort();
  const n = ids.length;

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
        // A run of ≥ 4 digits also looks inside telephone numbers (searchText.ts appendPhoneTokens).
        for (const alternative of [term, ...phoneQueryRuns(term).flatMap((run) => (run === term ? [PHONE_RUN_MARK + run] : [run, PHONE_RUN_MARK + run]))]) {
          // Exact word first so that it earns the higher weight before any prefix match credits the doc.
          const exact = postings.get(alternative);
          if (exact) for (const posting of exact) credit(posting >> 1, posting & 1 ? 4 : 2);
          for (let w = lowerBound(words, alternative); w < words.length; w++) {
            const word = words[w] ?? '';
            if (!word.startsWith(alternative)) break;
            if (word === alternative) continue;
            for (const posting of postings.get(word) ?? []) credit(posting >> 1, posting & 1 ? 2 : 1);
          }
        }
        for (const code of statesMatching(term)) for (const doc of docsOfState.get(code) ?? []) credit(doc, 1);
      });
      const hits: { doc: number; score: number }[] = [];
      for (let doc = 0; doc < n; doc++) if (matched[doc] === terms.length) hits.push({ doc, score: score[doc] ?? 0 });
      hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
      return hits.slice(0, limit).map(({ doc, score: value }) => ({ id: ids[doc] ?? '', score: value }));
    },
  };
}
