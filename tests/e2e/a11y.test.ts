/**
 * axe-core (WCAG 2.0/2.1/2.2, A and AA) finds no violations on any kind of page, in the light
 * theme and in the dark one (prefers-color-scheme: dark).
 */
import { describe, expect, test } from 'vitest';
import { CONTRACT_PAGES, RESULTS_DONE } from '../helpers/archive';
import { checkA11y } from '../helpers/browser';
import { useSite } from '../helpers/site';

const site = useSite('root');

const PAGES: [name: string, path: string][] = [
  ['home', CONTRACT_PAGES.home],
  ['year', CONTRACT_PAGES.year],
  ['issue', CONTRACT_PAGES.issue],
  ['document', CONTRACT_PAGES.document],
  ['issuers', CONTRACT_PAGES.issuers],
  ['types', CONTRACT_PAGES.types],
  ['numbers', CONTRACT_PAGES.numbers],
  ['about', CONTRACT_PAGES.about],
];
const SCHEMES = ['light', 'dark'] as const;

describe.each(SCHEMES)('accessibility (axe-core, WCAG A + AA), %s theme', (colorScheme) => {
  test('the page follows the theme', async () => {
    const { page } = await site.open(CONTRACT_PAGES.home, { colorScheme });
    const background = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    expect(background).toBe(colorScheme === 'dark' ? 'rgb(13, 17, 23)' : 'rgb(255, 255, 255)');
  });

  test.each(PAGES)('%s page (/%s) has no violations', async (_name, path) => {
    const { page, response } = await site.open(path, { colorScheme });
    expect(response?.status()).toBe(200);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
    expect(await checkA11y(page)).toEqual([]);
  });

  test('search page with results has no violations', async () => {
    const { page, response } = await site.open(`search/?q=${encodeURIComponent('人才贷')}`, { colorScheme });
    expect(response?.status()).toBe(200);
    await page.locator(RESULTS_DONE).waitFor({ state: 'attached', timeout: 20_000 });
    expect(await page.locator('ol#search-results > li.search-result').count()).toBeGreaterThan(0);
    expect(await checkA11y(page)).toEqual([]);
  });

  test('404 page (answered with status 404 for an unknown URL) has no violations', async () => {
    const { page, response } = await site.open('no-such-page/', { colorScheme });
    expect(response?.status()).toBe(404);
    expect(await page.evaluate(() => document.documentElement.lang)).toMatch(/^zh/);
    // The 404 page speaks Chinese.
    expect(await page.locator('body').innerText()).toMatch(/[\u4e00-\u9fff]/);
    expect(await checkA11y(page)).toEqual([]);
  });
});
