/**
 * Full-text search (Pagefind) on the built archive: ranking of the sample
 * queries, document-number queries in their usual spellings, the header search
 * box, filters and sorting kept in the URL.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, inject, test } from 'vitest';
import { DOC_56, RESULTS_DONE, docPathPattern, readSearchResults } from '../helpers/archive';
import { formatBytes, recordNetwork } from '../helpers/browser';
import { NUMBER_QUERIES, TERM_QUERIES } from '../helpers/search-queries';
import { useSite } from '../helpers/site';

const site = useSite('root');

describe('search ranking', () => {
  test.each(TERM_QUERIES)('%s → %s first', async (query, slug) => {
    const { page, pageErrors } = await site.open(`search/?q=${encodeURIComponent(query)}`);
    const results = await readSearchResults(page);
    expect(results.length, `results for ${query}`).toBeGreaterThan(0);
    expect(results[0]!.path, `first result for ${query}; all: ${results.map((r) => r.path).join(', ')}`).toMatch(
      docPathPattern(slug),
    );
    expect(pageErrors).toEqual([]);
  });

  test.each(NUMBER_QUERIES)('document number %s → zzbz-2020-56 first', async (query) => {
    const { page } = await site.open(`search/?q=${encodeURIComponent(query)}`);
    const results = await readSearchResults(page);
    expect(results.length, `results for ${query}`).toBeGreaterThan(0);
    expect(results[0]!.path, `first result for ${query}; all: ${results.map((r) => r.path).join(', ')}`).toMatch(
      docPathPattern(DOC_56.slug),
    );
  });
});

describe('search page', () => {
  test('prefills the input from the URL and renders result details with highlighted excerpts', async () => {
    const { page, pageErrors, failedResponses } = await site.open(`search/?q=${encodeURIComponent('人才贷')}`);
    expect(await page.locator('#search-input').inputValue()).toBe('人才贷');
    const results = await readSearchResults(page);
    const first = results[0]!;
    expect(first.title).toContain(DOC_56.title);
    expect(first.number).toContain('56号');
    expect(first.date).not.toBe('');
    expect(first.issuer).not.toBe('');
    expect(first.excerptHtml).toMatch(/<mark>/);
    expect(pageErrors).toEqual([]);
    expect(failedResponses).toEqual([]);
  });

  test('typing in the header search box on the home page lands on the search page with results', async () => {
    const { page } = await site.open('');
    const input = page.locator('header form[role="search"] input[name="q"]');
    await input.fill('人才贷');
    await input.press('Enter');
    await page.waitForURL((u) => u.pathname === '/search/' && u.searchParams.get('q') === '人才贷');
    const results = await readSearchResults(page);
    expect(results.length).toBeGreaterThan(0);
    expect(results[0]!.path).toMatch(docPathPattern(DOC_56.slug));
  });

  test('a type filter (意见) narrows the results, is kept in the URL and survives a reload', async () => {
    const { page } = await site.open(`search/?q=${encodeURIComponent('淄博')}`);
    const before = await readSearchResults(page);
    expect(before.length, 'results for 淄博').toBeGreaterThan(0);

    // The checkbox for 意见: by value, or by its label's text.
    const typeBoxes = page.locator('input[name="type"]');
    expect(await typeBoxes.count(), 'type filter checkboxes').toBeGreaterThan(0);
    const index = await typeBoxes.evaluateAll((inputs) =>
      inputs.findIndex((el) => {
        const input = el as HTMLInputElement;
        const label = [...(input.labels ?? [])].map((l) => l.textContent ?? '').join(' ');
        return input.value === '意见' || label.includes('意见');
      }),
    );
    expect(index, 'a type checkbox for 意见').toBeGreaterThanOrEqual(0);
    const box = typeBoxes.nth(index);
    const value = await box.getAttribute('value');
    await box.check();

    const filterInUrl = () => new URL(page.url()).searchParams.getAll('type').join(',');
    await expect.poll(filterInUrl, { timeout: 10_000 }).toContain(value ?? '意见');
    expect(new URL(page.url()).searchParams.get('q')).toBe('淄博');

    const allOpinions = async () => {
      await page.locator(RESULTS_DONE).waitFor({ state: 'attached' });
      const results = await readSearchResults(page);
      return results.length > 0 && results.every((r) => r.title.includes('意见'));
    };
    await expect.poll(allOpinions, { timeout: 10_000, message: 'every result is an 意见' }).toBe(true);

    await page.reload();
    expect(await page.locator('input[name="type"]').nth(index).isChecked()).toBe(true);
    await expect.poll(allOpinions, { timeout: 10_000, message: 'after reload, every result is an 意见' }).toBe(true);
    expect(filterInUrl()).toContain(value ?? '意见');
  });

  test('the sort order (relevance | date) is a select kept in the URL', async () => {
    const { page } = await site.open(`search/?q=${encodeURIComponent('淄博')}`);
    await readSearchResults(page);
    const values = await page
      .locator('select#search-sort option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    expect(values).toEqual(expect.arrayContaining(['relevance', 'date']));
    await page.locator('select#search-sort').selectOption('date');
    await expect.poll(() => new URL(page.url()).searchParams.get('sort'), { timeout: 10_000 }).toBe('date');
    const results = await readSearchResults(page);
    expect(results.length).toBeGreaterThan(0);
  });

  test('reports the bytes one search transfers (and takes a screenshot)', async () => {
    const { page, pageErrors } = await site.newPage({ viewport: { width: 1280, height: 900 } });
    const network = await recordNetwork(page);
    await page.goto(site.url(`search/?q=${encodeURIComponent('人才贷')}`));
    await readSearchResults(page);
    await network.waitForIdle();

    const origin = site.server.origin;
    const total = network.totalBytes();
    const pagefind = network.totalBytes((r) => r.url.includes('/pagefind/'));
    console.log(
      `search page + one query: ${formatBytes(total)} over ${network.requests.length} requests ` +
        `(pagefind: ${formatBytes(pagefind)})\n${network.summary()}`,
    );
    expect(total).toBeGreaterThan(0);
    const failed = network.requests.filter((r) => r.failed || (r.status ?? 0) >= 400);
    expect(failed.map((r) => `${r.status ?? r.failed} ${r.url}`)).toEqual([]);
    const foreign = network.requests.filter((r) => !r.url.startsWith(origin) && !r.url.startsWith('data:'));
    expect(
      foreign.map((r) => r.url),
      'requests leaving the site',
    ).toEqual([]);
    expect(pageErrors).toEqual([]);
    await network.stop();

    const dir = join(inject('outRoot'), '..', 'screenshots');
    mkdirSync(dir, { recursive: true });
    await page.screenshot({ path: join(dir, 'search.png'), fullPage: true });
  });
});
