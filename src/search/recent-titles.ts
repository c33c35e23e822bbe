/**
 * The title pre-answer of the search page: the newest documents' titles in one small file,
 * `search/recent.json`, which the page fetches with its own HTML (a preload) and matches against
 * the query while Pagefind is still starting. On a cold page Pagefind needs its script, worker,
 * WebAssembly, the first answer's shards' metadata and index chunks and then the results'
 * fragments before it can show anything; the titles of the documents a reader most likely
 * looks for are one fetch away. What it shows is provisional: the full-text answer replaces
 * every item the reader has not reached (results.ts, mergeProgressive), so the final order is
 * Pagefind's alone.
 *
 * A title matches as rank.ts's first two tiers do (the title, or the title as cited, is or
 * contains the query), so the pre-answer shows what the full-text answer ranks on top.
 *
 * No DOM, no engine: unit-tested in recent-titles.test.ts.
 */
import { officialTitle } from '../domain/official-title';
import { matchForm, matchTier } from './rank';

/** Base-relative path of the file. */
export const RECENT_TITLES_FILE = 'search/recent.json';

/**
 * How many of the newest documents the file lists: about ten issues of a city gazette, the
 * newest shard's worth of a small archive. Each costs about 40 bytes gzipped (the file is
 * 18.5 KB at the benchmark's 10,000 documents), and it is fetched by every cold search,
 * whatever it finds.
 */
export const RECENT_TITLE_COUNT = 500;

/** One document as the pre-answer lists it: what a result shows without an excerpt. */
export interface RecentTitle {
  /** Page URL, with the site's base. */
  url: string;
  /** The title as cited (发文机关 + 关于…), as the page's h1 and the full-text results show it. */
  title: string;
  number?: string;
  /** 成文日期, ISO. */
  date: string;
  issuers: string[];
  /** The issue's label (2020年第7期). */
  issue: string;
  /** The first page in the printed issue. */
  page: number;
  /** Legal status on the build date, when it is not 有效 (the reader must not miss it). */
  status?: string;
}

/** A document as the site model holds it, and what the file needs of it. */
export interface RecentTitleSource {
  url: string;
  title: string;
  number?: string;
  date: string;
  issuers: readonly string[];
  page: number;
  status: string;
}

/**
 * The newest `count` documents, newest issue first and each issue's documents in printed order
 * (the order a reader of the latest issue knows). `issues` are newest first; `describe` is
 * called only for the documents listed.
 */
export function recentTitles<D>(
  issues: readonly { label: string; documents: readonly D[] }[],
  describe: (document: D) => RecentTitleSource,
  count: number = RECENT_TITLE_COUNT,
): RecentTitle[] {
  const out: RecentTitle[] = [];
  for (const issue of issues) {
    for (const document of issue.documents) {
      if (out.length >= count) return out;
      const { url, title, number, date, issuers, page, status } = describe(document);
      out.push({
        url,
        title: officialTitle({ title, issuers }),
        ...(number ? { number } : {}),
        date,
        issuers: [...issuers],
        issue: issue.label,
        page,
        ...(status !== '有效' ? { status } : {}),
      });
    }
  }
  return out;
}

/**
 * The entries whose title (or title as cited) is or contains the query, those it is first, each
 * tier in the file's order (newest first); at most `limit`. A query with nothing to compare
 * (only spaces or marks) matches nothing.
 */
export function matchRecentTitles(entries: readonly RecentTitle[], query: string, limit: number): RecentTitle[] {
  const form = matchForm(query);
  if (!form || limit <= 0) return [];
  const exact: RecentTitle[] = [];
  const containing: RecentTitle[] = [];
  for (const entry of entries) {
    const tier = matchTier(form, { title: entry.title, issuers: entry.issuers, text: false });
    if (tier === 0) exact.push(entry);
    else if (tier === 1) containing.push(entry);
    if (exact.length >= limit) break;
  }
  return [...exact, ...containing].slice(0, limit);
}
