/**
 * Client script of the search page (src/pages/search.astro). No framework.
 *
 * - Reads { q, filters, sort } from the URL, runs the search, and keeps the URL in sync with
 *   history.replaceState as the reader types (debounced), ticks filters or changes the sort.
 * - Says “正在检索…” from the first keystroke, before the engine has even loaded.
 * - Loads Pagefind from `<base>pagefind/pagefind.js` and gives it `baseUrl: <base>`, so the site
 *   works under any sub-path. The index is in shards (`pagefind/shards.json`, see
 *   src/search/pagefind/shards.ts), newest first: the newest is Pagefind's primary index, which
 *   the engine loads (when the search box gets focus, or for the first query) with the next
 *   newest while they hold less than half a shard (firstAnswerShards: the open block's newest
 *   part may hold only the last issue or two); the others are merged into it, each tagged with
 *   a synthetic filter, only after the first query has been answered from those. So a cold
 *   first query shows the newest documents' results without waiting for the older shards
 *   ('partial'), then the merged results take their place without moving what the reader has
 *   reached (results.ts, mergeProgressive). Pagefind searches every index merged so far, and
 *   waits for one being merged: the first answer's shards are searched alone only while no
 *   other merge has been asked for (see loadAll).
 * - Before that, on a cold page, the newest documents whose titles hold the query are listed
 *   from `<base>search/recent.json` (src/search/recent-titles.ts), fetched with the page: a
 *   title pre-answer, replaced by the full-text answer except where the reader has reached it.
 * - Relevance order is Pagefind's merged order (by score), its first results and the pages that
 *   hold the query as typed re-ranked by exact title and phrase matches (src/search/rank.ts), in
 *   one function (relevanceOrdered).
 *   Date order is built here: shards cover disjoint date ranges, so it is each shard's own date
 *   order, newest shard first; only the shards a page of results falls in are searched on their
 *   own. The newest shard's own results are thus the start of either order.
 * - The numbers beside the filters count the whole archive (they come with the manifest) until
 *   the reader turns to the filters: counts for the query need Pagefind's filter files of
 *   every shard (on a large archive a download the size of the search itself), so they are
 *   fetched then, and a note says which of the two the numbers are.
 * - A query that is a document number (淄政办字[2020]56号 …) is offered as a direct link above the
 *   results and puts that document first, using one bucket of the number lookup
 *   (`<base>search/numbers/<n>.json`), followed by the full-text results without a duplicate.
 * - When no result shown holds every query term as typed, the status line says so.
 */
import { lookupContext } from '../../domain/number-lookup';
import { dateOrderWindow, firstAnswerShards, SHARD_MANIFEST_FILE, type ShardManifest } from '../pagefind/shards';
import { rerank } from '../rank';
import { matchRecentTitles, RECENT_TITLES_FILE, type RecentTitle } from '../recent-titles';
import {
  FILTER_KEYS,
  bucketOfQuery,
  classifyNumberQuery,
  fullTextQuery,
  hasFilters,
  isEmptySearch,
  joinBase,
  lookupNumber,
  numberBucketPath,
  parseSearchState,
  samePageUrl,
  searchStateToQueryString,
  toPagefindFilters,
  toPagefindSort,
  type NumberEntry,
  type NumberTable,
  type SearchState,
} from '../state';
import { mergeProgressive, onlyPartialMatches, partialMatchNote } from './results';
import {
  PAGE_SIZE,
  buildFilterGroups,
  renderResult,
  searchPageElements,
  searchStatus,
  setResultsState,
  showNumberHit,
  updateFilterCounts as showFilterCounts,
  type FilterCounts,
  type ResultView,
  type ResultsState,
} from './search-view';

/* ---------------------------------------------------------------- Pagefind (subset) types */

interface PagefindFragment {
  url: string;
  excerpt: string;
  /** The page's whole indexed text. */
  content: string;
  meta: Record<string, string | undefined>;
  filters: Record<string, string[]>;
}

interface PagefindResult {
  id: string;
  score: number;
  data: () => Promise<PagefindFragment>;
}

interface PagefindSearch {
  results: PagefindResult[];
  unfilteredResultCount: number;
  filters: FilterCounts;
  totalFilters: FilterCounts;
}

interface PagefindApi {
  options: (options: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  mergeIndex: (indexPath: string, options?: Record<string, unknown>) => Promise<void>;
  search: (term: string | null, options?: Record<string, unknown>) => Promise<PagefindSearch>;
  preload: (term: string, options?: Record<string, unknown>) => Promise<void>;
  filters: () => Promise<FilterCounts>;
}

interface Engine {
  pagefind: PagefindApi;
  manifest: ShardManifest;
}

/* ------------------------------------------------------------------------------ settings */

const BASE = import.meta.env.BASE_URL;
const DEBOUNCE_MS = 300;

/**
 * Ranking. Pagefind's defaults (BM25 with pageLength 0.75, termFrequency 1, title meta weight 5,
 * plus the document pages' `data-pagefind-weight="10"` on the h1) already rank the subject
 * document first when it has the query in its title. What they get wrong in a gazette is the
 * short notice that names a topic once in passing (…推进执法记录仪等工作…): with term frequency
 * fully normalised by length, one mention in 100 characters outranks the 2,000-character
 * document about that very topic. termFrequency 0.5 blends in the raw (weighted) count of
 * matches, so the document that is about the words wins, while title matches still dominate.
 * Measured on the real archive plus 700 distractor pages (683 State Council regulations and
 * short notices/long texts with one planted mention per query): all eight reference queries
 * rank their document first (the default put a planted notice first for 执法记录仪), and
 * known-item title searches over the regulations keep the default's accuracy (135/150 first).
 * Lower pageLength fixed the notice case too but cost known-item accuracy (131/150).
 */
const RANKING = { termFrequency: 0.5 };
const SHARED_OPTIONS = { baseUrl: BASE, excerptLength: 40, ranking: RANKING };

/* ----------------------------------------------------------------------------- elements */

const elements = searchPageElements();
const {
  form,
  input,
  sortSelect,
  filtersBox,
  filterGroups,
  clearFilters,
  statusBox,
  numberHit,
  resultsList,
  moreButton,
  layout,
} = elements;
/** Says whether the numbers beside the filters count the archive or the query (see showCounts). */
const filterNote = document.getElementById('search-filter-note');
/** How many number-lookup buckets the build wrote (search/numbers/<n>.json). */
const NUMBER_BUCKETS = Number(form.dataset.numberBuckets) || 1;
/** Numbers are looked up by the key the build used (src/domain/number-lookup.ts). */
const NUMBER_CONTEXT = lookupContext(form.dataset.gazette);

/* --------------------------------------------------------------------------------- state */

/** The state in the URL the page was opened with. */
const initial = parseSearchState(location.search);
let manifestPromise: Promise<ShardManifest> | null = null;
let primaryPromise: Promise<Engine> | null = null;
let allPromise: Promise<Engine> | null = null;
/** Whether the first answer's shards are loaded: searches then skip the title pre-answer. */
let engineReady = false;
let recentTitlesPromise: Promise<RecentTitle[]> | null = null;
const numberBuckets = new Map<number, Promise<NumberTable>>();
let filtersBuilt = false;
/** Whether the filter counts are the query's: Pagefind then has every shard's filter files. */
let queryCounts: 'off' | 'loading' | 'on' = 'off';
/** The last search's term and options, to recount when the query's counts arrive. */
let lastSearch: { token: number; term: string | null; options: Record<string, unknown> } | null = null;
/** Incremented by every search; a search whose token is stale renders nothing. */
let generation = 0;
let debounceTimer: ReturnType<typeof setTimeout> | undefined;

/** The results of a search in display order, fetched page by page. */
interface ResultSource {
  total: number;
  slice: (start: number, end: number) => Promise<PagefindResult[]>;
}

/** The list on screen: what it shows, what the reader has reached, where "显示更多结果" goes on. */
interface Listing {
  source: ResultSource;
  pinned: NumberEntry | null;
  /** Result ids shown (the pinned document's item aside), top down. */
  keys: string[];
  /** The pinned document's id among the full-text results, once met. */
  pinnedId?: string;
  /** Ids shown, and the pinned document's: never listed again. */
  seen: Set<string>;
  /** How many of `source` the list covers. */
  next: number;
  /** Title and text of each shown result, to tell whether any holds the whole query. */
  texts: Map<string, string>;
  /** How many results the reader has pointed at or focused, at most. */
  reached: number;
  /** Whether the reader has scrolled since the results appeared. */
  scrolled: boolean;
}

let listing: Listing | null = null;

async function fetchJson<T>(path: string): Promise<T> {
  const response = await fetch(joinBase(BASE, path));
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** A promise kept for reuse, forgotten when it fails so that the next call retries. */
function retrying<T>(promise: Promise<T>, forget: () => void): Promise<T> {
  promise.catch(forget);
  return promise;
}

function loadManifest(): Promise<ShardManifest> {
  return (manifestPromise ??= retrying(fetchJson<ShardManifest>(`pagefind/${SHARD_MANIFEST_FILE}`), () => {
    manifestPromise = null;
  }));
}

function shardOptions(manifest: ShardManifest, shard: ShardManifest['shards'][number]): Record<string, unknown> {
  return { ...SHARED_OPTIONS, mergeFilter: { [manifest.shardFilter]: shard.id } };
}

function mergeShards(engine: Engine, shards: ShardManifest['shards']): Promise<void[]> {
  const { pagefind, manifest } = engine;
  return Promise.all(
    shards.map((shard) => pagefind.mergeIndex(joinBase(BASE, `pagefind/${shard.path}`), shardOptions(manifest, shard))),
  );
}

/**
 * The engine with the shards of the first answer (firstAnswerShards): the newest, Pagefind's
 * primary index, and the next newest while they hold fewer than half a shard's documents.
 */
function loadPrimary(): Promise<Engine> {
  const load = async (): Promise<Engine> => {
    const [pagefind, manifest] = await Promise.all([
      import(/* @vite-ignore */ joinBase(BASE, 'pagefind/pagefind.js')) as Promise<PagefindApi>,
      loadManifest(),
    ]);
    const [primary] = manifest.shards;
    await pagefind.options(primary ? shardOptions(manifest, primary) : SHARED_OPTIONS);
    await pagefind.init();
    const engine = { pagefind, manifest };
    await mergeShards(engine, firstAnswerShards(manifest).slice(1));
    engineReady = true;
    return engine;
  };
  return (primaryPromise ??= retrying(load(), () => {
    primaryPromise = null;
  }));
}

/**
 * The engine with every shard merged. From the moment this is first called, a search waits
 * for every shard (Pagefind searches each index merged, or being merged, into the primary).
 */
function loadAll(): Promise<Engine> {
  const load = async (): Promise<Engine> => {
    const engine = await loadPrimary();
    await mergeShards(engine, engine.manifest.shards.slice(firstAnswerShards(engine.manifest).length));
    return engine;
  };
  return (allPromise ??= retrying(load(), () => {
    allPromise = null;
  }));
}

function loadRecentTitles(): Promise<RecentTitle[]> {
  return (recentTitlesPromise ??= retrying(fetchJson<RecentTitle[]>(RECENT_TITLES_FILE), () => {
    recentTitlesPromise = null;
  }));
}

function loadNumberBucket(bucket: number): Promise<NumberTable> {
  let table = numberBuckets.get(bucket);
  if (!table) {
    table = fetchJson<NumberTable>(numberBucketPath(bucket));
    numberBuckets.set(bucket, table);
    table.catch(() => numberBuckets.delete(bucket));
  }
  return table;
}

/** The state the form shows right now. */
function readForm(): SearchState {
  const data = new FormData(form);
  const params = new URLSearchParams(
    [...data.entries()].filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
  // Until the filter boxes exist, the filters asked for by the URL still apply.
  if (!filtersBuilt) {
    for (const key of FILTER_KEYS) for (const value of initial.filters[key]) params.append(key, value);
  }
  return parseSearchState(params);
}

/** Puts a state into the form (on load). Filter boxes are ticked when they are built. */
function writeForm(state: SearchState): void {
  input.value = state.q;
  sortSelect.value = state.sort;
}

function syncUrl(state: SearchState): void {
  const url = `${location.pathname}${searchStateToQueryString(state)}${location.hash}`;
  if (url !== `${location.pathname}${location.search}${location.hash}`) {
    history.replaceState(history.state, '', url);
  }
}

/**
 * The filters follow the results on a phone, so they are shown only once the first search has
 * settled: results coming in would otherwise push them down under the reader (a layout shift).
 */
let firstSearchSettled = false;

function setState(state: ResultsState): void {
  setResultsState(resultsList, state);
  if (!firstSearchSettled && state !== 'loading' && state !== 'partial') {
    firstSearchSettled = true;
    filtersBox.hidden = filterGroups.childElementCount === 0;
  }
}

function announce(text: string): void {
  statusBox.textContent = text;
}

/* ------------------------------------------------------------------------------- filters */

function buildFilters(all: FilterCounts, state: SearchState): void {
  buildFilterGroups(elements, all, state);
  if (!firstSearchSettled) filtersBox.hidden = true;
  filtersBuilt = true;
}

function updateFilterCounts(counts: FilterCounts): void {
  showFilterCounts(elements, counts);
}

function updateClearButton(state: SearchState): void {
  clearFilters.hidden = !FILTER_KEYS.some((key) => state.filters[key].length > 0);
}

/* ------------------------------------------------------------------------------- results */

function fragmentView(fragment: PagefindFragment): ResultView {
  const { title, number, date, issuer, status, issue, page } = fragment.meta;
  return {
    url: fragment.url,
    title: title ?? '',
    number,
    date,
    issuer,
    status,
    issue,
    page,
    excerptHtml: fragment.excerpt,
  };
}

function pinnedView(entry: NumberEntry, fragment?: PagefindFragment): ResultView {
  return {
    ...(fragment ? fragmentView(fragment) : {}),
    url: entry.url,
    title: entry.title,
    number: entry.number,
    date: entry.date,
    issuer: entry.issuers.join('、'),
    note: fragment ? undefined : '发文字号与检索词一致。',
    numberMatch: true,
  };
}

function titleMatchView(entry: RecentTitle): ResultView {
  return {
    url: entry.url,
    title: entry.title,
    number: entry.number,
    date: entry.date,
    issuer: entry.issuers.join('、'),
    status: entry.status,
    issue: entry.issue,
    page: String(entry.page),
    note: '标题含检索词。',
  };
}

/** Keys of the title pre-answer's items: full-text results are keyed by Pagefind's ids. */
const TITLE_KEY = 'title:';

/** The URLs of the title pre-answer's items among `keys`: kept ones, whose full-text results are not listed. */
function heldUrls(keys: readonly string[]): string[] {
  return keys.filter((key) => key.startsWith(TITLE_KEY)).map((key) => key.slice(TITLE_KEY.length));
}

function isHeld(url: string, held: readonly string[]): boolean {
  return held.some((heldUrl) => samePageUrl(url, heldUrl));
}

/** A kept pre-answer item drawn again with its excerpt and status, unless the reader is on it. */
function showExcerptOfHeld(fragment: PagefindFragment): void {
  const item = resultItems().find(
    (candidate) =>
      candidate.dataset.key!.startsWith(TITLE_KEY) &&
      samePageUrl(fragment.url, candidate.dataset.key!.slice(TITLE_KEY.length)),
  );
  if (item && !item.contains(document.activeElement))
    item.replaceWith(resultItem(item.dataset.key!, fragmentView(fragment)));
}

function resultItem(key: string, view: ResultView): HTMLLIElement {
  const item = renderResult(view);
  item.dataset.key = key;
  return item;
}

/** The items of full-text results (the pinned document's item, first, is not one). */
function resultItems(): HTMLLIElement[] {
  return [...resultsList.querySelectorAll<HTMLLIElement>(':scope > li[data-key]')];
}

/** Notes that the reader has got to an item (pointed at or focused it). */
function noteReached(target: EventTarget | null): void {
  const item = target instanceof Element ? target.closest<HTMLLIElement>('li[data-key]') : null;
  if (!listing || !item) return;
  listing.reached = Math.max(listing.reached, resultItems().indexOf(item) + 1);
}

/**
 * How many items the reader has reached: pointed at, focused, or (once they have scrolled)
 * above the bottom of the window. Those keep their places when later shards answer.
 */
function reachedCount(current: Listing): number {
  let reached = current.reached;
  if (current.scrolled) {
    const items = resultItems();
    const bottom = window.innerHeight;
    reached = Math.max(reached, items.filter((item) => item.getBoundingClientRect().top < bottom).length);
  }
  return reached;
}

/**
 * Shows `source`, the results of every shard answered so far. The first call of a search fills
 * the list; a later one (more shards have answered) keeps what the reader has reached and
 * re-ranks the rest of what is shown, filling it to at least `pageSize` results. Returns null
 * when a newer search took over.
 */
async function showResults(
  token: number,
  source: ResultSource,
  pinned: NumberEntry | null,
  pageSize = PAGE_SIZE,
): Promise<Listing | null> {
  const previous = listing;
  const size = Math.max(pageSize, previous?.keys.length ?? 0);
  const reached = previous ? reachedCount(previous) : 0;
  const ranked = await source.slice(0, size + reached);
  if (token !== generation) return null;
  const byId = new Map(ranked.map((result) => [result.id, result]));
  const merged = mergeProgressive(previous?.keys ?? [], [...byId.keys()], reached, size);
  const oldItems = new Map(previous ? resultItems().map((item) => [item.dataset.key!, item]) : []);
  const fresh = merged.keys.filter((key) => !oldItems.has(key));
  const fragments = new Map(await Promise.all(fresh.map(async (key) => [key, await byId.get(key)!.data()] as const)));
  if (token !== generation) return null;

  let pinnedId = previous?.pinnedId;
  let pinnedFragment: PagefindFragment | undefined;
  const held = heldUrls(merged.keys);
  const heldIds: string[] = [];
  const keys: string[] = [];
  const texts = new Map<string, string>();
  const items: HTMLLIElement[] = [];
  for (const key of merged.keys) {
    const fragment = fragments.get(key);
    if (pinned && fragment && samePageUrl(fragment.url, pinned.url)) {
      pinnedId = key;
      pinnedFragment = fragment;
      continue;
    }
    if (fragment && isHeld(fragment.url, held)) {
      heldIds.push(key);
      showExcerptOfHeld(fragment);
      continue;
    }
    keys.push(key);
    texts.set(key, fragment ? `${fragment.meta.title ?? ''}\n${fragment.content}` : previous!.texts.get(key)!);
    items.push(oldItems.get(key) ?? resultItem(key, fragmentView(fragment!)));
  }

  // Reached items stay where they are (moving a node would also drop its focus); the rest go.
  const frozen = Math.min(reached, previous?.keys.length ?? 0);
  if (previous) for (const item of resultItems().slice(frozen)) item.remove();
  else resultsList.replaceChildren();
  const pinnedItem = resultsList.querySelector<HTMLLIElement>(':scope > li.is-number-match');
  if (pinned && (!pinnedItem || (pinnedFragment && !pinnedItem.dataset.excerpt))) {
    // Drawn again once its excerpt and status are known, unless the reader is on it.
    const item = renderResult(pinnedView(pinned, pinnedFragment));
    item.dataset.excerpt = pinnedFragment ? 'yes' : '';
    if (!pinnedItem) resultsList.prepend(item);
    else if (!pinnedItem.contains(document.activeElement)) pinnedItem.replaceWith(item);
  }
  resultsList.append(...items.slice(frozen));
  showNumberHit(numberHit, pinned);

  listing = {
    source,
    pinned,
    pinnedId,
    keys,
    seen: new Set([...keys, ...heldIds, ...(pinnedId === undefined ? [] : [pinnedId])]),
    next: merged.consumed,
    texts,
    reached: previous?.reached ?? 0,
    scrolled: previous?.scrolled ?? false,
  };
  moreButton.hidden = listing.next >= source.total;
  return listing;
}

/** Loads the next batch of results, leaving out the pinned document and any shown already. */
async function renderMore(token: number, focusFirst: boolean): Promise<void> {
  const current = listing;
  if (!current) return;
  const { source, next } = current;
  const slice = await source.slice(next, next + PAGE_SIZE);
  const batch = slice.filter((result) => !current.seen.has(result.id));
  const fragments = await Promise.all(batch.map((result) => result.data()));
  if (token !== generation || listing !== current) return;
  current.next = next + slice.length;
  const items: HTMLLIElement[] = [];
  batch.forEach((result, i) => {
    const fragment = fragments[i]!;
    current.seen.add(result.id);
    if (current.pinned && samePageUrl(fragment.url, current.pinned.url)) {
      current.pinnedId = result.id;
      return;
    }
    if (isHeld(fragment.url, heldUrls(current.keys))) return;
    current.keys.push(result.id);
    current.texts.set(result.id, `${fragment.meta.title ?? ''}\n${fragment.content}`);
    items.push(resultItem(result.id, fragmentView(fragment)));
  });
  resultsList.append(...items);
  moreButton.hidden = current.next >= source.total;
  if (focusFirst) items[0]?.querySelector<HTMLAnchorElement>('a.result-title')?.focus();
}

/* -------------------------------------------------------------------------- result order */

/**
 * Newest first over all shards. Pagefind's merged search interleaves shards (a sorted search
 * scores a page by its rank inside its own index), so each shard that a requested slice falls
 * in is searched on its own, through its synthetic filter, and the slices are put end to end:
 * shards cover disjoint date ranges and the manifest lists them newest first. The merged
 * search already fetched every index file these searches need; they only cost computing.
 */
function dateOrdered(
  pagefind: PagefindApi,
  manifest: ShardManifest,
  merged: PagefindSearch,
  term: string | null,
  options: { filters?: Record<string, { any: string[] }>; sort?: Record<string, 'asc' | 'desc'> },
): ResultSource {
  const perShard = merged.filters[manifest.shardFilter] ?? {};
  const counts = manifest.shards.map((shard) => ({ id: shard.id, results: perShard[shard.id] ?? 0 }));
  const searched = new Map<string, Promise<PagefindResult[]>>();
  const shardResults = (id: string) => {
    let results = searched.get(id);
    if (!results) {
      results = pagefind
        .search(term, { ...options, filters: { ...options.filters, [manifest.shardFilter]: { any: [id] } } })
        .then((search) => search.results);
      searched.set(id, results);
    }
    return results;
  };
  return {
    total: merged.results.length,
    slice: async (start, end) => {
      const parts = await Promise.all(
        dateOrderWindow(counts, start, end - start).map(async ({ id, from, to }) =>
          (await shardResults(id)).slice(from, to),
        ),
      );
      return parts.flat();
    },
  };
}

/** Pagefind's own order of one search. */
function engineOrdered(search: PagefindSearch): ResultSource {
  return { total: search.results.length, slice: async (start, end) => search.results.slice(start, end) };
}

/**
 * How many of Pagefind's first results are loaded and re-ranked by exact matches (rank.ts): a
 * title typed as printed can rank below pages that only match its words more often (法律援助条例
 * under 杭州市法律援助条例), though within the first 12 for every real title measured
 * (scripts/title-ranking.ts). The first `exact` pages that hold the query as typed (Pagefind's
 * quoted search, over the index chunks the search has loaded) join them: a term printed in one
 * document only can rank far lower (惠企贷 below the 30th of 159 pages with 惠企 and 贷). Each page
 * loaded costs its fragment (2.4 KB on average at 10,000 benchmark documents of 4.6 KB; more with
 * real-size documents), 10 of them shown anyway.
 */
const FULL_DEPTH: RerankDepth = { top: 20, exact: 10 };
/**
 * The first answer shows its first three results, what a phone's first screen
 * holds: each result shown costs its fragment, the whole document's text (10 KB gzipped on
 * average with real-size documents, up to 60 KB), and the engine decompresses it and computes
 * its excerpt before anything is painted. Ten of them were 40 % of the bytes before the first
 * result; five still put one query of the benchmark over 250 KB (README, "Search at scale and
 * benchmarks"). The merged answer that follows fills the page to ten, below what is shown.
 */
const FIRST_ANSWER_SIZE = 3;
/**
 * The first answer re-ranks only what it shows: those fragments are loaded anyway, while the
 * full depth's, with real-size documents, more than doubled the bytes before the first result.
 * The merged answer that follows ranks at full depth, without moving what the reader has
 * reached (results.ts, mergeProgressive).
 */
const FIRST_ANSWER_DEPTH: RerankDepth = { top: FIRST_ANSWER_SIZE, exact: 0 };

interface RerankDepth {
  /** Pagefind's first results re-ranked. */
  top: number;
  /** Results of Pagefind's quoted search joined to them (0: no quoted search). */
  exact: number;
}

/** Relevance order: Pagefind's, its first results and the exact matches put in exact-match tiers. */
function relevanceOrdered(
  pagefind: PagefindApi,
  merged: PagefindSearch,
  term: string | null,
  options: Record<string, unknown>,
  depth: RerankDepth = FULL_DEPTH,
): ResultSource {
  const phrase = term?.replace(/[《》“”"]/gu, '').trim();
  const ordered = (async () => {
    if (!term || !phrase) return merged.results;
    const top = merged.results.slice(0, depth.top);
    const exact = depth.exact > 0 ? (await pagefind.search(`"${phrase}"`, options)).results.slice(0, depth.exact) : [];
    const ids = new Set(top.map((result) => result.id));
    const pool = [...top, ...exact.filter((result) => !ids.has(result.id))];
    for (const result of pool) ids.add(result.id);
    const loaded = await Promise.all(
      pool.map(async (result) => {
        const data = result.data(); // loaded once, for the ranking and the list
        return { result: { ...result, data: () => data }, fragment: await data };
      }),
    );
    const head = rerank(term, loaded, ({ fragment }) => ({
      title: fragment.meta.title ?? '',
      issuers: fragment.meta.issuer ? [fragment.meta.issuer] : [],
      text: fragment.content,
    })).map(({ result }) => result);
    return [...head, ...merged.results.filter((result) => !ids.has(result.id))];
  })();
  return { total: merged.results.length, slice: async (start, end) => (await ordered).slice(start, end) };
}

function showCounts(state: SearchState, search: PagefindSearch | null, manifest: ShardManifest): void {
  const ofQuery = Boolean(state.q) && queryCounts === 'on' && search !== null;
  updateFilterCounts(ofQuery ? search.totalFilters : manifest.filters);
  if (filterNote) filterNote.textContent = ofQuery ? '括号内为本次检索结果中的篇数。' : '括号内为全部文件中的篇数。';
}

/**
 * The reader turned to the filters: fetch every shard's filter files once, then count the
 * current query's results per filter value.
 */
function loadQueryCounts(): void {
  if (queryCounts !== 'off') return;
  queryCounts = 'loading';
  loadAll()
    .then(async ({ pagefind, manifest }) => {
      await pagefind.filters();
      queryCounts = 'on';
      const last = lastSearch;
      if (!last || last.token !== generation) return;
      const search = last.term === null ? null : await pagefind.search(last.term, last.options);
      if (last.token === generation) showCounts(readForm(), search, manifest);
    })
    .catch(() => {
      queryCounts = 'off';
    });
}

/* -------------------------------------------------------------------------------- search */

function showLoading(): void {
  setState('loading');
  announce('正在检索…');
}

function clearResults(): void {
  listing = null;
  resultsList.replaceChildren();
  moreButton.hidden = true;
  showNumberHit(numberHit, null);
}

/** The status line once the list shows what every shard found, or only what the newest did. */
function statusText(state: SearchState, shown: Listing, total: number, complete: boolean): string {
  const { pinned } = shown;
  if (!complete)
    return `正在检索…已先列出最近文件中的 ${resultsList.childElementCount} 篇，其余文件检索完成后补入下方。`;
  const status = searchStatus({
    total,
    shown: resultsList.childElementCount,
    pinnedNumber: pinned?.number,
    filtered: FILTER_KEYS.some((key) => state.filters[key].length > 0),
  });
  const partial = total > 0 && !pinned && state.q && onlyPartialMatches(state.q, [...shown.texts.values()]);
  return partial ? `${status}${partialMatchNote(state.q)}` : status;
}

async function runSearch(state: SearchState): Promise<void> {
  const token = ++generation;
  clearTimeout(debounceTimer);
  updateClearButton(state);

  if (isEmptySearch(state)) {
    clearResults();
    setState('idle');
    announce('');
    // Still show the filters, so that a reader can browse by them without a query.
    void loadManifest()
      .then((manifest) => {
        if (!filtersBuilt) buildFilters(manifest.filters, state);
        showCounts(state, null, manifest);
      })
      .catch(() => {});
    return;
  }

  showLoading();
  listing = null;
  const numberQuery = state.q ? classifyNumberQuery(state.q) : null;
  if (!engineReady && state.q && !numberQuery && !hasFilters(state)) void showTitleMatches(token, state.q);
  try {
    const { pagefind, manifest } = await loadPrimary();
    if (token !== generation) return;
    if (!filtersBuilt) buildFilters(manifest.filters, state);

    const pinnedPromise = numberQuery
      ? loadNumberBucket(bucketOfQuery(numberQuery, NUMBER_BUCKETS, NUMBER_CONTEXT))
          .then((table) => lookupNumber(numberQuery, table, NUMBER_CONTEXT))
          .catch(() => null)
      : Promise.resolve(null);
    const term = state.q ? fullTextQuery(state.q, numberQuery) : null;
    const options = { filters: toPagefindFilters(state.filters), sort: toPagefindSort(state) };

    // The newest shards alone, before any other is fetched, if none is being merged yet. Their
    // results start either order (see the header), so they are shown at once.
    const firstShards = firstAnswerShards(manifest);
    if (allPromise === null && manifest.shards.length > firstShards.length) {
      const [newest, pinned] = await Promise.all([pagefind.search(term, options), pinnedPromise]);
      if (token !== generation) return;
      if (newest.results.length > 0 || pinned) {
        // Date order: the newest shards' own order starts it; relevance: its shown page re-ranked.
        const firstSource = options.sort
          ? firstShards.length === 1
            ? engineOrdered(newest)
            : dateOrdered(pagefind, { ...manifest, shards: firstShards }, newest, term, options)
          : relevanceOrdered(pagefind, newest, term, options, FIRST_ANSWER_DEPTH);
        const first = await showResults(token, firstSource, pinned, FIRST_ANSWER_SIZE);
        if (!first) return;
        setState('partial');
        announce(statusText(state, first, newest.results.length, false));
        // The older shards' files would otherwise compete with the first results' paint for
        // the network and the main thread.
        await afterPaint();
        if (token !== generation) return;
      }
    }

    await loadAll();
    if (token !== generation) return;
    const [search, pinned] = await Promise.all([pagefind.search(term, options), pinnedPromise]);
    if (token !== generation) return;
    const source = options.sort
      ? dateOrdered(pagefind, manifest, search, term, options)
      : relevanceOrdered(pagefind, search, term, options);
    const shown = await showResults(token, source, pinned);
    if (!shown) return;
    lastSearch = { token, term, options };
    showCounts(state, search, manifest);

    // The pinned document may also sit further down the full-text results; it is skipped there
    // when reached, so the count can be one too high only for a number with many full-text hits.
    setState('done');
    announce(statusText(state, shown, search.results.length + (pinned && shown.pinnedId === undefined ? 1 : 0), true));
  } catch (error) {
    if (token !== generation) return;
    console.error('search failed', error);
    clearResults();
    setState('error');
    announce(
      import.meta.env.DEV
        ? '开发模式下没有检索索引：请先运行 npm run build，再用 npm run preview 查看检索。'
        : '检索暂时无法使用：检索索引加载失败，请稍后刷新页面重试。',
    );
  }
}

/**
 * The title pre-answer (src/search/recent-titles.ts): the newest documents whose titles hold the
 * query, shown while the engine starts, unless a full-text answer came first. That answer then
 * replaces every item the reader has not reached; a reached one stays, and its full-text result
 * is not listed again.
 */
async function showTitleMatches(token: number, query: string): Promise<void> {
  let matches: RecentTitle[];
  try {
    matches = matchRecentTitles(await loadRecentTitles(), query, FIRST_ANSWER_SIZE);
  } catch {
    return; // the full-text answer still comes
  }
  if (token !== generation || listing !== null || matches.length === 0) return;
  const keys = matches.map((entry) => `${TITLE_KEY}${entry.url}`);
  resultsList.replaceChildren(...matches.map((entry, i) => resultItem(keys[i]!, titleMatchView(entry))));
  listing = {
    source: { total: 0, slice: async () => [] },
    pinned: null,
    keys,
    seen: new Set(),
    next: 0,
    texts: new Map(matches.map((entry, i) => [keys[i]!, entry.title])),
    reached: 0,
    scrolled: false,
  };
  moreButton.hidden = true;
  setState('partial');
  announce(`正在检索…已先列出标题含检索词的最近文件 ${matches.length} 篇，全文检索结果随后列出。`);
}

/**
 * Resolves once the browser has painted the current DOM: a requestAnimationFrame callback runs
 * just before a paint, a task it queues runs after. A hidden tab paints nothing, hence the timer.
 */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 250);
  });
}

function scheduleSearch(): void {
  clearTimeout(debounceTimer);
  const state = readForm();
  syncUrl(state);
  if (isEmptySearch(state)) {
    debounceTimer = setTimeout(() => void runSearch(state), DEBOUNCE_MS);
    return;
  }
  // The results on screen no longer match the input: say so until the debounced search ends.
  showLoading();
  if (state.q) {
    // Start fetching the index chunks for the words typed so far.
    void loadPrimary()
      .then(({ pagefind }) => pagefind.preload(fullTextQuery(state.q, classifyNumberQuery(state.q))))
      .catch(() => {});
  }
  debounceTimer = setTimeout(() => void runSearch(state), DEBOUNCE_MS);
}

function searchNow(): void {
  const state = readForm();
  syncUrl(state);
  void runSearch(state);
}

/* ---------------------------------------------------------------------------------- wire */

let composing = false;
input.addEventListener('compositionstart', () => {
  composing = true;
});
input.addEventListener('compositionend', () => {
  composing = false;
  scheduleSearch();
});
input.addEventListener('input', (event) => {
  // Wait for the IME to commit (拼音 input) rather than searching for half-typed syllables.
  if (composing || (event as InputEvent).isComposing) return;
  scheduleSearch();
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  searchNow();
});
form.addEventListener('change', (event) => {
  const target = event.target as HTMLElement;
  if (target === input) return; // typing is handled by the input listener
  searchNow();
});
clearFilters.addEventListener('click', () => {
  for (const box of filterGroups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) {
    box.checked = false;
  }
  searchNow();
  input.focus();
});
filtersBox.addEventListener('pointerenter', loadQueryCounts);
filtersBox.addEventListener('focusin', loadQueryCounts);
moreButton.addEventListener('click', () => {
  void renderMore(generation, true);
});
// Prefetch the engine and the newest shard as soon as the reader may type.
input.addEventListener('focus', () => void loadPrimary().catch(() => {}), { once: true });
resultsList.addEventListener('pointerover', (event) => noteReached(event.target));
resultsList.addEventListener('focusin', (event) => noteReached(event.target));
addEventListener(
  'scroll',
  () => {
    if (listing) listing.scrolled = true;
  },
  { passive: true },
);

layout.hidden = false;
writeForm(initial);
syncUrl(initial);
void runSearch(initial);
