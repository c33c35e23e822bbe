/**
 * Query evaluation for the offline mirror's search: pure, over the manifest and the shards a
 * query needs (offline-index.ts). The offline search page's client runs it in the browser; the
 * tests run it in Node against the same index.
 *
 * Every phrase of the query must occur (as Pagefind requires every word); Han phrases match
 * as exact phrases through their chained bigrams. Ranking is BM25 over phrase counts, where
 * an occurrence inside a weighted range (the document's title, with the weight its page gives
 * it in `data-pagefind-weight`: src/search/records.ts) counts that many times: the same signals
 * Pagefind ranks by online. Then exact matches come first, as online (src/search/rank.ts): the
 * title as typed or cited, a title containing the query, the query as one exact phrase. A
 * document whose title as cited (发文机关 + 标题) holds the query is found even where its text
 * does not print the issuer and the title together.
 */
import { matchForm, matchTier, rerank } from '../rank';
import type { ManifestDocument, SearchManifest, Shard } from './offline-index';
import { decodePostings, foldText, isCountedTerm, parseQueryPhrases, shardOf, type QueryPhrase } from './terms';

/** BM25's usual constants (Pagefind's defaults too). */
const K1 = 1.2;
const B = 0.75;

export type FilterSelection = Record<string, readonly string[]>;

export interface EngineQuery {
  /** Full-text query; empty for browsing by filters only. */
  text: string;
  /** Values of one key are alternatives, keys combine with AND. */
  filters: FilterSelection;
  sort: 'relevance' | 'date';
}

export interface Match {
  id: number;
  score: number;
}

export interface EngineResult {
  /** Matching documents in display order. */
  matches: Match[];
  /** For each filter key and value: documents matching the text query (filters not applied). */
  counts: Record<string, Record<string, number>>;
  phrases: QueryPhrase[];
  /** The text asked for something, but nothing searchable (only punctuation or spaces): no matches. */
  unsearchable: boolean;
}

/**
 * The shards holding the terms of a query, ascending: those of its phrases, and of the whole
 * query as one phrase (法律援助 条例 → 法律援助条例), which ranks exact matches first.
 */
export function shardsForQuery(text: string, shardCount: number): number[] {
  const shards = new Set<number>();
  for (const phrase of [...parseQueryPhrases(text), ...parseQueryPhrases(matchForm(text))])
    for (const term of phrase.terms) shards.add(shardOf(term, shardCount));
  return [...shards].sort((a, b) => a - b);
}

function weightAt(position: number, weights: readonly [number, number, number][]): number {
  for (const [start, end, weight] of weights) if (position >= start && position < end) return weight;
  return 1;
}

/** Weighted occurrence count of a phrase in each document that has it. */
function phraseCounts(
  phrase: QueryPhrase,
  manifest: SearchManifest,
  shards: ReadonlyMap<number, Shard>,
): Map<number, number> {
  const counts = new Map<number, number>();
  const postingsOf = (term: string) => {
    const encoded = shards.get(shardOf(term, manifest.shardCount))?.[term];
    return encoded === undefined ? [] : decodePostings(encoded, !isCountedTerm(term));
  };
  const [first, ...rest] = phrase.terms;
  if (first === undefined) return counts;
  if (isCountedTerm(first)) {
    for (const { doc, values } of postingsOf(first)) counts.set(doc, values[0]!);
    return counts;
  }
  // Positions of the following terms by document: term i must stand at position p + i.
  const following = rest.map((term) => new Map(postingsOf(term).map(({ doc, values }) => [doc, new Set(values)])));
  for (const { doc, values } of postingsOf(first)) {
    const sets = following.map((byDoc) => byDoc.get(doc));
    if (sets.some((set) => set === undefined)) continue;
    const weights = manifest.documents[doc]!.weights;
    let count = 0;
    for (const p of values) if (sets.every((set, i) => set!.has(p + i + 1))) count += weightAt(p, weights);
    if (count > 0) counts.set(doc, count);
  }
  return counts;
}

function passesFilters(filters: Record<string, string[]>, selection: FilterSelection): boolean {
  return Object.entries(selection).every(
    ([key, wanted]) => wanted.length === 0 || wanted.some((value) => filters[key]?.includes(value)),
  );
}

/** What rank.ts compares the query with: the title, and the issuers it is cited with. */
function rankFields(doc: ManifestDocument, text: boolean) {
  return { title: doc.meta.title ?? '', issuers: doc.meta.issuer ? [doc.meta.issuer] : [], text };
}

/**
 * The documents holding the whole query as one exact phrase, when the query has several phrases
 * that join into one (法律援助 条例); null when every match holds it (one phrase) or when it
 * cannot be told (letters beside Han characters: 2020年 is two terms, with no positions between).
 */
function exactPhraseDocuments(
  form: string,
  phrases: readonly QueryPhrase[],
  manifest: SearchManifest,
  shards: ReadonlyMap<number, Shard>,
): Set<number> | null {
  const whole = parseQueryPhrases(form);
  if (phrases.length < 2 || whole.length !== 1) return null;
  return new Set(phraseCounts(whole[0]!, manifest, shards).keys());
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function dateOf(manifest: SearchManifest, id: number): string {
  const doc = manifest.documents[id]!;
  return doc.sort.date ?? doc.meta.date ?? '';
}

/**
 * Runs a query. `shards` must hold every shard `shardsForQuery` names (a missing one counts as
 * empty). An empty text lists every document that passes the filters, newest first; a text of
 * only punctuation and spaces finds nothing (it is not a request for everything).
 */
export function searchIndex(
  manifest: SearchManifest,
  shards: ReadonlyMap<number, Shard>,
  query: EngineQuery,
): EngineResult {
  const phrases = parseQueryPhrases(query.text);
  const unsearchable = phrases.length === 0 && query.text.trim() !== '';
  const all = manifest.documents.length;
  let scores: Map<number, number>;
  if (unsearchable) {
    scores = new Map();
  } else if (phrases.length === 0) {
    scores = new Map(manifest.documents.map((_, id) => [id, 0]));
  } else {
    scores = new Map();
    phrases.forEach((phrase, i) => {
      const counts = phraseCounts(phrase, manifest, shards);
      const idf = Math.log(1 + (all - counts.size + 0.5) / (counts.size + 0.5));
      const next = new Map<number, number>();
      for (const [id, tf] of counts) {
        if (i > 0 && !scores.has(id)) continue;
        const norm = 1 - B + (B * manifest.documents[id]!.length) / Math.max(1, manifest.averageLength);
        next.set(id, (scores.get(id) ?? 0) + (idf * tf * (K1 + 1)) / (tf + K1 * norm));
      }
      scores = next;
    });
    // A title as cited holding the query: the issuer and the title stand apart in the text.
    const form = matchForm(query.text);
    manifest.documents.forEach((doc, id) => {
      if (!scores.has(id) && matchTier(form, rankFields(doc, false)) <= 1) scores.set(id, 0);
    });
  }

  const counts: Record<string, Record<string, number>> = {};
  for (const id of scores.keys()) {
    for (const [key, values] of Object.entries(manifest.documents[id]!.filters)) {
      counts[key] ??= {};
      for (const value of values) counts[key][value] = (counts[key][value] ?? 0) + 1;
    }
  }

  const byDate = query.sort === 'date' || phrases.length === 0;
  const ordered = [...scores]
    .filter(([id]) => passesFilters(manifest.documents[id]!.filters, query.filters))
    .map(([id, score]) => ({ id, score }))
    .sort((a, b) => {
      const date = compare(dateOf(manifest, b.id), dateOf(manifest, a.id));
      const url = compare(manifest.documents[a.id]!.url, manifest.documents[b.id]!.url);
      return byDate ? date || b.score - a.score || url : b.score - a.score || date || url;
    });
  const exact = byDate ? null : exactPhraseDocuments(matchForm(query.text), phrases, manifest, shards);
  const matches = byDate
    ? ordered
    : rerank(query.text, ordered, ({ id }) =>
        rankFields(manifest.documents[id]!, exact?.has(id) ?? scores.get(id)! > 0),
      );
  return { matches, counts, phrases, unsearchable };
}

/** Every value of every filter key over the whole index, with its document count. */
export function allFilterCounts(manifest: SearchManifest): Record<string, Record<string, number>> {
  return searchIndex(manifest, new Map(), { text: '', filters: {}, sort: 'date' }).counts;
}

/* ------------------------------------------------------------------------------- excerpts */

export interface ExcerptPart {
  text: string;
  mark: boolean;
}

/**
 * A passage of `length` characters around the densest cluster of the query's phrases, the
 * phrases marked. Line breaks become spaces; an ellipsis shows where the text was cut.
 */
export function excerpt(text: string, phrases: readonly QueryPhrase[], length = 80): ExcerptPart[] {
  const folded = foldText(text);
  const hits: [number, number][] = [];
  for (const phrase of phrases) {
    for (let at = folded.indexOf(phrase.text); at >= 0; at = folded.indexOf(phrase.text, at + 1)) {
      hits.push([at, at + phrase.text.length]);
    }
  }
  hits.sort((a, b) => a[0] - b[0] || b[1] - a[1]);

  let start = 0;
  if (hits.length > 0) {
    let best = -1;
    for (const [at] of hits) {
      const inside = hits.filter(([s, e]) => s >= at && e <= at + length).length;
      if (inside > best) {
        best = inside;
        start = at;
      }
    }
    start = Math.max(0, start - Math.floor(length / 4));
  }
  const end = Math.min(text.length, start + length);

  const parts: ExcerptPart[] = [];
  const push = (from: number, to: number, mark: boolean) => {
    if (to > from) parts.push({ text: text.slice(from, to).replace(/\s+/gu, ' '), mark });
  };
  let cursor = start;
  for (const [s, e] of hits) {
    if (s < cursor || e > end) continue;
    push(cursor, s, false);
    push(s, e, true);
    cursor = e;
  }
  push(cursor, end, false);
  if (start > 0) parts.unshift({ text: '…', mark: false });
  if (end < text.length) parts.push({ text: '…', mark: false });
  return parts;
}
