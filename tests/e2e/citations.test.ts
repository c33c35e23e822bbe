/**
 * Following citations and backlinks in Chromium, on an archive whose documents cite each other
 * (tests/fixtures/relations-archive, built here under /gazette/), and axe on every page this
 * feature adds or changes, in that archive and in the sample.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, describe, expect, test } from 'vitest';
import { createMirror } from '../../src/mirror/mirror';
import { checkA11y } from '../helpers/browser';
import { readSearchResults } from '../helpers/archive';
import { SAMPLE_README } from '../helpers/mirror';
import { FIXTURE, ORDERS, RELATIONS_BASE } from '../helpers/relations-archive';
import { useRelationsSite } from '../helpers/relations-site';
import { useSite } from '../helpers/site';

const site = useSite('root');
const fixture = useRelationsSite(site);
const out = fixture.out;
const mirrorWork = mkdtempSync(join(tmpdir(), 'gazette-relations-mirror-'));

afterAll(() => rmSync(mirrorWork, { recursive: true, force: true }));

/** Opens a page of the fixture archive in the file's one Chromium. */
const openFixture = (path: string): Promise<Page> => fixture.open(path);

const pathOf = (page: Page) => decodeURI(new URL(page.url()).pathname);

describe('citations in an archive whose documents cite each other', () => {
  test('a cited number links to the cited document, whose backlink leads back', async () => {
    const page = await openFixture(`${FIXTURE.repealing}/`);
    await page.locator('.doc-body a.citation-link', { hasText: '淄政办字[2019]10号' }).click();
    await page.waitForURL(`**${RELATIONS_BASE}${FIXTURE.repealed}/`);
    expect(await page.locator('h1').innerText()).toBe(
      '淄博市人民政府办公室关于进一步做好重大行政决策合法性审查工作的通知',
    );
    const status = page.locator('.doc-status');
    expect(await status.locator('strong').innerText()).toBe('已废止');
    expect(await status.innerText()).toContain(
      '已被《关于加强重大行政决策合法性审查的意见》（淄政办字〔2020〕1号）废止。',
    );

    // The relations are folded in 文件信息.
    await page.locator('details.doc-more summary').click();
    const backlinks = page
      .locator('section.doc-relations dt', { hasText: '引用本文件的文件' })
      .locator('xpath=following-sibling::dd[1]');
    await backlinks.getByRole('link', { name: '《关于加强重大行政决策合法性审查的意见》' }).click();
    await page.waitForURL(`**${RELATIONS_BASE}${FIXTURE.repealing}/`);
    expect(pathOf(page)).toBe(`${RELATIONS_BASE}${FIXTURE.repealing}/`);
  });

  test('an order cited in short links to the order printed in full, and search finds it by either spelling', async () => {
    const page = await openFixture(`${ORDERS.citing}/`);
    await page.getByRole('link', { name: '国务院令第713号' }).click();
    await page.waitForURL(`**${RELATIONS_BASE}${ORDERS.decree}/`);
    expect(await page.locator('h1').innerText()).toBe('重大行政决策程序暂行条例');
    for (const [query, id, number] of [
      ['国务院令第713号', ORDERS.decree, '中华人民共和国国务院令第713号'],
      ['市政府令第103号', ORDERS.cityOrder, '淄博市人民政府令第103号'],
      ['淄博市人民政府令103号', ORDERS.cityOrder, '淄博市人民政府令第103号'],
    ]) {
      const search = await openFixture(`search/?q=${encodeURIComponent(query)}`);
      const [first] = await readSearchResults(search);
      expect([query, first?.path, first?.number]).toEqual([query, `${RELATIONS_BASE}${id}/`, number]);
      expect(await search.locator('li.search-result').first().getAttribute('class')).toContain('is-number-match');
    }
  });

  test('the offline mirror finds an order by either spelling too: its manifest carries the gazette', async () => {
    // The relations fixture is the Zibo gazette (淄博市人民政府公报), as the sample's README facts say.
    const mirror = await createMirror({
      siteDir: out,
      outDir: mirrorWork,
      name: 'relations',
      date: '2021-01-01',
      base: RELATIONS_BASE,
      readme: SAMPLE_README,
      zip: false,
    });
    const root = pathToFileURL(mirror.folder).href;
    const context = await fixture.newContext();
    const left: string[] = [];
    await context.route(/^(?!file:)/u, (route) => (left.push(route.request().url()), route.abort()));
    for (const [query, id, number] of [
      ['市政府令第103号', ORDERS.cityOrder, '淄博市人民政府令第103号'],
      ['淄博市人民政府令103号', ORDERS.cityOrder, '淄博市人民政府令第103号'],
      ['国务院令第713号', ORDERS.decree, '中华人民共和国国务院令第713号'],
    ]) {
      const page = await context.newPage();
      await page.goto(`${root}/search/index.html?q=${encodeURIComponent(query)}`);
      const [first] = await readSearchResults(page);
      expect([query, first?.path.endsWith(`/${id}/index.html`), first?.number]).toEqual([query, true, number]);
      expect(await page.locator('li.search-result').first().getAttribute('class')).toContain('is-number-match');
    }
    expect(left).toEqual([]);
  });

  test('an order number cited with a space links too, and the link names the document', async () => {
    const page = await openFixture(`${FIXTURE.repealing}/`);
    const link = page.getByRole('link', { name: '市政府令 第102号' });
    expect(await link.getAttribute('title')).toBe('《淄博市重大行政决策程序规定》');
    await link.click();
    await page.waitForURL(`**${RELATIONS_BASE}${FIXTURE.rules}/`);
    expect(await page.locator('.doc-status strong').innerText()).toBe('已修改');
  });

  test('a number not in the archive is marked on screen and for screen readers, not linked', async () => {
    const page = await openFixture(`${FIXTURE.repealing}/`);
    const external = page.locator('.doc-body .citation-external', { hasText: '淄政办发[2018]9号' });
    expect(await external.evaluate((element) => element.closest('a'))).toBeNull();
    expect(await external.getAttribute('title')).toBe('本库未收录');
    expect(await external.evaluate((element) => getComputedStyle(element, '::after').content)).toContain('未收录');
    // The mark's alternative text is what the accessibility tree reads.
    expect(await page.locator('.doc-body').ariaSnapshot()).toContain('淄政办发[2018]9号（本库未收录）');
    // Copying the text gives it as printed.
    expect(await external.innerText()).toBe('淄政办发[2018]9号');
  });

  test.each([
    ['a repealed document', `${FIXTURE.repealed}/`],
    ['a repealing document with citations', `${FIXTURE.repealing}/`],
    ['an amended document with backlinks', `${FIXTURE.rules}/`],
    ['an expired document', `${FIXTURE.expired}/`],
    ['the open data page', 'data/'],
  ])('%s has no axe violations', async (_what, path) => {
    const page = await openFixture(path);
    expect(await checkA11y(page)).toEqual([]);
  });
});

describe('pages of the sample archive', () => {
  test.each([
    ['a document repealing one not in the archive (58号)', '2020/07/zzbz-2020-58/'],
    ['an expired document (56号)', '2020/07/zzbz-2020-56/'],
    ['the issuer index with feeds', 'issuers/'],
    ['the type index with feeds', 'types/'],
    ['the open data page', 'data/'],
  ])('%s has no axe violations', async (_what, path) => {
    const { page, response } = await site.open(path);
    expect(response?.status()).toBe(200);
    expect(await checkA11y(page)).toEqual([]);
  });

  test('the open data page links downloads that are served', async () => {
    const { page } = await site.open('data/');
    for (const name of ['catalog.json', 'catalog.csv', 'documents.jsonl', 'SHA256SUMS']) {
      const href = await page.getByRole('link', { name, exact: true }).getAttribute('href');
      const response = await page.request.get(new URL(href!, page.url()).href);
      expect([name, response.status()]).toEqual([name, 200]);
    }
  });
});
