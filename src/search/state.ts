/**
 * The search page's state as it lives in the URL (`search/?q=人才贷&type=意见&sort=date`), and
 * the decision whether a query is a document-number lookup.
 *
 * Pure: no DOM, no Astro. The search page's client script and the tests share it.
 */
import { findDocNumbers, parseDocNumber, type DocNumber } from '../domain/doc-number';
import { numberLookupKey, prefixLookupKey, type NumberLookupContext } from '../domain/number-lookup';

export const FILTER_KEYS = ['year', 'issuer', 'type', 'section', 'status'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type SortOrder = 'relevance' | 'date';
export type SearchFilters = Record<FilterKey, string[]>;

export interface SearchState {
  q: string;
  filters: SearchFilters;
  sort: SortOrder;
}

export const DEFAULT_SORT: SortOrder = 'relevance';

/** Longest query kept from a URL; anything longer is cut (Pagefind gains nothing from it). */
export const MAX_QUERY_LENGTH = 200;

export function emptyFilters(): SearchFilters {
  return { year: [], issuer: [], type: [], section: [], status: [] };
}

export function emptySearchState(): SearchState {
  return { q: '', filters: emptyFilters(), sort: DEFAULT_SORT };
}

/** Collapses whitespace (including ideographic spaces) and trims. */
export function normalizeQuery(q: string): string {
  return q
    .replace(/[\s\u3000]+/gu, ' ')
    .trim()
    .slice(0, MAX_QUERY_LENGTH);
}

/** Trimmed, non-empty, de-duplicated values in code-point order, so equal states serialise equally. */
function normalizeValues(values: Iterable<string>): string[] {
  const set = new Set<string>();
  for (const value of values) {
    const v = value.trim();
    if (v) set.add(v);
  }
  return [...set].sort(compareCodePoints);
}

export function normalizeSearchState(state: {
  q?: string;
  filters?: Partial<Record<FilterKey, Iterable<string>>>;
  sort?: string;
}): SearchState {
  const filters = emptyFilters();
  for (const key of FILTER_KEYS) filters[key] = normalizeValues(state.filters?.[key] ?? []);
  return {
    q: normalizeQuery(state.q ?? ''),
    filters,
    sort: state.sort === 'date' ? 'date' : DEFAULT_SORT,
  };
}

/** Reads the state from a query string (`?q=…`), `URLSearchParams` or `URL`. Unknown keys are ignored. */
export function parseSearchState(input: URLSearchParams | URL | string): SearchState {
  const params =
    input instanceof URLSearchParams ? input : input instanceof URL ? input.searchParams : new URLSearchParams(input);
  const filters: Partial<Record<FilterKey, string[]>> = {};
  for (const key of FILTER_KEYS) filters[key] = params.getAll(key);
  return normalizeSearchState({
    q: params.get('q') ?? '',
    filters,
    sort: params.get('sort') ?? undefined,
  });
}

/**
 * Writes the state in a stable order (q, year, issuer, type, section, status, sort), dropping empty
 * values and the default sort, so one state has exactly one URL.
 */
export function serializeSearchState(state: SearchState): URLSearchParams {
  const s = normalizeSearchState(state);
  const params = new URLSearchParams();
  if (s.q) params.set('q', s.q);
  for (const key of FILTER_KEYS) for (const value of s.filters[key]) params.append(key, value);
  if (s.sort !== DEFAULT_SORT) params.set('sort', s.sort);
  return params;
}

/** `?q=…` or '' when the state is empty, ready to append to the search page's path. */
export function searchStateToQueryString(state: SearchState): string {
  const query = serializeSearchState(state).toString();
  return query ? `?${query}` : '';
}

export function hasFilters(state: SearchState): boolean {
  return FILTER_KEYS.some((key) => state.filters[key].length > 0);
}

/** True when there is nothing to search for: no query and no filter. */
export function isEmptySearch(state: SearchState): boolean {
  return !state.q && !hasFilters(state);
}

export function sameSearchState(a: SearchState, b: SearchState): boolean {
  return serializeSearchState(a).toString() === serializeSearchState(b).toString();
}

/**
 * Pagefind's filter object: values of one key are alternatives (any), keys combine with AND.
 * Keys without values are left out; returns undefined when nothing is filtered.
 */
export function toPagefindFilters(filters: SearchFilters): Record<string, { any: string[] }> | undefined {
  const out: Record<string, { any: string[] }> = {};
  for (const key of FILTER_KEYS) if (filters[key].length > 0) out[key] = { any: [...filters[key]] };
  return Object.keys(out).length > 0 ? out : undefined;
}

/**
 * Pagefind's sort object. An empty query has no relevance, so it is listed newest first too.
 */
export function toPagefindSort(state: SearchState): Record<string, 'asc' | 'desc'> | undefined {
  return state.sort === 'date' || !state.q ? { date: 'desc' } : undefined;
}

/* ------------------------------------------------------------------------------------------ */
/* Document-number lookup                                                                      */
/* ------------------------------------------------------------------------------------------ */

/** One row of the number lookup (`search/numbers/<bucket>.json`). `url` already carries the site's base. */
export interface NumberEntry {
  url: string;
  title: string;
  number: string;
  date: string;
  issuers: string[];
}

export type NumberTable = Record<string, NumberEntry>;

export type NumberQuery =
  /** The query is, or contains, a complete number; `canonical` is its 〔〕 spelling. */
  | { kind: 'exact'; canonical: string; number: DocNumber; whole: boolean }
  /** 代字 and sequence without the year (淄政办字56号): a hit only if one number fits. */
  | { kind: 'partial'; prefix: string; seq: number };

const CJK = '\\u3400-\\u9fff';
const SPACE = '[ \\t\\u00a0\\u3000]*';
const PARTIAL_NUMBER = new RegExp(`^([${CJK}]{2,12}?)${SPACE}第?${SPACE}(\\d{1,5})${SPACE}号?$`, 'u');
const YEAR_WITHOUT_BRACKETS = new RegExp(
  `^([${CJK}]{2,8}?)${SPACE}((?:19|20)\\d{2})${SPACE}年?${SPACE}第?${SPACE}(\\d{1,5})${SPACE}号$`,
  'u',
);

/**
 * Decides whether a query asks for a document by its number.
 *
 * - The whole query is a number in any common spelling (淄政办字[2020]56号, 淄政办字（2020）56号,
 *   淄政办字 〔2020〕 56 号, 市政府令第102号), also without the final 号 or with the year written
 *   without brackets (淄政办字2020年56号): `exact`, `whole: true`.
 * - The query contains a complete number among other words: `exact`, `whole: false`.
 * - 代字 + sequence without year (淄政办字56号, 市政府令102号): `partial`.
 * - Anything else: null.
 */
export function classifyNumberQuery(query: string): NumberQuery | null {
  const q = normalizeQuery(query);
  if (!q || !/\d/u.test(q)) return null;

  const whole = parseDocNumber(q) ?? (/\d$/u.test(q) ? parseDocNumber(`${q}号`) : null);
  if (whole) return { kind: 'exact', canonical: whole.canonical, number: whole, whole: true };

  const unbracketed = q.match(YEAR_WITHOUT_BRACKETS);
  if (unbracketed) {
    const parsed = parseDocNumber(`${unbracketed[1]}〔${unbracketed[2]}〕${unbracketed[3]}号`);
    if (parsed) return { kind: 'exact', canonical: parsed.canonical, number: parsed, whole: true };
  }

  const partial = q.match(PARTIAL_NUMBER);
  if (partial) return { kind: 'partial', prefix: partial[1], seq: Number(partial[2]) };

  const [first] = findDocNumbers(q);
  if (first) {
    const { start: _s, end: _e, raw: _r, ...number } = first;
    return { kind: 'exact', canonical: number.canonical, number, whole: false };
  }
  return null;
}

/** The key a query's 代字 or order name is looked up by (src/domain/number-lookup.ts). */
function queryPrefixKey(query: NumberQuery, context: NumberLookupContext): string {
  return prefixLookupKey(query.kind === 'exact' ? query.number.prefix : query.prefix, context);
}

/**
 * Finds the document a number query names in the lookup table (keyed by lookup key, with the
 * same context: 国务院令第706号 finds 中华人民共和国国务院令第706号). A partial number only counts
 * when exactly one entry has that 代字 and sequence (across years and order numbers).
 */
export function lookupNumber(
  query: NumberQuery,
  table: NumberTable,
  context: NumberLookupContext = {},
): NumberEntry | null {
  if (query.kind === 'exact') {
    const key = numberLookupKey(query.canonical, context);
    return Object.hasOwn(table, key) ? table[key]! : null;
  }
  const wanted = queryPrefixKey(query, context);
  let found: NumberEntry | null = null;
  for (const [key, entry] of Object.entries(table)) {
    const parsed = parseDocNumber(key);
    if (!parsed || parsed.seq !== query.seq) continue;
    if (prefixLookupKey(parsed.prefix.replace(/第$/u, ''), context) !== wanted) continue;
    if (found) return null; // ambiguous: 淄政办字56号 exists in more than one year
    found = entry;
  }
  return found;
}

/** What the lookup table needs from a document of the archive. */
export interface NumberedDocument {
  /** Base-relative URL ('2020/07/zzbz-2020-56/'). */
  url: string;
  title: string;
  number?: string;
  date: string;
  issuers: readonly string[];
}

/**
 * The number lookup table (split into `search/numbers/<bucket>.json`): the site's number table
 * (documentsByNumber in src/domain/number-lookup.ts: lookup key → document) with each document as
 * the lookup shows it, its number as printed in canonical spelling, keys in code-point order so
 * the file is byte-for-byte reproducible.
 */
export function numberLookupTable(byNumber: ReadonlyMap<string, NumberedDocument>, base: string): NumberTable {
  const table: NumberTable = {};
  for (const key of [...byNumber.keys()].sort(compareCodePoints)) {
    const doc = byNumber.get(key)!;
    table[key] = {
      url: joinBase(base, doc.url),
      title: doc.title,
      number: parseDocNumber(doc.number!)?.canonical ?? doc.number!.trim(),
      date: doc.date,
      issuers: [...doc.issuers],
    };
  }
  return table;
}

/* ------------------------------------------------------------------------------------------ */
/* Number lookup in buckets                                                                    */
/* ------------------------------------------------------------------------------------------ */

/**
 * One lookup file for a whole archive grows with it (a ministry's 100,000 numbers would be
 * megabytes fetched for one query), so the table is split into buckets, `search/numbers/<n>.json`.
 * A number's bucket depends on its 代字 and sequence only, not its year, so that both lookups
 * need one file: the exact one (淄政办字〔2020〕56号) and the partial one that must see every
 * year's 56号 to tell whether it is unambiguous (淄政办字56号).
 */
export const NUMBERS_PER_BUCKET = 256;

/** Buckets for an archive with this many numbers: a power of two, about NUMBERS_PER_BUCKET each. */
export function numberBucketCount(numbers: number): number {
  let buckets = 1;
  while (buckets * NUMBERS_PER_BUCKET < numbers) buckets *= 2;
  return buckets;
}

/** The bucket of a 代字 (or order name) and sequence: FNV-1a of "代字|sequence". */
export function numberBucket(prefix: string, seq: number, buckets: number): number {
  let hash = 0x811c9dc5;
  for (const char of `${prefix.replace(/第$/u, '')}|${seq}`) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash % buckets;
}

/** The bucket a number query needs, in a table built with the same context. */
export function bucketOfQuery(query: NumberQuery, buckets: number, context: NumberLookupContext = {}): number {
  return numberBucket(queryPrefixKey(query, context), query.kind === 'exact' ? query.number.seq : query.seq, buckets);
}

/** Base-relative path of a bucket file. */
export function numberBucketPath(bucket: number): string {
  return `search/numbers/${bucket}.json`;
}

/** Splits a table into `buckets` tables (each keeps the code-point order of keys). */
export function splitNumberTable(table: NumberTable, buckets: number): NumberTable[] {
  const out: NumberTable[] = Array.from({ length: buckets }, () => ({}));
  for (const [key, entry] of Object.entries(table)) {
    const parsed = parseDocNumber(key);
    // Keys are lookup keys (numberLookupTable), numbers themselves; one that does not parse cannot be queried.
    if (parsed) out[numberBucket(parsed.prefix, parsed.seq, buckets)]![key] = entry;
  }
  return out;
}

function compareCodePoints(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The text to hand to Pagefind: the canonical spelling when the whole query is a number. */
export function fullTextQuery(query: string, numberQuery: NumberQuery | null): string {
  if (numberQuery?.kind === 'exact' && numberQuery.whole) return numberQuery.canonical;
  return normalizeQuery(query);
}

/* ------------------------------------------------------------------------------------------ */
/* URLs                                                                                        */
/* ------------------------------------------------------------------------------------------ */

/** Joins the site base ('/', '/gazette', '/gazette/') and a base-relative path ('2020/07/x/'). */
export function joinBase(base: string, path: string): string {
  const b = base.endsWith('/') ? base : `${base}/`;
  return `${b}${path.replace(/^\/+/u, '')}`;
}

/** Compares page URLs regardless of origin, a trailing index.html or the trailing slash. */
export function samePageUrl(a: string, b: string): boolean {
  const norm = (u: string) => {
    let path = u;
    try {
      path = new URL(u, 'http://x.invalid').pathname;
    } catch {
      /* keep as is */
    }
    try {
      path = decodeURI(path);
    } catch {
      /* keep encoded */
    }
    return path.replace(/index\.html$/u, '').replace(/\/+$/u, '');
  };
  return norm(a) === norm(b);
}
