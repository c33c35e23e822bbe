/**
 * The offline mirror's search page client (the mirror's search/index.html is the online
 * search page with this script in place of its module script). Bundled by esbuild into one
 * classic script, `_search/search.js`, because pages opened from file:// cannot run module
 * scripts, fetch() files or start Pagefind's worker.
 *
 * It fills the online page's own elements (form, filter box, result list, status line), reads
 * and writes the same URL state (search-state.ts), pins a document-number match first as the
 * online page does, and runs queries with engine.ts over the index written by
 * offline-index.ts. Data scripts are inserted as classic <script> tags on demand: the manifest
 * at start, a query's shards as it is typed, a result's text to cut its excerpt.
 */
import { allFilterCounts, excerpt, searchIndex, shardsForQuery } from '../offline/engine';
import { SEARCH_GLOBAL, searchDataKey, searchDataPath } from '../offline/files';
import type { SearchManifest, Shard } from '../offline/offline-index';
import type { QueryPhrase } from '../offline/terms';
import {
  FILTER_KEYS,
  classifyNumberQuery,
  fullTextQuery,
  hasFilters,
  isEmptySearch,
  lookupNumber,
  parseSearchState,
  searchStateToQueryString,
  type NumberEntry,
  type SearchState,
} from '../state';
import {
  PAGE_SIZE,
  buildFilterGroups,
  renderResult,
  searchPageElements,
  searchStatus,
  setResultsState,
  showNumberHit,
  updateFilterCounts,
  type ResultView,
} from './search-view';
import { onlyPartialMatches, partialMatchNote } from './results';

const DEBOUNCE_MS = 200;
/** Said when a query holds only punctuation or spaces (searchIndex finds nothing for it). */
const UNSEARCHABLE = '没有找到相关文件：检索词中只有标点符号或空格，请输入要查找的汉字、字母或数字。';

/* ---------------------------------------------------------------------- loading data */

type Registry = Record<string, unknown>;
const registry = (): Registry => ((self as unknown as Record<string, Registry>)[SEARCH_GLOBAL] ??= {});

/** This script's folder (`…/_search/`) and the mirror's root, as file:// (or http) URLs. */
const scriptUrl = (document.currentScript as HTMLScriptElement | null)?.src ?? location.href;
const searchDir = new URL('./', scriptUrl);
const mirrorRoot = new URL('../', searchDir);

const loading = new Map<string, Promise<unknown>>();

/** Loads a data script once and returns what it stored under `key`. */
function loadData<T>(key: string, path: string): Promise<T> {
  if (key in registry()) return Promise.resolve(registry()[key] as T);
  let promise = loading.get(key);
  if (!promise) {
    promise = new Promise((resolve, reject) => {
      const script = document.createElement('script');
      script.src = new URL(path, searchDir).href;
      script.onload = () =>
        key in registry() ? resolve(registry()[key]) : reject(new Error(`${path} stored no ${key}`));
      script.onerror = () => {
        loading.delete(key);
        reject(new Error(`could not load ${path}`));
      };
      document.head.append(script);
    });
    loading.set(key, promise);
  }
  return promise as Promise<T>;
}

const loadManifest = () => loadData<SearchManifest>(searchDataKey.manifest, searchDataPath.manifest);

async function loadShards(manifest: SearchManifest, text: string): Promise<Map<number, Shard>> {
  const numbers = shardsForQuery(text, manifest.shardCount);
  const shards = await Promise.all(
    numbers.map((n) => loadData<Shard>(searchDataKey.shard(n), searchDataPath.shard(n))),
  );
  return new Map(numbers.map((n, i) => [n, shards[i]!]));
}

const page = searchPageElements();
const { form, input, sortSelect, filterGroups, clearFilters, statusBox, numberHit, resultsList, moreButton } = page;

/* ----------------------------------------------------------------------------- state */

const initial = parseSearchState(location.search);
let generation = 0;
let debounceTimer: ReturnType<typeof setTimeout> | undefined;
let composing = false;
/** What "显示更多结果" continues from. */
let pending: { ids: number[]; next: number; phrases: QueryPhrase[] } | null = null;
/** Title and text of each result shown, to tell whether any holds the whole query. */
let shownTexts: string[] = [];

function readForm(): SearchState {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
  // Until the filter boxes exist, the filters asked for by the URL still apply.
  if (!filterGroups.hasChildNodes())
    for (const key of FILTER_KEYS) for (const value of initial.filters[key]) params.append(key, value);
  return parseSearchState(params);
}

function syncUrl(state: SearchState): void {
  const url = `${location.pathname}${searchStateToQueryString(state)}${location.hash}`;
  try {
    if (url !== `${location.pathname}${location.search}${location.hash}`) history.replaceState(history.state, '', url);
  } catch {
    // Some browsers refuse history changes on file:// pages; the search still works.
  }
}

/** A result's view; its excerpt is cut from the document's text, loaded on demand. */
async function withExcerpt(
  view: ResultView,
  id: number | undefined,
  phrases: readonly QueryPhrase[],
): Promise<ResultView> {
  if (id === undefined || phrases.length === 0) return view;
  const text = await loadData<string>(searchDataKey.text(id), searchDataPath.text(id));
  shownTexts.push(`${view.title}\n${text}`);
  return { ...view, excerptParts: excerpt(text, phrases) };
}

function documentView(manifest: SearchManifest, id: number): ResultView {
  const { url, meta } = manifest.documents[id]!;
  return {
    url: new URL(url, mirrorRoot).href,
    title: meta.title ?? '',
    number: meta.number,
    date: meta.date,
    issuer: meta.issuer,
    status: meta.status,
    issue: meta.issue,
    page: meta.page,
  };
}

function pinnedView(entry: NumberEntry): ResultView {
  return { ...entry, url: new URL(entry.url, mirrorRoot).href, issuer: entry.issuers.join('、'), numberMatch: true };
}

async function renderMore(token: number, manifest: SearchManifest, focusFirst: boolean): Promise<void> {
  if (!pending) return;
  const { ids, next, phrases } = pending;
  const batch = ids.slice(next, next + PAGE_SIZE);
  pending.next = next + batch.length;
  const views = await Promise.all(batch.map((id) => withExcerpt(documentView(manifest, id), id, phrases)));
  if (token !== generation) return;
  const items = views.map(renderResult);
  resultsList.append(...items);
  moreButton.hidden = next + batch.length >= ids.length;
  if (focusFirst) items[0]?.querySelector<HTMLAnchorElement>('a.result-title')?.focus();
}

/* ---------------------------------------------------------------------------- search */

async function runSearch(state: SearchState): Promise<void> {
  const token = ++generation;
  clearTimeout(debounceTimer);
  clearFilters.hidden = !hasFilters(state);
  pending = null;
  shownTexts = [];
  try {
    const manifest = await loadManifest();
    if (!filterGroups.hasChildNodes()) buildFilterGroups(page, allFilterCounts(manifest), state);
    if (token !== generation) return;
    if (isEmptySearch(state)) {
      resultsList.replaceChildren();
      moreButton.hidden = true;
      showNumberHit(numberHit, null);
      updateFilterCounts(page, allFilterCounts(manifest));
      setResultsState(resultsList, 'idle');
      statusBox.textContent = '';
      return;
    }
    setResultsState(resultsList, 'loading');
    statusBox.textContent = '正在检索…';
    const numberQuery = state.q ? classifyNumberQuery(state.q) : null;
    const pinned = numberQuery ? lookupNumber(numberQuery, manifest.numbers, manifest.numberContext) : null;
    const text = state.q ? fullTextQuery(state.q, numberQuery) : '';
    const result = searchIndex(manifest, await loadShards(manifest, text), {
      text,
      filters: state.filters,
      sort: state.sort,
    });
    const pinnedId = pinned ? manifest.documents.findIndex((doc) => doc.url === pinned.url) : -1;
    const ids = result.matches.map((match) => match.id).filter((id) => id !== pinnedId);
    pending = { ids, next: 0, phrases: result.phrases };
    const first = pinned
      ? [renderResult(await withExcerpt(pinnedView(pinned), pinnedId >= 0 ? pinnedId : undefined, result.phrases))]
      : [];
    if (token !== generation) return;
    resultsList.replaceChildren(...first);
    showNumberHit(numberHit, pinned && { ...pinned, url: new URL(pinned.url, mirrorRoot).href });
    await renderMore(token, manifest, false);
    if (token !== generation) return;
    updateFilterCounts(page, state.q ? result.counts : allFilterCounts(manifest));
    setResultsState(resultsList, 'done');
    const partial = !pinned && ids.length > 0 && onlyPartialMatches(state.q, shownTexts);
    statusBox.textContent =
      result.unsearchable && !pinned
        ? UNSEARCHABLE
        : searchStatus({
            total: ids.length + first.length,
            shown: resultsList.childElementCount,
            pinnedNumber: pinned?.number,
            filtered: hasFilters(state),
          }) + (partial ? partialMatchNote(state.q) : '');
  } catch (error) {
    if (token !== generation) return;
    console.error('offline search failed', error);
    resultsList.replaceChildren();
    moreButton.hidden = true;
    showNumberHit(numberHit, null);
    setResultsState(resultsList, 'error');
    statusBox.textContent = '检索索引无法加载：请确认镜像文件夹完整（可用 SHA256SUMS 校验），再刷新本页。';
  }
}

function searchNow(): void {
  const state = readForm();
  syncUrl(state);
  void runSearch(state);
}

/* ------------------------------------------------------------------------------ wire */

input.addEventListener('compositionstart', () => (composing = true));
input.addEventListener('compositionend', () => {
  composing = false;
  input.dispatchEvent(new Event('input'));
});
input.addEventListener('input', () => {
  // Wait for the IME to commit (拼音 input) rather than searching for half-typed syllables.
  if (composing) return;
  clearTimeout(debounceTimer);
  setResultsState(resultsList, 'loading');
  statusBox.textContent = input.value.trim() ? '正在检索…' : '';
  debounceTimer = setTimeout(searchNow, DEBOUNCE_MS);
});
form.addEventListener('submit', (event) => {
  event.preventDefault();
  searchNow();
});
form.addEventListener('change', (event) => {
  if (event.target !== input) searchNow();
});
clearFilters.addEventListener('click', () => {
  for (const box of filterGroups.querySelectorAll<HTMLInputElement>('input[type="checkbox"]')) box.checked = false;
  searchNow();
  input.focus();
});
moreButton.addEventListener(
  'click',
  () => void loadManifest().then((manifest) => renderMore(generation, manifest, true)),
);

page.layout.hidden = false;
input.value = initial.q;
sortSelect.value = initial.sort;
syncUrl(initial);
void runSearch(initial);
