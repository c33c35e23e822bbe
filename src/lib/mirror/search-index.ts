/**
 * The offline mirror's search index, built at mirror time from the same built pages Pagefind
 * indexes online, read with Pagefind's own markup: `data-pagefind-body` marks an indexed page,
 * `data-pagefind-ignore` leaves a subtree out, `data-pagefind-meta`, `-filter`, `-sort` and
 * `-weight` carry metadata, filters, sort keys and weights. So the two searches see the same
 * texts, and a page template change reaches both.
 *
 * The index (terms from search-text.ts) is written as classic scripts that assign to one
 * global, because a page opened from file:// can neither fetch() nor import modules, but can
 * always load <script src>. Terms are spread over shards by hash, so a query loads only the
 * shards of its own terms; each document's text is its own file, loaded only to cut the
 * excerpt of a result on screen.
 */
import type { Element, Root, RootContent } from 'hast';
import { selectAll } from 'hast-util-select';
import { toText } from 'hast-util-to-text';
import { documentsByNumber, type NumberLookupContext } from '../number-lookup';
import { numberLookupTable, type NumberTable } from '../search-state';
import { dataScript, searchDataKey, searchDataPath } from './search-files';
import { encodePostings, isCountedTerm, shardOf, textTerms, type Posting } from './search-text';

/** What the index keeps of one indexed page. */
export interface SearchDocument {
  /** Path of the page in the mirror, e.g. `2020/07/zzbz-2020-56/index.html`. */
  url: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
  sort: Record<string, string>;
  /** The indexed text, as the page shows it (excerpts are cut from it). */
  text: string;
  /** `[start, end, weight]` code-point ranges of `data-pagefind-weight` elements. */
  weights: [number, number, number][];
}

/* ---------------------------------------------------------------------------- extraction */

const SKIPPED_ELEMENTS = new Set(['script', 'style', 'noscript', 'template']);
/** Private-use characters that bracket weighted elements while the text is extracted. */
const WEIGHT_OPEN = '\uE000';
const WEIGHT_CLOSE = '\uE001';

function attribute(element: Element, name: string): string | undefined {
  const value = element.properties[name];
  if (value === undefined || value === null || value === false) return undefined;
  return Array.isArray(value) ? value.join(' ') : String(value);
}

/** `key` (the element's text is the value) or `key:value`. */
function keyValue(spec: string, element: Element): [string, string] {
  const colon = spec.indexOf(':');
  if (colon >= 0) return [spec.slice(0, colon).trim(), spec.slice(colon + 1).trim()];
  return [spec.trim(), toText(element, { whitespace: 'normal' }).replace(/\s+/gu, ' ').trim()];
}

/** Copies the indexed body without ignored and non-text subtrees, bracketing weighted elements. */
function indexedCopy(element: Element, weights: number[]): Element {
  const children: Element['children'] = [];
  for (const child of element.children) {
    if (child.type === 'text') children.push({ type: 'text', value: child.value.replace(/[\uE000\uE001]/gu, '') });
    if (child.type !== 'element') continue;
    if (SKIPPED_ELEMENTS.has(child.tagName) || attribute(child, 'dataPagefindIgnore') !== undefined) continue;
    children.push(indexedCopy(child, weights));
  }
  const weight = attribute(element, 'dataPagefindWeight');
  if (weight !== undefined && Number.isFinite(Number(weight))) {
    weights.push(Number(weight));
    children.unshift({ type: 'text', value: WEIGHT_OPEN });
    children.push({ type: 'text', value: WEIGHT_CLOSE });
  }
  return { ...element, children };
}

/** Takes the weight brackets out of the text, turning them into code-point ranges. */
function splitWeights(marked: string, weights: number[]): Pick<SearchDocument, 'text' | 'weights'> {
  let text = '';
  let position = 0;
  let next = 0;
  const open: [number, number][] = [];
  const ranges: [number, number, number][] = [];
  for (const ch of marked) {
    if (ch === WEIGHT_OPEN) open.push([position, weights[next++] ?? 1]);
    else if (ch === WEIGHT_CLOSE) {
      const [start, weight] = open.pop() ?? [position, 1];
      if (position > start) ranges.push([start, position, weight]);
    } else {
      text += ch;
      position += 1;
    }
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  return { text, weights: ranges };
}

/**
 * The search document of a built page, or null when the page is not indexed (no
 * `data-pagefind-body`). Metadata, filters and sort keys are read from the whole page, as
 * Pagefind does, so hidden `data-pagefind-ignore` holders still count.
 */
export function extractSearchDocument(tree: Root, url: string): SearchDocument | null {
  const bodies = selectAll('[data-pagefind-body]', tree);
  if (bodies.length === 0) return null;

  const meta: Record<string, string> = {};
  for (const element of selectAll('[data-pagefind-meta]', tree)) {
    const [key, value] = keyValue(attribute(element, 'dataPagefindMeta')!, element);
    if (key && value && !(key in meta)) meta[key] = value;
  }
  const filterSets = new Map<string, Set<string>>();
  for (const element of selectAll('[data-pagefind-filter]', tree)) {
    const [key, value] = keyValue(attribute(element, 'dataPagefindFilter')!, element);
    if (!key || !value) continue;
    if (!filterSets.has(key)) filterSets.set(key, new Set());
    filterSets.get(key)!.add(value);
  }
  const sort: Record<string, string> = {};
  for (const element of selectAll('[data-pagefind-sort]', tree)) {
    const [key, value] = keyValue(attribute(element, 'dataPagefindSort')!, element);
    if (key && value && !(key in sort)) sort[key] = value;
  }

  const weights: number[] = [];
  const root: Root = { type: 'root', children: bodies.map((body) => indexedCopy(body, weights)) as RootContent[] };
  const marked = toText(root).replace(/[ \t]*\n[ \t\n]*/gu, '\n').trim();
  return {
    url,
    meta: sortedRecord(meta),
    filters: sortedRecord(Object.fromEntries([...filterSets].map(([key, values]) => [key, [...values].sort(compare)]))),
    sort: sortedRecord(sort),
    ...splitWeights(marked, weights),
  };
}

/* ------------------------------------------------------------------------------ the index */

/** Term → its postings, encoded by search-text.ts's encodePostings. */
export type Shard = Record<string, string>;

/** A document as the manifest lists it: its text is in a file of its own. */
export interface ManifestDocument extends Omit<SearchDocument, 'text'> {
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

function sortedRecord<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => compare(a, b)));
}

function weightAt(position: number, weights: readonly [number, number, number][]): number {
  for (const [start, end, weight] of weights) if (position >= start && position < end) return weight;
  return 1;
}

export function buildSearchIndex(documents: readonly SearchDocument[], options: SearchIndexOptions = {}): SearchIndex {
  const docs = [...documents].sort((a, b) => compare(a.url, b.url));
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
