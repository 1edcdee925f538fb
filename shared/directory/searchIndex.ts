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
/** The folded words of every State's six names, built once (with the first indexing, not the first keystroke). */
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

/**
 * An index that follows the directory as it changes (issue 14): a sync that applies a page updates
 * it in place instead of rebuilding it from 10,000 entries. Changes are queued and indexed on the
 * next search, or ahead of it in small slices (`indexPending`) so that neither a load nor a sync
 * page holds the main thread for the whole directory.
 */
export interface LiveDirectorySearchIndex extends DirectorySearchIndex {
  /** Adds the entry, or replaces the one with the same id. */
  put(entry: PointOfContact): void;
  remove(id: string): void;
  /** Changes queued and not yet indexed. */
  readonly pending: number;
  /** Indexes queued changes until `deadline` (performance.now() time) passes; true when none remain. */
  indexPending(deadline?: number): boolean;
}

/** Postings of removed entries are dropped once they outnumber the live ones by this much. */
const COMPACT_SLACK = 1024;

class InvertedIndex implements LiveDirectorySearchIndex {
  readonly #postings = new Map<string, Postings>();
  readonly #docsOfState = new Map<string, number[]>();
  /** Doc number → entry id, null once removed. */
  #ids: (string | null)[] = [];
  readonly #docOf = new Map<string, number>();
  /** Sorted words for prefix search; null when a new word came in since the last sort. */
  #words: string[] | null = null;
  /** Queued changes in order: the entry to index, or null to remove. */
  readonly #queue = new Map<string, PointOfContact | null>();
  readonly #tokens: string[] = [];

  get size(): number {
    this.indexPending();
    return this.#docOf.size;
  }

  get pending(): number {
    return this.#queue.size;
  }

  put(entry: PointOfContact): void {
    this.#queue.delete(entry.id);
    this.#queue.set(entry.id, entry);
  }

  remove(id: string): void {
    this.#queue.delete(id);
    this.#queue.set(id, null);
  }

  indexPending(deadline = Infinity): boolean {
    // With the first slice of indexing: not at load (~40 ms of a fresh page), nor at the first keystroke.
    stateWords();
    let n = 0;
    for (const [id, entry] of this.#queue) {
      this.#queue.delete(id);
      this.#unindex(id);
      if (entry) this.#index(entry);
      // performance.now() is not free: look at the clock every 64 entries.
      if ((++n & 63) === 0 && performance.now() > deadline) break;
    }
    if (this.#ids.length > 2 * this.#docOf.size + COMPACT_SLACK) this.#compact();
    return this.#queue.size === 0;
  }

  /** Adds a posting unless the entry already has this word (its own text is added before contacts, so it wins). */
  #post(token: string, doc: number, posting: number): void {
    const list = this.#postings.get(token);
    if (!list) {
      this.#postings.set(token, [posting]);
      this.#words = null;
    } else if ((list[list.length - 1] ?? -2) >> 1 !== doc) list.push(posting);
  }

  #index(entry: PointOfContact): void {
    const doc = this.#ids.length;
    this.#ids.push(entry.id);
    this.#docOf.set(entry.id, doc);
    const tokens = this.#tokens;
    tokens.length = 0;
    appendSearchTokens(ownText(entry), tokens);
    for (const token of tokens) this.#post(token, doc, doc * 2 + 1);
    tokens.length = 0;
    // Each contact value on its own: digit groups are joined for phones, so values joined by spaces
    // would glue a fingerprint that starts with a digit onto the last phone number.
    for (const value of entry.emails) appendSearchTokens(value, tokens);
    for (const value of entry.phones) appendPhoneTokens(value, tokens);
    if (entry.openpgp) appendSearchTokens(entry.openpgp.fingerprint, tokens);
    for (const token of tokens) this.#post(token, doc, doc * 2);
    tokens.length = 0;
    const stateDocs = this.#docsOfState.get(entry.state);
    if (stateDocs) stateDocs.push(doc);
    else this.#docsOfState.set(entry.state, [doc]);
  }

  /** Marks the entry's doc removed; its postings stay until the next compaction (search skips them). */
  #unindex(id: string): void {
    const doc = this.#docOf.get(id);
    if (doc === undefined) return;
    this.#docOf.delete(id);
    this.#ids[doc] = null;
  }

  /** Renumbers the live docs in order (so postings stay sorted) and drops the removed ones. */
  #compact(): void {
    const renumber = new Int32Array(this.#ids.length).fill(-1);
    const ids: string[] = [];
    this.#ids.forEach((id, doc) => {
      if (id === null) return;
      renumber[doc] = ids.length;
      this.#docOf.set(id, ids.length);
      ids.push(id);
    });
    this.#ids = ids;
    for (const [token, list] of this.#postings) {
      const kept: Postings = [];
      for (const posting of list) {
        const doc = renumber[posting >> 1] ?? -1;
        if (doc >= 0) kept.push(doc * 2 + (posting & 1));
      }
      if (kept.length) this.#postings.set(token, kept);
      else {
        this.#postings.delete(token);
        this.#words = null;
      }
    }
    for (const [code, docs] of this.#docsOfState) {
      const kept = docs.flatMap((doc) => {
        const renumbered = renumber[doc] ?? -1;
        return renumbered >= 0 ? [renumbered] : [];
      });
      if (kept.length) this.#docsOfState.set(code, kept);
      else this.#docsOfState.delete(code);
    }
  }

  search(query: string, limit = 200): DirectorySearchHit[] {
    this.indexPending();
    const terms = searchTokens(query, true);
    const ids = this.#ids;
    const n = ids.length;
    if (terms.length === 0 || this.#docOf.size === 0) return [];
    const words = (this.#words ??= [...this.#postings.keys()].sort());
    const postings = this.#postings;
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
      const runs = phoneQueryRuns(term).flatMap((run) =>
        run === term ? [PHONE_RUN_MARK + run] : [run, PHONE_RUN_MARK + run],
      );
      for (const alternative of [term, ...runs]) {
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
      for (const code of statesMatching(term))
        for (const doc of this.#docsOfState.get(code) ?? []) credit(doc, 1);
    });
    const hits: { doc: number; score: number }[] = [];
    for (let doc = 0; doc < n; doc++) {
      if (matched[doc] === terms.length && ids[doc] !== null) hits.push({ doc, score: score[doc] ?? 0 });
    }
    hits.sort((a, b) => b.score - a.score || a.doc - b.doc);
    return hits.slice(0, limit).map(({ doc, score: value }) => ({ id: ids[doc] ?? '', score: value }));
  }
}

/** An empty index that follows changes (put/remove), indexed lazily. */
export function createLiveDirectorySearchIndex(): LiveDirectorySearchIndex {
  return new InvertedIndex();
}

export function createDirectorySearchIndexBuilder(): DirectorySearchIndexBuilder {
  const index = new InvertedIndex();
  let finished = false;
  return {
    add(entry) {
      if (finished) throw new Error('the search index is already built');
      index.put(entry);
      index.indexPending();
    },
    finish() {
      finished = true;
      return index;
    },
  };
}

export function buildDirectorySearchIndex(entries: readonly PointOfContact[]): DirectorySearchIndex {
  const builder = createDirectorySearchIndexBuilder();
  for (const entry of entries) builder.add(entry);
  return builder.finish();
}
