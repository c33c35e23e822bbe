/**
 * The search page's view, shared by both of its clients: the online one (search-page.ts, over
 * Pagefind) and the offline mirror's (src/search/client/offline-search.ts, over the mirror's
 * own index). Elements of src/pages/search.astro, the filter boxes, a result, the status line:
 * one page, one way of drawing it, whichever engine found the results.
 */
import { formatChineseDate } from '../../domain/dates';
import { FILTER_KEYS, type FilterKey, type SearchState } from '../state';
import { mergeAdjacentMarks, mergeMarkParts } from './results';

export type FilterCounts = Record<string, Record<string, number>>;

export const FILTER_LABELS: Record<FilterKey, string> = {
  year: '年份',
  issuer: '发文机关',
  type: '文种',
  section: '栏目',
  status: '状态',
};

export const PAGE_SIZE = 10;

function byId<T extends HTMLElement>(id: string): T {
  const element = document.getElementById(id);
  if (!element) throw new Error(`search page: #${id} is missing`);
  return element as T;
}

/** The elements of src/pages/search.astro that the clients fill. */
export function searchPageElements() {
  return {
    form: byId<HTMLFormElement>('search-form'),
    input: byId<HTMLInputElement>('search-input'),
    sortSelect: byId<HTMLSelectElement>('search-sort'),
    filtersBox: byId<HTMLElement>('search-filters'),
    filterGroups: byId<HTMLElement>('search-filter-groups'),
    clearFilters: byId<HTMLButtonElement>('search-clear-filters'),
    statusBox: byId<HTMLElement>('search-status'),
    numberHit: byId<HTMLElement>('search-number-hit'),
    resultsList: byId<HTMLOListElement>('search-results'),
    moreButton: byId<HTMLButtonElement>('search-more'),
    layout: byId<HTMLElement>('search-layout'),
  };
}

export type SearchPageElements = ReturnType<typeof searchPageElements>;

/**
 * Where a search stands: 'partial' when the list shows what some of the index has answered
 * while the rest is still being searched, 'done' when it shows what the whole index found.
 */
export type ResultsState = 'idle' | 'loading' | 'partial' | 'done' | 'error';

/** `data-state` tells tests and styles where a search stands. */
export function setResultsState(list: HTMLElement, state: ResultsState): void {
  list.dataset.state = state;
  list.setAttribute('aria-busy', state === 'loading' ? 'true' : 'false');
}

/**
 * The document whose number the query is, as a direct link above the results (or nothing).
 * `url` is the link as the page should follow it.
 */
export function showNumberHit(box: HTMLElement, entry: { url: string; title: string; number: string } | null): void {
  box.hidden = entry === null;
  if (!entry) {
    box.replaceChildren();
    return;
  }
  const link = text('a', 'search-number-hit-link', entry.title) as HTMLAnchorElement;
  link.href = entry.url;
  box.replaceChildren(text('span', 'search-number-hit-label', `文号 ${entry.number}：`), link);
}

/* ------------------------------------------------------------------------------- filters */

function sortFilterValues(key: FilterKey, counts: Record<string, number>): string[] {
  const values = Object.keys(counts);
  if (key === 'year') return values.sort((a, b) => (parseInt(b, 10) || 0) - (parseInt(a, 10) || 0));
  return values.sort((a, b) => (counts[b] ?? 0) - (counts[a] ?? 0) || a.localeCompare(b, 'zh-Hans-CN'));
}

function text(tag: string, className: string, content: string): HTMLElement {
  const element = document.createElement(tag);
  if (className) element.className = className;
  element.textContent = content;
  return element;
}

/** A fieldset of checkboxes for each filter key that has values, ticked as `state` says. */
export function buildFilterGroups(
  { filterGroups, filtersBox }: SearchPageElements,
  all: FilterCounts,
  state: SearchState,
): void {
  filterGroups.replaceChildren();
  for (const key of FILTER_KEYS) {
    const counts = { ...(all[key] ?? {}) };
    // Keep values asked for by the URL even if the index has no such value, so they can be unticked.
    for (const value of state.filters[key]) counts[value] ??= 0;
    const values = sortFilterValues(key, counts);
    if (values.length === 0) continue;

    const fieldset = document.createElement('fieldset');
    fieldset.className = 'search-filter';
    fieldset.dataset.filter = key;
    fieldset.append(text('legend', '', FILTER_LABELS[key]));
    const list = document.createElement('ul');
    list.className = 'search-filter-options';
    values.forEach((value, i) => {
      const item = document.createElement('li');
      const box = document.createElement('input');
      box.type = 'checkbox';
      box.name = key;
      box.value = value;
      box.id = `filter-${key}-${i}`;
      box.checked = state.filters[key].includes(value);
      const label = document.createElement('label');
      label.htmlFor = box.id;
      const count = text('span', 'search-filter-count', `（${counts[value] ?? 0}）`);
      count.dataset.value = value;
      label.append(text('span', 'search-filter-name', value), count);
      item.append(box, label);
      list.append(item);
    });
    fieldset.append(list);
    filterGroups.append(fieldset);
  }
  filtersBox.hidden = filterGroups.childElementCount === 0;
}

/**
 * Shows, for each value, how many documents the current query has with it. Keys absent from
 * `counts` (not loaded yet) keep what they show.
 */
export function updateFilterCounts({ filterGroups }: SearchPageElements, counts: FilterCounts): void {
  for (const fieldset of filterGroups.querySelectorAll<HTMLFieldSetElement>('fieldset[data-filter]')) {
    const key = fieldset.dataset.filter!;
    if (!counts[key]) continue;
    for (const span of fieldset.querySelectorAll<HTMLElement>('.search-filter-count')) {
      const n = counts[key]?.[span.dataset.value!] ?? 0;
      span.textContent = `（${n}）`;
      span.closest('li')?.classList.toggle('is-empty', n === 0);
    }
  }
}

/* ------------------------------------------------------------------------------- results */

export interface ResultView {
  url: string;
  title: string;
  number?: string;
  date?: string;
  issuer?: string;
  /** Legal status (有效, 已失效, 已废止, 已修改): a badge unless 有效. */
  status?: string;
  /** Where the gazette printed it: the issue's label (2020年第7期) and the page. */
  issue?: string;
  page?: string;
  /** Pagefind's excerpt: HTML with entities escaped and <mark> around matches. */
  excerptHtml?: string;
  /** An excerpt as text parts, the matches marked. */
  excerptParts?: readonly { text: string; mark: boolean }[];
  /** Plain text shown when there is no excerpt. */
  note?: string;
  numberMatch?: boolean;
}

function metaRow(label: string, value: HTMLElement): HTMLElement {
  const row = document.createElement('div');
  row.append(text('dt', 'result-meta-label', label), value);
  return row;
}

function dateElement(iso: string): HTMLElement {
  const dd = document.createElement('dd');
  dd.className = 'result-date';
  const time = document.createElement('time');
  time.dateTime = iso;
  try {
    time.textContent = formatChineseDate(iso);
  } catch {
    time.textContent = iso;
  }
  dd.append(time);
  return dd;
}

export function renderResult(view: ResultView): HTMLLIElement {
  const item = document.createElement('li');
  item.className = 'search-result';
  if (view.numberMatch) item.classList.add('is-number-match');

  const heading = document.createElement('h3');
  heading.className = 'result-heading';
  const link = text('a', 'result-title', view.title || view.url) as HTMLAnchorElement;
  link.href = view.url;
  heading.append(link);
  item.append(heading);

  if (view.numberMatch) item.append(text('p', 'result-badge', '文号匹配'));
  // Only a document no longer (wholly) in force is flagged: the reader must not miss it.
  if (view.status && view.status !== '有效') {
    // Coloured like the lists' badges (global.css .status-badge), in either theme.
    const badge = text('span', 'result-status status-badge', view.status);
    badge.dataset.status = view.status;
    heading.append(' ', badge);
  }

  const meta = document.createElement('dl');
  meta.className = 'result-meta';
  if (view.number) meta.append(metaRow('文号', text('dd', 'result-number', view.number)));
  if (view.date) meta.append(metaRow('成文日期', dateElement(view.date)));
  if (view.issuer) meta.append(metaRow('发文机关', text('dd', 'result-issuer', view.issuer)));
  if (view.issue)
    meta.append(
      metaRow('刊载于', text('dd', 'result-issue', view.page ? `${view.issue} 第${view.page}页` : view.issue)),
    );
  item.append(meta);

  const excerpt = document.createElement('p');
  excerpt.className = 'result-excerpt';
  if (view.excerptHtml)
    excerpt.innerHTML = mergeAdjacentMarks(view.excerptHtml); // Pagefind escapes the text itself
  else if (view.excerptParts?.length) {
    for (const part of mergeMarkParts(view.excerptParts))
      excerpt.append(part.mark ? text('mark', '', part.text) : part.text);
  } else excerpt.textContent = view.note ?? (view.numberMatch ? '发文字号与检索词一致。' : '');
  item.append(excerpt);
  return item;
}

/** The status line after a search (read out by screen readers: role="status"). */
export function searchStatus({
  total,
  shown,
  pinnedNumber,
  filtered,
}: {
  total: number;
  shown: number;
  pinnedNumber?: string;
  filtered: boolean;
}): string {
  if (total === 0) {
    return filtered
      ? '没有找到符合条件的文件。可以减少筛选条件或换用其他检索词。'
      : '没有找到相关文件。可以换用其他检索词，或减少检索词的数量。';
  }
  return (
    `找到 ${total} 篇文件` +
    (pinnedNumber ? `，发文字号 ${pinnedNumber} 对应的文件排在第一位` : '') +
    (total > PAGE_SIZE ? `，先显示前 ${Math.min(PAGE_SIZE, shown)} 篇` : '') +
    '。'
  );
}
