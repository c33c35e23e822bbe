/**
 * The offline mirror's search page client (the mirror's search/index.html is the online
 * search page with this script in place of its module script). Bundled by esbuild into one
 * classic script, `_search/search.js`, because pages opened from file:// cannot run module
 * scripts, fetch() files or start Pagefind's worker.
 *
 * It fills the online page's own elements (form, filter box, result list, status line), reads
 * and writes the same URL state (search-state.ts), pins a document-number match first as the
 * online page does, and runs queries with search-engine.ts over the index written by
 * search-index.ts. Data scripts are inserted as classic <script> tags on demand: the manifest
 * at start, a query's shards as it is typed, a result's text to cut its excerpt.
 */
import { formatChineseDate } from '../lib/dates';
import { allFilterCounts, excerpt, searchIndex, shardsForQuery, type EngineResult } from '../lib/mirror/search-engine';
import { SEARCH_GLOBAL, searchDataKey, searchDataPath } from '../lib/mirror/search-files';
import type { SearchManifest, Shard } from '../lib/mirror/search-index';
import type { QueryPhrase } from '../lib/mirror/search-text';
import {
  FILTER_KEYS,
  classifyNumberQuery,
  fullTextQuery,
  isEmptySearch,
  lookupNumber,
  parseSearchState,
  searchStateToQueryString,
  type FilterKey,
  type NumberEntry,
  type SearchState,
} from '../lib/search-state';

const PAGE_SIZE = 10;
const DEBOUNCE_MS = 200;
const FILTER_LABELS: Record<FilterKey, string> = {
  year: '年份',
  issuer: '发文机关',
  type: '文种',
  section: '栏目',
  status: '状态',
};

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
      script.onload = () => (key in registry() ? resolve(registry()[key]) : reject(new Error(`${path} stored no ${key}`)));
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
  const shards = await Promise.all(numbers.map((n) => loadData<Shard>(searchDataKey.shard(n), searchDataPath.shard(n))));
  return new Map(numbers.map((n, i) => [n, shards[i]!]));
}

/* -------------------------------------------------------------------------- elements */

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`offline search: #${id} is missing`);
  return element as T;
}

const form = byId<HTMLFormElement>('search-form');
const input = byId<HTMLInputElement>('search-input');
const sortSelect = byId<HTMLSelectElement>('search-sort');
const filtersBox = byId<HTMLElement>('search-filters');
const filterGroups = byId<HTMLElement>('search-filter-groups');
const clearFilters = byId<HTMLButtonElement>('search-clear-filters');
const statusBox = byId<HTMLElement>('search-status');
const resultsList = byId<HTMLOListElement>('search-results');
const moreButton = byId<HTMLButtonElement>('search-more');

/* ----------------------------------------------------------------------------- state */

const initial = parseSearchState(location.search);
let generation = 0;
let debounceTimer: ReturnType<typeof setTimeout> | undefined;
let composing = false;
/** What "显示更多结果" continues from. */
let pending: { ids: number[]; next: number; phrases: QueryPhrase[] } | null = null;

function readForm(): SearchState {
  const params = new URLSearchParams();
  for (const [key, value] of new FormData(form)) if (typeof value === 'string') params.append(key, value);
  // Until the filter boxes exist, the filters asked for by the URL still apply.
  if (!filterGroups.hasChildNodes()) for (const key of FILTER_KEYS) for (const value of initial.filters[key]) params.append(key, value);
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

function setState(state: 'idle' | 'loading' | 'done' | 'error'): void {
  resultsList.dataset.state = state;
  resultsList.setAttribute('aria-busy', String(state === 'loading'));
}

/* --------------------------------------------------------------------------- filters */

function buildFilters(counts: EngineResult['counts'], state: SearchState): void {
  filterGroups.replaceChildren();
  for (const key of FILTER_KEYS) {
    const values = Object.keys(counts[key] ?? {});
    for (const value of state.filters[key]) if (!values.includes(value)) values.push(value);
    if (values.length === 0) continue;
    values.sort((a, b) =>
      key === 'year'
        ? (parseInt(b, 10) || 0) - (parseInt(a, 10) || 0)
        : (counts[key]?.[b] ?? 0) - (counts[key]?.[a] ?? 0) || a.localeCompare(b, 'zh-Hans-CN'),
    );
    const fieldset = element('fieldset', 'search-filter');
    fieldset.dataset.filter = key;
    fieldset.append(element('legend', '', FILTER_LABELS[key]));
    const list = element('ul', 'search-filter-options');
    values.forEach((value, i) => {
      const box = document.createElement('input');
      Object.assign(box, { type: 'checkbox', name: key, value, id: `filter-${key}-${i}`, checked: state.filters[key].includes(value) });
      const label = element('label');
      label.htmlFor = box.id;
      const count = element('span', 'search-filter-count');
      count.dataset.value = value;
      label.append(element('span', 'search-filter-name', value), count);
      const item = element('li');
      item.append(box, label);
      list.append(item);
    });
    fieldset.append(list);
    filterGroups.append(fieldset);
  }
  filtersBox.hidden = filterGroups.childElementCount === 0;
  updateFilterCounts(counts);
}

function updateFilterCounts(counts: EngineResult['counts']): void {
  for (const span of filterGroups.querySelectorAll<HTMLElement>('.search-filter-count')) {
    const key = span.closest<HTMLElement>('fieldset')!.dataset.filter!;
    const n = counts[key]?.[span.dataset.value!] ?? 0;
    span.textContent = `（${n}）`;
    span.closest('li')!.classList.toggle('is-empty', n === 0);
  }
}

/* --------------------------------------------------------------------------- results */

function element<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function metaRow(list: HTMLElement, label: string, value: HTMLElement): void {
  const row = element('div');
  row.append(element('dt', 'result-meta-label', label), value);
  list.append(row);
}

interface ResultView {
  url: string;
  title: string;
  number?: string;
  date?: string;
  issuer?: string;
  numberMatch: boolean;
}

async function renderResult(view: ResultView, id: number | undefined, phrases: readonly QueryPhrase[]): Promise<HTMLLIElement> {
  const item = element('li', view.numberMatch ? 'search-result is-number-match' : 'search-result');
  const heading = element('h3', 'result-heading');
  const link = element('a', 'result-title', view.title || view.url);
  link.href = new URL(view.url, mirrorRoot).href;
  heading.append(link);
  item.append(heading);
  if (view.numberMatch) item.append(element('p', 'result-badge', '文号匹配'));

  const meta = element('dl', 'result-meta');
  if (view.number) metaRow(meta, '文号', element('dd', 'result-number', view.number));
  if (view.date) {
    const dd = element('dd', 'result-date');
    const time = element('time', '', formatChineseDate(view.date));
    time.dateTime = view.date;
    dd.append(time);
    metaRow(meta, '成文日期', dd);
  }
  if (view.issuer) metaRow(meta, '发文机关', element('dd', 'result-issuer', view.issuer));
  item.append(meta);

  const passage = element('p', 'result-excerpt');
  if (id !== undefined && phrases.length > 0) {
    const text = await loadData<string>(searchDataKey.text(id), searchDataPath.text(id));
    for (const part of excerpt(text, phrases)) passage.append(part.mark ? element('mark', '', part.text) : part.text);
  } else if (view.numberMatch) {
    passage.textContent = '发文字号与检索词一致。';
  }
  item.append(passage);
  return item;
}

function documentView(manifest: SearchManifest, id: number, numberMatch = false): ResultView {
  const { url, meta } = manifest.documents[id]!;
  return { url, title: meta.title ?? '', number: meta.number, date: meta.date, issuer: meta.issuer, numberMatch };
}

function pinnedView(entry: NumberEntry): ResultView {
  return { ...entry, issuer: entry.issuers.join('、'), numberMatch: true };
}

async function renderMore(token: number, manifest: SearchManifest, focusFirst: boolean): Promise<void> {
  if (!pending) return;
  const batch = pending.ids.slice(pending.next, pending.next + PAGE_SIZE);
  pending.next += batch.length;
  const items = await Promise.all(batch.map((id) => renderResult(documentView(manifest, id), id, pending!.phrases)));
  if (token !== generation) return;
  resultsList.append(...items);
  moreButton.hidden = pending.next >= pending.ids.length;
  if (focusFirst) items[0]?.querySelector('a')?.focus();
}

/* ---------------------------------------------------------------------------- search */

async function runSearch(state: SearchState): Promise<void> {
  const token = ++generation;
  clearTimeout(debounceTimer);
  clearFilters.hidden = !FILTER_KEYS.some((key) => state.filters[key].length > 0);
  pending = null;
  try {
    const manifest = await loadManifest();
    if (!filterGroups.hasChildNodes()) buildFilters(allFilterCounts(manifest), state);
    if (isEmptySearch(state)) {
      if (token !== generation) return;
      resultsList.replaceChildren();
      moreButton.hidden = true;
      updateFilterCounts(allFilterCounts(manifest));
      setState('idle');
      statusBox.textContent = '';
      return;
    }
    setState('loading');
    const numberQuery = state.q ? classifyNumberQuery(state.q) : null;
    const pinned = numberQuery ? lookupNumber(numberQuery, manifest.numbers) : null;
    const text = state.q ? fullTextQuery(state.q, numberQuery) : '';
    const shards = await loadShards(manifest, text);
    const result = searchIndex(manifest, shards, { text, filters: state.filters, sort: state.sort });
    const pinnedId = pinned ? manifest.documents.findIndex((doc) => doc.url === pinned.url) : -1;
    const ids = result.matches.map((match) => match.id).filter((id) => id !== pinnedId);
    pending = { ids, next: 0, phrases: result.phrases };
    const first = pinned ? [await renderResult(pinnedView(pinned), pinnedId >= 0 ? pinnedId : undefined, result.phrases)] : [];
    if (token !== generation) return;
    resultsList.replaceChildren(...first);
    await renderMore(token, manifest, false);
    if (token !== generation) return;
    updateFilterCounts(state.q ? result.counts : allFilterCounts(manifest));

    const total = ids.length + first.length;
    setState('done');
    statusBox.textContent =
      total === 0
        ? FILTER_KEYS.some((key) => state.filters[key].length > 0)
          ? '没有找到符合条件的文件。可以减少筛选条件或换用其他检索词。'
          : '没有找到相关文件。可以换用其他检索词，或减少检索词的数量。'
        : `找到 ${total} 篇文件` +
          (pinned ? `，发文字号 ${pinned.number} 对应的文件排在第一位` : '') +
          (total > PAGE_SIZE ? `，先显示前 ${resultsList.childElementCount} 篇` : '') +
          '。';
  } catch (error) {
    if (token !== generation) return;
    console.error('offline search failed', error);
    resultsList.replaceChildren();
    moreButton.hidden = true;
    setState('error');
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
  setState('loading');
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
moreButton.addEventListener('click', () => void loadManifest().then((manifest) => renderMore(generation, manifest, true)));

byId<HTMLElement>('search-layout').hidden = false;
input.value = initial.q;
sortSelect.value = initial.sort;
syncUrl(initial);
void runSearch(initial);
