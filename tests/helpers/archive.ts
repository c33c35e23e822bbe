/**
 * What the end-to-end tests expect of the sample archive (content/), and small
 * page helpers shared by the e2e files.
 */
import type { Page } from 'playwright-core';

export const ISSUE_PATH = '2020/07/';
export const YEAR_PATH = '2020/';

export interface SampleDoc {
  slug: string;
  number: string;
  page: number;
}

/** The 2020年第7期 table of contents in printed order. */
export const ISSUE_TOC: SampleDoc[] = [
  { slug: 'zzbf-2020-5', number: '淄政办发〔2020〕5号', page: 1 },
  { slug: 'zzbz-2020-54', number: '淄政办字〔2020〕54号', page: 9 },
  { slug: 'zzbz-2020-56', number: '淄政办字〔2020〕56号', page: 13 },
  { slug: 'zzbz-2020-57', number: '淄政办字〔2020〕57号', page: 16 },
  { slug: 'zzbz-2020-58', number: '淄政办字〔2020〕58号', page: 25 },
];

export const DOC_56 = {
  slug: 'zzbz-2020-56',
  path: '2020/07/zzbz-2020-56/',
  title: '关于进一步做好新形势下中小微企业融资服务工作的意见',
  number: '淄政办字〔2020〕56号',
};

/** Pages that exist in every build, relative to the base. */
export const CONTRACT_PAGES = {
  home: '',
  year: YEAR_PATH,
  issue: ISSUE_PATH,
  document: DOC_56.path,
  issuers: 'issuers/',
  types: 'types/',
  numbers: 'numbers/',
  about: 'about/',
} as const;

/** Matches the path of a document page URL for a slug: ".../zzbz-2020-56/" (or ".../index.html"). */
export function docPathPattern(slug: string): RegExp {
  return new RegExp(`/${slug.replace(/[-]/g, '\\-')}/(index\\.html)?$`);
}

/** The pathname of a (possibly relative) URL, resolved against the page. */
export function pathnameOf(href: string, pageUrl: string): string {
  return decodeURI(new URL(href, pageUrl).pathname);
}

export const RESULTS_DONE = 'ol#search-results[data-state="done"]';

export interface SearchResultInfo {
  href: string;
  path: string;
  title: string;
  number: string;
  date: string;
  issuer: string;
  excerptHtml: string;
}

/** Waits for Pagefind results to render, then reads them. */
export async function readSearchResults(page: Page): Promise<SearchResultInfo[]> {
  // Fail fast, and say why, when the page has no results list at all (e.g. a 404).
  try {
    await page.locator('ol#search-results').waitFor({ state: 'attached', timeout: 5_000 });
  } catch {
    const title = await page.title().catch(() => '?');
    throw new Error(`no ol#search-results on ${decodeURI(page.url())} (page title: ${title})`);
  }
  try {
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached', timeout: 20_000 });
  } catch {
    const state = await page
      .locator('ol#search-results')
      .getAttribute('data-state')
      .catch(() => null);
    throw new Error(
      `search results never reached data-state="done" on ${decodeURI(page.url())} (data-state: ${state ?? 'none'})`,
    );
  }
  return page.$$eval('ol#search-results > li.search-result', (items) =>
    items.map((li) => {
      const a = li.querySelector<HTMLAnchorElement>('a.result-title');
      const text = (sel: string) => li.querySelector(sel)?.textContent?.trim() ?? '';
      return {
        href: a?.href ?? '',
        path: a ? decodeURI(new URL(a.href).pathname) : '',
        title: a?.textContent?.trim() ?? '',
        number: text('.result-number'),
        date: text('.result-date'),
        issuer: text('.result-issuer'),
        excerptHtml: li.querySelector('.result-excerpt')?.innerHTML ?? '',
      };
    }),
  );
}

/** Every same-origin link (a[href]) on the page, resolved, for base checks. */
export async function sameOriginLinks(page: Page): Promise<string[]> {
  return page.$$eval('a[href]', (as) =>
    as
      .map((a) => (a as HTMLAnchorElement).href)
      .filter((href) => href.startsWith(location.origin))
      .map((href) => decodeURI(new URL(href).pathname)),
  );
}
