/**
 * Terms of the offline mirror's search index: shared by the index builder (offline-index.ts, at
 * mirror time in Node) and the search engine (engine.ts, in the reader's browser), so a
 * query is cut into exactly the terms the index was built from.
 *
 * Chinese has no spaces between words, and the mirror may not depend on a dictionary segmenter
 * in the browser. Han text is therefore indexed as overlapping character bigrams (人才贷 →
 * 人才, 才贷) with their positions, plus single characters (for one-character queries); a query
 * of n Han characters matches where its n−1 bigrams stand one after another, i.e. the exact
 * phrase. This is the classic CJK n-gram scheme (Lucene's CJKBigramFilter, Xapian's
 * CJK n-gram mode): no dictionary, no out-of-vocabulary words, no missed new terms such as
 * 一链办理. Runs of other letters and digits (2020, 56, APP) are single terms.
 *
 * Positions count code points, so astral Han characters (extension B and later) take one.
 */

const HAN = /\p{Script=Han}/u;
const WORD = /[\p{L}\p{N}]/u;

/**
 * Folds one character for matching: full-width letters and digits to ASCII (２０２０ → 2020),
 * lower case. A fold that would change the length is not applied, so offsets into the folded
 * text are offsets into the original (excerpts are cut from the original text).
 */
export function foldChar(ch: string): string {
  const folded = ch.normalize('NFKC').toLowerCase();
  return folded.length === ch.length ? folded : ch;
}

export function foldText(text: string): string {
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

export type TermKind = 'char' | 'bigram' | 'word';

export interface TermOccurrence {
  term: string;
  kind: TermKind;
  /** Code-point offset of the term's first character in the text. */
  position: number;
}

type CharClass = 'han' | 'word' | 'other';

function classOf(ch: string): CharClass {
  if (HAN.test(ch)) return 'han';
  return WORD.test(ch) ? 'word' : 'other';
}

/** Every term of a text, in text order (for one position: char, then bigram). */
export function* textTerms(text: string): Generator<TermOccurrence> {
  const chars = Array.from(foldText(text));
  let word = '';
  let wordStart = 0;
  for (let i = 0; i <= chars.length; i += 1) {
    const ch = chars[i];
    const cls = ch === undefined ? 'other' : classOf(ch);
    if (cls === 'word') {
      if (!word) wordStart = i;
      word += ch;
      continue;
    }
    if (word) {
      yield { term: word, kind: 'word', position: wordStart };
      word = '';
    }
    if (cls === 'han') {
      yield { term: ch!, kind: 'char', position: i };
      const next = chars[i + 1];
      if (next !== undefined && classOf(next) === 'han') yield { term: ch! + next, kind: 'bigram', position: i };
    }
  }
}

/**
 * One unit of a query that must occur in a document: a run of Han characters (matched as a
 * phrase) or a word. `terms` are the index terms to look up: the bigrams of a Han run, the
 * character itself for a one-character run, the word for a word.
 */
export interface QueryPhrase {
  kind: 'han' | 'word';
  text: string;
  terms: string[];
}

/** Cuts a query into phrases: Han runs and words, punctuation and spaces dropped, no repeats. */
export function parseQueryPhrases(query: string): QueryPhrase[] {
  const phrases: QueryPhrase[] = [];
  const seen = new Set<string>();
  const add = (phrase: QueryPhrase) => {
    const key = `${phrase.kind}:${phrase.text}`;
    if (seen.has(key)) return;
    seen.add(key);
    phrases.push(phrase);
  };
  let run: string[] = [];
  let runClass: CharClass = 'other';
  const flush = () => {
    if (run.length === 0) return;
    if (runClass === 'word') add({ kind: 'word', text: run.join(''), terms: [run.join('')] });
    else {
      const terms = run.length === 1 ? [run[0]!] : run.slice(0, -1).map((ch, i) => ch + run[i + 1]);
      add({ kind: 'han', text: run.join(''), terms });
    }
    run = [];
  };
  for (const ch of foldText(query)) {
    const cls = classOf(ch);
    if (cls !== runClass) flush();
    runClass = cls;
    if (cls !== 'other') run.push(ch);
  }
  flush();
  return phrases;
}

/** 32-bit FNV-1a over UTF-16 code units: a stable, cheap spread of terms over shards. */
export function termHash(term: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < term.length; i += 1) {
    hash ^= term.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** The shard holding a term; `shardCount` is a power of two. */
export function shardOf(term: string, shardCount: number): number {
  return termHash(term) & (shardCount - 1);
}

/* ------------------------------------------------------------------------------ postings */

/**
 * Postings of one term in one document: `values` are the term's code-point positions
 * (bigrams and words), or a single weighted count (single characters, where positions would
 * double the index for the rare one-character query).
 */
export interface Posting {
  doc: number;
  values: number[];
}

/**
 * Postings as stored in a shard: compact text rather than nested JSON arrays (fewer bytes to
 * fetch: no brackets per posting, small numbers): documents separated by spaces, `doc:v1,v2,…`
 * in base 36, with document ids and positions written as gaps from the previous one.
 * `2:9l,c 3:4` is document 2 at positions 345 and 357, document 5 at position 4.
 */
export function encodePostings(postings: readonly Posting[], gaps: boolean): string {
  let previousDoc = 0;
  return postings
    .map(({ doc, values }) => {
      const docGap = doc - previousDoc;
      previousDoc = doc;
      const written = gaps ? values.map((v, i) => (i === 0 ? v : v - values[i - 1]!)) : values;
      return `${docGap.toString(36)}:${written.map((v) => v.toString(36)).join(',')}`;
    })
    .join(' ');
}

export function decodePostings(encoded: string, gaps: boolean): Posting[] {
  let doc = 0;
  return encoded.split(' ').map((entry) => {
    const colon = entry.indexOf(':');
    doc += parseInt(entry.slice(0, colon), 36);
    let previous = 0;
    const values = entry
      .slice(colon + 1)
      .split(',')
      .map((v, i) => {
        const n = parseInt(v, 36);
        previous = gaps && i > 0 ? previous + n : n;
        return previous;
      });
    return { doc, values };
  });
}

/** Single Han characters are stored with counts; every other term with positions. */
export function isCountedTerm(term: string): boolean {
  return Array.from(term).length === 1 && HAN.test(term);
}
