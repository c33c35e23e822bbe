/**
 * The archive built with base "/gazette/" and served under that sub-path:
 * browsing and searching never leave /gazette/, and no asset is missing.
 */
import { describe, expect, test } from 'vitest';
import type { Page } from 'playwright-core';
import { DOC_56, ISSUE_PATH, YEAR_PATH, docPathPattern, readSearchResults, sameOriginLinks } from '../helpers/archive';
import { useSite } from '../helpers/site';

const site = useSite('sub');

async function expectLinksUnderBase(page: Page, base: string): Promise<void> {
  const links = await sameOriginLinks(page);
  expect(links.length, `links on ${page.url()}`).toBeGreaterThan(0);
  const outside = links.filter((p) => !p.startsWith(base));
  expect(outside, `links on ${decodeURI(page.url())} outside ${base}`).toEqual([]);
}

describe('served under /gazette/', () => {
  test('home → year → issue → document: every link and asset stays under /gazette/', async () => {
    const base = site.base;
    expect(base).toBe('/gazette/');
    const { page, response, failedResponses, pageErrors } = await site.open('');
    expect(response?.status()).toBe(200);
    await expectLinksUnderBase(page, base);

    await page.locator(`a[href$="${base}${YEAR_PATH}"]:visible`).first().click();
    await page.waitForURL((u) => u.pathname === `${base}${YEAR_PATH}`);
    await expectLinksUnderBase(page, base);

    await page.locator(`a[href$="${base}${ISSUE_PATH}"]:visible`).first().click();
    await page.waitForURL((u) => u.pathname === `${base}${ISSUE_PATH}`);
    await expectLinksUnderBase(page, base);

    const entry = page.locator('li.toc-entry', { has: page.locator('span.toc-number', { hasText: '56号' }) });
    await entry.locator('a.toc-title').click();
    await page.waitForURL(
      (u) => decodeURI(u.pathname).startsWith(base) && docPathPattern(DOC_56.slug).test(decodeURI(u.pathname)),
    );
    expect(await page.locator('h1').first().innerText()).toContain(DOC_56.title);
    await expectLinksUnderBase(page, base);

    // Stylesheets, scripts, fonts, images: none missing.
    expect(failedResponses).toEqual([]);
    expect(pageErrors).toEqual([]);
  });

  test('the header search works and its results link under /gazette/', async () => {
    const base = site.base;
    const { page, failedResponses, pageErrors } = await site.open('');
    const input = page.locator('header form[role="search"] input[name="q"]');
    await input.fill('人才贷');
    await input.press('Enter');
    await page.waitForURL((u) => u.pathname === `${base}search/` && u.searchParams.get('q') === '人才贷');

    const results = await readSearchResults(page);
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.path).toMatch(docPathPattern(DOC_56.slug));
    expect(results.filter((r) => !r.path.startsWith(base)).map((r) => r.path)).toEqual([]);
    await expectLinksUnderBase(page, base);
    expect(failedResponses).toEqual([]);
    expect(pageErrors).toEqual([]);

    await page.locator('ol#search-results a.result-title').first().click();
    await page.waitForURL((u) => docPathPattern(DOC_56.slug).test(decodeURI(u.pathname)));
    expect(new URL(page.url()).pathname.startsWith(base)).toBe(true);
  });

  test('an unknown URL under /gazette/ gets the 404 page with its assets', async () => {
    const { response, failedResponses } = await site.open('no-such-page/');
    expect(response?.status()).toBe(404);
    expect(failedResponses).toEqual([]);
  });
});
