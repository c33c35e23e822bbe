/**
 * The offline mirror's search index, built at mirror time from the same search records the
 * Pagefind integration plans its shards with (src/search/records.ts: the open data of the
 * build), so the two searches see the same texts, filters, dates and title weight.
 *
 * The index (terms from search-text.ts) is written as classic scripts that assign to one
 * global, because a page opened from file:// can neither fetch() nor import modules, but can
 * always load <script src>. Terms are spread over shards by hash, so a query loads only the
 * shards of its own terms; each document's text is its own file, loaded only to cut the
 * excerpt of a result on screen.
 */
import { documentsByNumber, type NumberLookupContext } from '../../domain/number-lookup';
import { numberLookupTable, type NumberTable } from '../state';
import { recordPageFile, type SearchRecord } from '../records';
import { dataScript, searchDataKey, searchDataPath } from './files';
import { encodePostings, isCountedTerm, shardOf, textTerms, type Posting } from './terms';

/* ------------------------------------------------------------------------------ the index */

/** Term → its postings, encoded by search-text.ts's encodePostings. */
export type Shard = Record<string, string>;

/** A document as the manifest lists it: its text is in a file of its own. */
export interface ManifestDocument extends Pick<SearchRecord, 'meta' | 'filters' | 'weights'> {
  /** Path of the page in the mirror, e.g. `2020/07/zzbz-2020-56/index.html`. */
  url: string;
  sort: Record<string, string>;
  /** Length of the text in code points (BM25's document length). */
  length: number;
}

export interface SearchManifest {
  version: 1;
  shardCount: number;
  averageLength: number;
  documents: ManifestDocument[];
  /** Document-number lookup (search-state.ts), URLs relative to the mirror's root. */
  numbers: NumberTable;
  /**
   * The gazette the numbers are keyed for (number-lookup.ts): the client keys a query with it,
   * so that 市政府令第103号 finds 淄博市人民政府令第103号 offline as it does online.
   */
  numberContext: NumberLookupContext;
}

export interface SearchIndex {
  manifest: SearchManifest;
  shards: Shard[];
  /** Text of each document, by document id. */
  texts: string[];
}

export interface SearchIndexOptions {
  /** Aimed-for size of one shard file; the shard count is the power of two that gets closest. */
  targetShardBytes?: number;
  /** The archive's gazette, for the number table's keys (lookupContext of its name). */
  numberContext?: NumberLookupContext;
}

export const DEFAULT_TARGET_SHARD_BYTES = 24 * 1024;
const MAX_SHARDS = 4096;
const utf8 = new TextEncoder();

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function weightAt(position: number, weights: readonly [number, number, number][]): number {
  for (const [start, end, weight] of weights) if (position >= start && position < end) return weight;
  return 1;
}

export function buildSearchIndex(records: readonly SearchRecord[], options: SearchIndexOptions = {}): SearchIndex {
  const docs = records
    .map((record) => ({ ...record, url: recordPageFile(record) }))
    .sort((a, b) => compare(a.url, b.url));
  const numberContext = options.numberContext ?? {};
  const postings = new Map<string, Posting[]>();

  docs.forEach((doc, id) => {
    const values = new Map<string, number[]>();
    for (const { term, kind, position } of textTerms(doc.text)) {
      if (!values.has(term)) values.set(term, kind === 'char' ? [0] : []);
      const list = values.get(term)!;
      if (kind === 'char') list[0]! += weightAt(position, doc.weights);
      else list.push(position);
    }
    for (const [term, list] of values) {
      if (!postings.has(term)) postings.set(term, []);
      const counted = isCountedTerm(term);
      postings.get(term)!.push({ doc: id, values: counted ? [Math.max(1, Math.round(list[0]!))] : list });
    }
  });

  const encoded = new Map([...postings].map(([term, list]) => [term, encodePostings(list, !isCountedTerm(term))]));
  // What a term costs in its shard file: quoted key (3 bytes a Han character), colon, value, comma.
  const total = [...encoded].reduce((sum, [term, value]) => sum + utf8.encode(term).length + value.length + 6, 0);
  const target = options.targetShardBytes ?? DEFAULT_TARGET_SHARD_BYTES;
  let shardCount = 1;
  while (shardCount < MAX_SHARDS && total / shardCount > target * 1.5) shardCount *= 2;

  const shards: Shard[] = Array.from({ length: shardCount }, () => ({}));
  for (const term of [...encoded.keys()].sort(compare)) shards[shardOf(term, shardCount)]![term] = encoded.get(term)!;

  const numbers = numberLookupTable(
    documentsByNumber(
      docs.map((doc) => ({
        url: doc.url,
        title: doc.meta.title ?? '',
        number: doc.meta.number,
        date: doc.meta.date ?? doc.sort.date ?? '',
        issuers: doc.filters.issuer ?? (doc.meta.issuer ? [doc.meta.issuer] : []),
      })),
      numberContext,
    ),
    '/',
  );
  for (const entry of Object.values(numbers)) entry.url = entry.url.replace(/^\//u, '');

  const lengths = docs.map((doc) => Array.from(doc.text).length);
  return {
    manifest: {
      version: 1,
      shardCount,
      averageLength: docs.length ? Math.round(lengths.reduce((a, b) => a + b, 0) / docs.length) : 0,
      documents: docs.map((doc, id) => ({
        url: doc.url,
        meta: doc.meta,
        filters: doc.filters,
        sort: doc.sort,
        length: lengths[id]!,
        weights: doc.weights,
      })),
      numbers,
      numberContext,
    },
    shards,
    texts: docs.map((doc) => doc.text),
  };
}

/* -------------------------------------------------------------------------- serialisation */

/** The index as files: path below the search folder → content. In path order. */
export function searchIndexFiles(index: SearchIndex): Map<string, string> {
  const files = new Map<string, string>();
  files.set(searchDataPath.manifest, dataScript(searchDataKey.manifest, index.manifest));
  index.shards.forEach((shard, n) => files.set(searchDataPath.shard(n), dataScript(searchDataKey.shard(n), shard)));
  index.texts.forEach((text, id) => files.set(searchDataPath.text(id), dataScript(searchDataKey.text(id), text)));
  return new Map([...files].sort(([a], [b]) => compare(a, b)));
}
