/**
 * The search page explains itself (issue 14): “正在检索…” from the first keystroke while the
 * engine is still loading, a note when no result holds the whole query, one highlight per
 * matched run, the document of a 文号 as a direct link, status and 刊载期/页 in each result,
 * results before filters on a phone, a page without JavaScript that points elsewhere, one
 * search box per page, the engine prefetched when a search box gets focus, and the newest
 * documents whose titles hold the query listed while the engine is still loading.
 */
import type { Page, Route } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DOC_56, ISSUE_TOC, RESULTS_DONE, docPathPattern, readSearchResults } from '../helpers/archive';
import { useSite } from '../helpers/site';

const site = useSite('root');

/** Holds every request matching `pattern` until release() is called. */
async function holdRequests(page: Page, pattern: string) {
  const held: Route[] = [];
  let released = false;
  await page.route(pattern, (route) => (released ? route.continue() : void held.push(route)));
  return {
    held,
    release: async () => {
      released = true;
      await Promise.all(held.splice(0).map((route) => route.continue()));
    },
  };
}

/** Paths of the requests the page makes under /pagefind/ from now on. */
function pagefindRequests(page: Page): string[] {
  const paths: string[] = [];
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname;
    if (path.includes('/pagefind/')) paths.push(path);
  });
  return paths;
}

describe('search states', () => {
  test('says “正在检索…” from the first keystroke, while the engine is still loading', async () => {
    const { page, pageErrors } = await site.newPage();
    const engine = await holdRequests(page, '**/pagefind/*.{js,pagefind,pf_meta}');
    // Not waiting for "load": the page's modulepreload of pagefind.js is held too.
    await page.goto(site.url('search/'), { waitUntil: 'domcontentloaded' });
    await page.locator('#search-layout').waitFor({ state: 'visible' });
    await page.locator('#search-input').pressSequentially('人才贷');
    await expect.poll(() => page.locator('#search-status').textContent()).toContain('正在检索');
    expect(await page.locator('#search-status').isVisible()).toBe(true);
    expect(await page.locator('ol#search-results').getAttribute('data-state')).toBe('loading');
    expect(engine.held.length, 'engine requests held back').toBeGreaterThan(0);

    await engine.release();
    const results = await readSearchResults(page);
    expect(results[0]!.path).toMatch(docPathPattern(DOC_56.slug));
    expect(await page.locator('#search-status').textContent()).toMatch(/找到 \d+ 篇/u);
    expect(pageErrors).toEqual([]);
  });

  test('notes when no result holds the whole query, and not when one does', async () => {
    const { page } = await site.open(`search/?q=${encodeURIComponent('鸭才')}`);
    const results = await readSearchResults(page);
    expect(results.length, 'results holding 才 alone').toBeGreaterThan(0);
    expect(await page.locator('#search-status').textContent()).toContain(
      '没有完全匹配“鸭才”的结果，以下结果只包含部分词语',
    );

    await page.goto(site.url(`search/?q=${encodeURIComponent('人才贷')}`));
    await readSearchResults(page);
    expect(await page.locator('#search-status').textContent()).not.toContain('没有完全匹配');
  });

  test('merges adjacent highlights into one', async () => {
    const { page } = await site.open(`search/?q=${encodeURIComponent('人才贷')}`);
    const [first] = await readSearchResults(page);
    expect(first!.excerptHtml).toContain('<mark>人才贷</mark>');
    const all = await page.$$eval('.result-excerpt', (ps) => ps.map((p) => p.innerHTML).join(''));
    expect(all).not.toContain('</mark><mark>');
  });

  test('offers the document of an exact 文号 as a direct link above the results', async () => {
    const { page } = await site.open(`search/?q=${encodeURIComponent('淄政办字[2020]56号')}`);
    await readSearchResults(page);
    const hit = page.locator('#search-number-hit');
    expect(await hit.isVisible()).toBe(true);
    expect(await hit.textContent()).toContain(DOC_56.number);
    const link = hit.locator('a');
    expect(await link.textContent()).toBe(DOC_56.title);
    expect(new URL((await link.getAttribute('href'))!, page.url()).pathname).toMatch(docPathPattern(DOC_56.slug));
    const [hitBox, list] = await Promise.all([hit.boundingBox(), page.locator('#search-results').boundingBox()]);
    expect(hitBox!.y).toBeLessThan(list!.y);

    await page.goto(site.url(`search/?q=${encodeURIComponent('人才贷')}`));
    await readSearchResults(page);
    expect(await page.locator('#search-number-hit').isHidden()).toBe(true);
  });

  test('shows each result’s status (if not 有效) and where the gazette printed it', async () => {
    const { page } = await site.open(`search/?q=${encodeURIComponent('淄博')}`);
    await readSearchResults(page);
    const shown = await page.$$eval('#search-results > li', (items) =>
      items.map((li) => ({
        path: new URL(li.querySelector<HTMLAnchorElement>('a.result-title')!.href).pathname,
        status: li.querySelector('.result-heading .result-status')?.textContent ?? '',
        issue: li.querySelector('.result-issue')?.textContent ?? '',
      })),
    );
    expect(shown.length).toBeGreaterThan(0);
    for (const result of shown) {
      const doc = ISSUE_TOC.find((d) => result.path.includes(d.slug));
      if (doc) expect(result.issue, result.path).toBe(`2020年第7期 第${doc.page}页`);
      else expect(result.issue, result.path).toMatch(/^\d{4}年第\d+期 第\d+页$/u);
    }
    // 56号 expired (issue 14: the only hit for 人才贷 did not say so).
    const doc56 = shown.find((r) => r.path.includes(DOC_56.slug));
    expect(doc56?.status).toBe('已失效');
    expect(shown.every((r) => r.status !== '有效')).toBe(true);
  });
});

describe('title pre-answer', () => {
  /** The titles of the sample that hold 工作: 56号, 57号 and 58号. */
  const QUERY = '工作';

  /** The list as shown: each item's key (title:<url> for the pre-answer's) and its link's path. */
  const shownItems = (page: Page) =>
    page.$$eval('#search-results > li', (items) =>
      items.map((li) => ({
        key: (li as HTMLElement).dataset.key ?? '',
        path: new URL(li.querySelector<HTMLAnchorElement>('a.result-title')!.href).pathname,
        title: li.querySelector('a.result-title')!.textContent ?? '',
      })),
    );

  test('lists the newest documents whose titles hold the query before the engine has answered, then the full-text answer', async () => {
    const { page, pageErrors } = await site.newPage();
    const engine = await holdRequests(page, '**/pagefind/**');
    await page.goto(site.url(`search/?q=${encodeURIComponent(QUERY)}`), { waitUntil: 'domcontentloaded' });
    await page.locator('#search-results > li').first().waitFor({ state: 'visible' });

    const early = await shownItems(page);
    expect(early.map((item) => item.path)).toEqual(
      ['zzbz-2020-56', 'zzbz-2020-57', 'zzbz-2020-58'].map((slug) => `/2020/07/${slug}/`),
    );
    expect(early.every((item) => item.title.includes(QUERY))).toBe(true);
    expect(early.every((item) => item.key.startsWith('title:'))).toBe(true);
    expect(await page.locator('ol#search-results').getAttribute('data-state')).toBe('partial');
    expect(await page.locator('#search-status').textContent()).toContain('已先列出标题含检索词的最近文件 3 篇');
    expect(engine.held.length, 'nothing of Pagefind has answered').toBeGreaterThan(0);

    await engine.release();
    const results = await readSearchResults(page);
    const final = await shownItems(page);
    expect(
      final.some((item) => item.key.startsWith('title:')),
      'unreached items replaced',
    ).toBe(false);
    expect(results.length).toBeGreaterThanOrEqual(3);
    expect(await page.locator('#search-status').textContent()).toMatch(/找到 \d+ 篇/u);
    expect(pageErrors).toEqual([]);
  });

  test('keeps an item the reader points at in its place, with its excerpt, and does not list its document twice', async () => {
    const { page, pageErrors } = await site.newPage();
    const engine = await holdRequests(page, '**/pagefind/**');
    await page.goto(site.url(`search/?q=${encodeURIComponent(QUERY)}`), { waitUntil: 'domcontentloaded' });
    const first = page.locator('#search-results > li').first();
    await first.waitFor({ state: 'visible' });
    const [pointed] = await shownItems(page);
    await first.hover();

    await engine.release();
    await readSearchResults(page);
    const final = await shownItems(page);
    expect(final[0]).toEqual(pointed);
    expect(final.filter((item) => item.path === pointed!.path)).toHaveLength(1);
    // Drawn again in place once its full-text result came: with its excerpt (all five documents are results).
    expect(await page.locator('#search-results > li').first().locator('.result-excerpt mark').count()).toBeGreaterThan(
      0,
    );
    expect(final.slice(1).every((item) => !item.key.startsWith('title:'))).toBe(true);
    expect(pageErrors).toEqual([]);
  });

  test('is not used for a 文号, with filters, or once the engine is loaded', async () => {
    const { page } = await site.newPage();
    // Counts every pre-answer item ever put in the list, even one replaced a moment later.
    await page.addInitScript(() => {
      const seen = { count: 0 };
      Object.assign(window, { __titleItems: seen });
      new MutationObserver((records) => {
        for (const record of records)
          for (const node of record.addedNodes)
            if (node instanceof HTMLElement && node.dataset.key?.startsWith('title:')) seen.count += 1;
      }).observe(document, { subtree: true, childList: true });
    });
    const titleItems = () =>
      page.evaluate(() => (window as unknown as { __titleItems: { count: number } }).__titleItems.count);
    const afterFrames = () =>
      page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 50))));

    const queries = [
      `${encodeURIComponent(QUERY)}&type=${encodeURIComponent('意见')}`,
      encodeURIComponent(DOC_56.number),
    ];
    for (const query of queries) {
      // The engine is held until the titles have arrived, so that a pre-answer would have come first.
      const engine = await holdRequests(page, '**/pagefind/**');
      const titles = page.waitForResponse((response) => response.url().endsWith('/search/recent.json'));
      await page.goto(site.url(`search/?q=${query}`), { waitUntil: 'domcontentloaded' });
      await titles;
      await afterFrames();
      await engine.release();
      await page.unroute('**/pagefind/**');
      await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });
      expect(await titleItems(), decodeURIComponent(query)).toBe(0);
    }
    // A second query in the same page: the engine is loaded and answers it at once.
    await page.locator('#search-input').fill(QUERY); // says 正在检索… at once (scheduleSearch)
    expect(await page.locator('ol#search-results').getAttribute('data-state')).toBe('loading');
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });
    expect(await readSearchResults(page)).not.toEqual([]);
    expect(await titleItems()).toBe(0);
  });
});

describe('search page layout', () => {
  test('on a 390 px phone the results come before the filters, on the first screen', async () => {
    const { page } = await site.open(`search/?q=${encodeURIComponent('淄博')}`, {
      viewport: { width: 390, height: 844 },
    });
    await readSearchResults(page);
    await page.locator('#search-filters').waitFor({ state: 'visible' });
    const first = await page.locator('#search-results > li').first().boundingBox();
    const filters = await page.locator('#search-filters').boundingBox();
    expect(first!.y).toBeLessThan(filters!.y);
    expect(first!.y).toBeLessThan(844);

    // Side by side on a wide screen: filters on the left, results on the right.
    await page.setViewportSize({ width: 1280, height: 900 });
    const [wideFirst, wideFilters] = await Promise.all([
      page.locator('#search-results > li').first().boundingBox(),
      page.locator('#search-filters').boundingBox(),
    ]);
    expect(wideFilters!.x).toBeLessThan(wideFirst!.x);
  });

  test('has one search box per page: the header’s, or on the search page its own', async () => {
    const { page } = await site.open(DOC_56.path);
    expect(await page.locator('form[role="search"]').count()).toBe(1);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    for (const path of ['', '2020/', '2020/07/', 'issuers/', 'numbers/', 'types/', 'about/']) {
      await page.goto(site.url(path));
      expect(await page.locator('form[role="search"]').count(), path).toBe(1);
      expect(await page.locator('input[type="search"]').count(), path).toBe(1);
    }
    await page.goto(site.url('search/'));
    expect(await page.locator('form[role="search"]').count()).toBe(1);
    expect(await page.locator('input[type="search"]').count()).toBe(1);
    expect(await page.locator('header form').count()).toBe(0);
  });

  test('without JavaScript: no empty toolbar, a note pointing to the 文号 index and the browse pages', async () => {
    const { page } = await site.open(`search/?q=${encodeURIComponent('人才贷')}`, { javaScriptEnabled: false });
    const note = page.locator('.search-noscript');
    expect(await note.isVisible()).toBe(true);
    expect(await note.textContent()).toContain('JavaScript');
    const links = await note
      .locator('a')
      .evaluateAll((as) => as.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(links).toEqual(expect.arrayContaining(['/numbers/', '/issuers/', '/types/', '/']));
    expect(await page.locator('#search-layout').isHidden()).toBe(true);
    expect(await page.locator('.search-toolbar').isHidden()).toBe(true);
    // The form still submits to this page, so a search typed here is kept in the URL.
    const form = page.locator('#search-form');
    expect(await form.getAttribute('method')).toBe('get');
    expect(new URL((await form.getAttribute('action'))!, page.url()).pathname).toBe('/search/');
  });
});

describe('prefetch on focus', () => {
  test('the header box on any page prefetches the engine and the newest shard when focused', async () => {
    const { page } = await site.newPage();
    const requests = pagefindRequests(page);
    await page.goto(site.url('2020/07/'), { waitUntil: 'networkidle' });
    expect(requests, 'nothing of the search before focus').toEqual([]);
    await page.locator('header input[name="q"]').focus();
    await expect
      .poll(() => requests.filter((path) => /\.(pf_meta|pagefind)$|pagefind\.js$/u.test(path)).length)
      .toBeGreaterThanOrEqual(3);
    expect(requests.some((path) => path.endsWith('/pagefind/pagefind.js'))).toBe(true);
    expect(requests.some((path) => /\/pagefind\/wasm\.[^/]+\.pagefind$/u.test(path))).toBe(true);
    expect(requests.some((path) => /\/pagefind\/pagefind\.[^/]+\.pf_meta$/u.test(path))).toBe(true);
    expect(requests.some((path) => path.includes('/pagefind/shards/'))).toBe(false);
  });

  test('the search page loads the engine when its box gets focus, not before', async () => {
    const { page } = await site.newPage();
    const requests = pagefindRequests(page);
    await page.goto(site.url('search/'), { waitUntil: 'networkidle' });
    expect(requests.filter((path) => /\.(pf_meta|pagefind)$/u.test(path))).toEqual([]);
    await page.locator('#search-input').focus();
    await expect.poll(() => requests.filter((path) => /\.(pf_meta|pagefind)$/u.test(path)).length).toBe(2);
    await page.locator('#search-input').fill('人才贷');
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });
  });
});
